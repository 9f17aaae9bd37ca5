package dev.lexis.lm;

import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Trains a {@link NeuralLanguageModel} by maximum likelihood (minimising the mean −ln p of the next word over
 * shuffled mini-batches of n-grams), as in Bengio et al. (2003), section 3.
 *
 * <ul>
 *   <li>SGD with the paper's decreasing rate ε_t = ε0 / (1 + r t), or Adam with bias correction; with
 *       either, when an epoch does not improve the validation perplexity, the best weights are restored and
 *       the rate halved (Mikolov's RNNLM recipe, also used by the PyTorch peer).</li>
 *   <li>Dropout on the concatenated embeddings and the tanh outputs if {@link NnlmConfig#dropout()} &gt; 0,
 *       its masks drawn from the seed and the update number (so a resumed one-thread run is the same).</li>
 *   <li>Weight decay λ on the weights and on C, not on the biases (as the paper).</li>
 *   <li>Early stopping: after {@code patience} epochs without a better validation perplexity; the model
 *       returned has the weights of the best epoch.</li>
 *   <li>{@code threads} workers take mini-batches from a shared queue and update the shared weights without
 *       locks — the asynchronous data-parallel scheme of the paper's shared-memory runs (section 3.1). With
 *       one thread a run is reproducible from its seed; with more it is not.</li>
 *   <li>A checkpoint (an NNLM model file with the training state, the Adam moments and, within an epoch,
 *       the best weights so far) after each epoch and every {@link #checkpointEvery(int)} updates within one;
 *       {@link #resumeFrom(Path)} continues from one, mid-epoch included: the epoch's shuffled order is a
 *       function of the seed and the epoch, so the run goes on with the next mini-batch. A one-thread run
 *       resumed from any checkpoint ends with the same weights as the same run uninterrupted.</li>
 *   <li>A NaN or infinite loss stops training with an {@link NnlmDivergedException} naming the epoch, the
 *       step and the learning rate.</li>
 * </ul>
 *
 * <p>The full-softmax output layer runs in fused kernels (see {@code OutputKernel}); the hidden layer and
 * the embedding updates use the {@code dev.lexis.nn.kernel} dot/axpy kernels.
 */
public final class NnlmTrainer {
    private static final long REPORT_MILLIS = 2000;

    private final NnlmConfig config;
    private final Path checkpoint;
    private final Path resume;
    private final int checkpointSteps;

    /** A trainer with these settings, no checkpoints. */
    public NnlmTrainer(NnlmConfig config) {
        this(config, null, null, 0);
    }

    private NnlmTrainer(NnlmConfig config, Path checkpoint, Path resume, int checkpointSteps) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.checkpoint = checkpoint;
        this.resume = resume;
        this.checkpointSteps = checkpointSteps;
    }

    /** A copy that writes a checkpoint to {@code file} after every epoch (and see {@link #checkpointEvery(int)}). */
    public NnlmTrainer checkpointTo(Path file) {
        return new NnlmTrainer(config, file, resume, checkpointSteps);
    }

    /**
     * A copy that also writes the checkpoint every {@code steps} updates (mini-batches) within an epoch; 0 = only
     * at the end of epochs. The workers finish their mini-batches and wait while it is written.
     *
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public NnlmTrainer checkpointEvery(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0 updates, got " + steps);
        }
        return new NnlmTrainer(config, checkpoint, resume, steps);
    }

    /**
     * A copy that continues a run from a checkpoint: its model settings and vocabulary win over this config's;
     * the epochs, threads and patience are this config's.
     */
    public NnlmTrainer resumeFrom(Path file) {
        return new NnlmTrainer(config, checkpoint, file, checkpointSteps);
    }

    public NnlmConfig config() {
        return config;
    }

    /**
     * Builds the vocabulary from {@code trainFile} (or takes the checkpoint's) and trains.
     *
     * @throws IllegalArgumentException if a file is empty, the vocabulary holds no word of the training text,
     *                                  or the validation text has only unknown words (each naming the file)
     * @throws NnlmDivergedException    if the loss becomes NaN or infinite
     * @throws IOException              if a checkpoint cannot be read or written
     */
    public NeuralLanguageModel train(Path trainFile, Path validFile, TrainingListener listener) throws IOException {
        ModelFile resumed = resume == null ? null : ModelFile.load(resume, NeuralLanguageModel.KIND);
        LmVocabulary vocabulary = resumed != null ? LmFiles.vocabulary(resumed)
                : LmVocabulary.build(trainFile, config.minCount(), config.maxVocab());
        if (vocabulary.size() <= 2) {
            throw new IllegalArgumentException(trainFile + ": no word occurs at least " + config.minCount()
                    + " times (--min-count); the vocabulary would hold only </s> and <unk>");
        }
        EncodedText train = vocabulary.encode(trainFile);
        EncodedText valid = vocabulary.encode(validFile);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("model.train_file", trainFile.toString());
        provenance.put("model.valid_file", validFile.toString());
        return train(vocabulary, train, valid, resumed, listener, provenance);
    }

    /**
     * Trains on texts already encoded with {@code vocabulary}.
     *
     * @throws IllegalArgumentException if a text is empty or the validation text has only unknown words
     */
    public NeuralLanguageModel train(LmVocabulary vocabulary, EncodedText train, EncodedText valid,
                                     TrainingListener listener) throws IOException {
        ModelFile resumed = resume == null ? null : ModelFile.load(resume, NeuralLanguageModel.KIND);
        return train(vocabulary, train, valid, resumed, listener, new LinkedHashMap<>());
    }

    private NeuralLanguageModel train(LmVocabulary vocabulary, EncodedText train, EncodedText valid,
                                      ModelFile resumed, TrainingListener listener, Map<String, String> provenance)
            throws IOException {
        checkText(train, "training");
        checkText(valid, "validation");
        NnlmConfig cfg = config;
        if (resumed != null) {
            NnlmConfig saved = NnlmConfig.fromProperties(resumed.config());
            cfg = saved.withEpochs(config.epochs()).withThreads(config.threads()).withPatience(config.patience());
            if (!resumed.vocabularyWords().equals(vocabulary.words())) {
                throw new IllegalArgumentException(resumed.source() + ": the checkpoint's vocabulary differs from "
                        + "the one the texts were encoded with");
            }
        }
        Run run = new Run(cfg, vocabulary, train.ids(), valid.ids(), listener);
        if (resumed != null) {
            run.restore(resumed);
        }
        run.execute();
        provenance.put("model.valid_perplexity", format(run.bestValid));
        provenance.put("model.epochs_run", Integer.toString(run.epochsRun));
        provenance.put("model.train_words_per_second", format(run.wordsPerSecond()));
        provenance.put("model.train_seconds", format(run.trainNanos / 1e9));
        provenance.put("model.output_kernel", OutputKernel.get().name());
        return new NeuralLanguageModel(cfg, vocabulary, run.best, provenance);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void checkText(EncodedText text, String what) {
        if (text.length() == 0) {
            throw new IllegalArgumentException(text.source() + ": no tokens; the " + what + " file is empty");
        }
        int words = 0;
        int unknown = 0;
        for (int id : text.ids()) {
            if (id != LmVocabulary.EOS_ID) {
                words++;
                if (id == LmVocabulary.UNK_ID) {
                    unknown++;
                }
            }
        }
        if (words > 0 && unknown == words) {
            throw new IllegalArgumentException(text.source() + ": all " + words + " tokens of the " + what
                    + " file are unknown words (none is in the vocabulary of the training file)");
        }
    }

    /** The mutable state of one training run. */
    private final class Run {
        final NnlmConfig cfg;
        final LmVocabulary vocabulary;
        final int[] trainIds;
        final int[] validIds;
        final TrainingListener listener;
        final OutputKernel kernel = OutputKernel.get();
        final NnlmWeights w;
        NnlmWeights best;
        final boolean adam;
        float[] mW, vW, mB, vB, mC, vC, mH, vH, mD, vD;
        final AtomicLong step = new AtomicLong();
        double lrScale = 1;
        double bestValid = Double.POSITIVE_INFINITY;
        int badEpochs;
        int startEpoch = 1;
        int epochsRun;
        long trainNanos;
        long trainWords;
        // progress inside the current epoch (restored from a mid-epoch checkpoint)
        int startBatch;
        double epochLogp;
        long epochWords;
        long epochNanos;

        Run(NnlmConfig cfg, LmVocabulary vocabulary, int[] trainIds, int[] validIds, TrainingListener listener) {
            this.cfg = cfg;
            this.vocabulary = vocabulary;
            this.trainIds = trainIds;
            this.validIds = validIds;
            this.listener = listener == null ? TrainingListener.silent() : listener;
            this.w = new NnlmWeights(cfg, vocabulary, kernel);
            w.initialize(vocabulary, cfg.seed());
            this.adam = cfg.optimizer() == NnlmConfig.Optimizer.ADAM;
            if (adam) {
                mW = new float[w.out.length];
                vW = new float[w.out.length];
                mB = new float[w.outBias.length];
                vB = new float[w.outBias.length];
                mC = new float[w.c.length];
                vC = new float[w.c.length];
                mH = new float[w.h.length];
                vH = new float[w.h.length];
                mD = new float[w.d.length];
                vD = new float[w.d.length];
            }
        }

        double wordsPerSecond() {
            return trainNanos == 0 ? 0 : trainWords / (trainNanos / 1e9);
        }

        double learningRate(long t) {
            return cfg.effectiveLearningRate() * lrScale / (1 + cfg.learningRateDecay() * t);
        }

        void restore(ModelFile file) {
            NnlmWeights loaded = NeuralLanguageModel.readWeights(file, cfg, vocabulary);
            w.copyFrom(loaded);
            startEpoch = Integer.parseInt(file.findConfig("train.epoch").orElse("0")) + 1;
            step.set(Long.parseLong(file.findConfig("train.step").orElse("0")));
            lrScale = Double.parseDouble(file.findConfig("train.lr_scale").orElse("1"));
            bestValid = Double.parseDouble(file.findConfig("train.best_valid").orElse("Infinity"));
            badEpochs = Integer.parseInt(file.findConfig("train.bad_epochs").orElse("0"));
            startBatch = Integer.parseInt(file.findConfig("train.batch").orElse("0"));
            epochLogp = Double.parseDouble(file.findConfig("train.epoch_logp").orElse("0"));
            epochWords = Long.parseLong(file.findConfig("train.epoch_words").orElse("0"));
            epochNanos = Long.parseLong(file.findConfig("train.epoch_nanos").orElse("0"));
            trainNanos = Long.parseLong(file.findConfig("train.nanos").orElse("0"));
            trainWords = Long.parseLong(file.findConfig("train.words").orElse("0"));
            if (file.hasTensor("best.C")) {
                best = w.copy(vocabulary);
                for (Map.Entry<String, float[]> e : bestState(best).entrySet()) {
                    Tensor t = file.tensor(e.getKey());
                    System.arraycopy(t.data(), t.offset(), e.getValue(), 0, e.getValue().length);
                }
            }
            if (adam) {
                for (Map.Entry<String, float[]> e : adamState().entrySet()) {
                    if (file.hasTensor(e.getKey())) {
                        Tensor t = file.tensor(e.getKey());
                        System.arraycopy(t.data(), t.offset(), e.getValue(), 0, e.getValue().length);
                    }
                }
            }
        }

        static Map<String, float[]> bestState(NnlmWeights b) {
            Map<String, float[]> m = new LinkedHashMap<>();
            m.put("best.C", b.c);
            m.put("best.H", b.h);
            m.put("best.d", b.d);
            m.put("best.out", b.out);
            m.put("best.out_bias", b.outBias);
            return m;
        }

        Map<String, float[]> adamState() {
            Map<String, float[]> m = new LinkedHashMap<>();
            m.put("adam.m.out", mW);
            m.put("adam.v.out", vW);
            m.put("adam.m.out_bias", mB);
            m.put("adam.v.out_bias", vB);
            m.put("adam.m.C", mC);
            m.put("adam.v.C", vC);
            m.put("adam.m.H", mH);
            m.put("adam.v.H", vH);
            m.put("adam.m.d", mD);
            m.put("adam.v.d", vD);
            return m;
        }

        void execute() throws IOException {
            if (best == null) {
                best = w.copy(vocabulary);
            }
            for (int epoch = startEpoch; epoch <= cfg.epochs(); epoch++) {
                double[] epochStats = runEpoch(epoch);
                epochsRun++;
                double validPpl = perplexity(NeuralLanguageModel.logProbabilities(w, validIds, cfg.threads()));
                if (!Double.isFinite(validPpl)) {
                    throw new NnlmDivergedException(epoch, step.get(), validPpl, learningRate(step.get()));
                }
                listener.onProgress(new TrainingProgress(epoch, cfg.epochs(), step.get(), trainIds.length,
                        trainIds.length, epochStats[0], epochStats[1], 0, learningRate(step.get()), validPpl, true));
                boolean stop = false;
                if (validPpl < bestValid) {
                    bestValid = validPpl;
                    best.copyFrom(w);
                    badEpochs = 0;
                } else {
                    badEpochs++;
                    w.copyFrom(best);
                    lrScale *= 0.5;
                    stop = badEpochs >= cfg.patience();
                }
                if (checkpoint != null) {
                    saveCheckpoint(epoch, 0);
                }
                if (stop) {
                    break;
                }
            }
        }

        /**
         * Writes the checkpoint: after {@code epoch} complete epochs when {@code batch} is 0, else inside epoch
         * {@code epoch + 1} before its mini-batch {@code batch} (then with the epoch's running totals and the
         * best weights, which differ from the current ones only inside an epoch).
         */
        void saveCheckpoint(int epoch, int batch) throws IOException {
            Map<String, String> state = new LinkedHashMap<>();
            state.put("train.epoch", Integer.toString(epoch));
            state.put("train.batch", Integer.toString(batch));
            state.put("train.step", Long.toString(step.get()));
            state.put("train.lr_scale", Double.toString(lrScale));
            state.put("train.best_valid", Double.toString(bestValid));
            state.put("train.bad_epochs", Integer.toString(badEpochs));
            state.put("train.epoch_logp", Double.toString(batch == 0 ? 0 : epochLogp));
            state.put("train.epoch_words", Long.toString(batch == 0 ? 0 : epochWords));
            state.put("train.epoch_nanos", Long.toString(batch == 0 ? 0 : epochNanos));
            state.put("train.nanos", Long.toString(trainNanos));
            state.put("train.words", Long.toString(trainWords));
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            if (adam) {
                adamState().forEach((k, v) -> tensors.put(k, Tensor.of(v.clone(), v.length)));
            }
            if (batch > 0) {
                bestState(best).forEach((k, v) -> tensors.put(k, Tensor.of(v.clone(), v.length)));
            }
            Path tmp = checkpoint.resolveSibling(checkpoint.getFileName() + ".tmp");
            NeuralLanguageModel.toModelFile(cfg, vocabulary, w, Map.of(), state, tensors).save(tmp);
            // a kill while writing leaves the previous checkpoint whole
            java.nio.file.Files.move(tmp, checkpoint, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        double perplexity(double[] logp) {
            double sum = 0;
            for (double v : logp) {
                sum += v;
            }
            return Math.exp(-sum / logp.length);
        }

        /**
         * Runs epoch {@code epoch} from mini-batch {@link #startBatch} on, in segments of {@code checkpointSteps}
         * mini-batches with a checkpoint after each (one segment when 0).
         *
         * @return {mean loss, words/s} of the epoch
         */
        double[] runEpoch(int epoch) throws IOException {
            int n = trainIds.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(cfg.seed() * 1_000_003L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            int batch = cfg.batchSize();
            int batches = (n + batch - 1) / batch;
            int from = Math.min(startBatch, batches);
            startBatch = 0;
            while (from < batches) {
                int to = checkpointSteps > 0 && checkpoint != null ? Math.min(batches, from + checkpointSteps) : batches;
                runBatches(epoch, order, from, to);
                from = to;
                if (to < batches) {
                    saveCheckpoint(epoch - 1, to);
                    listener.onCheckpoint(checkpoint, new TrainingProgress(epoch, cfg.epochs(), step.get(),
                            epochWords, n, -epochLogp / Math.max(1, epochWords),
                            epochWords / Math.max(1e-9, epochNanos / 1e9), Double.NaN, learningRate(step.get()),
                            Double.NaN, false));
                }
            }
            double[] stats = {-epochLogp / Math.max(1, epochWords), epochWords / Math.max(1e-9, epochNanos / 1e9)};
            epochLogp = 0;
            epochWords = 0;
            epochNanos = 0;
            return stats;
        }

        /** Mini-batches [first, end) of the epoch's shuffled {@code order}, on the worker threads. */
        private void runBatches(int epoch, int[] order, int first, int end) {
            int n = trainIds.length;
            int batch = cfg.batchSize();
            AtomicInteger next = new AtomicInteger(first);
            AtomicLong words = new AtomicLong();
            DoubleAdder logpSum = new DoubleAdder();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            double[] lastLr = {learningRate(step.get())};
            int threads = Math.min(cfg.threads(), end - first);
            long dropSeed = cfg.seed() * 0x9e3779b97f4a7c15L;
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                NnlmWorker worker = new NnlmWorker(w, kernel, batch, true);
                OutputKernel.Update u = worker.update;
                u.weightDecay = (float) cfg.weightDecay();
                u.adam = adam;
                u.mW = mW;
                u.vW = vW;
                u.mB = mB;
                u.vB = vB;
                worker.mC = mC;
                worker.vC = vC;
                worker.mH = mH;
                worker.vH = vH;
                worker.mD = mD;
                worker.vD = vD;
                workers[t] = new Thread(() -> {
                    try {
                        while (failure.get() == null) {
                            int bi = next.getAndIncrement();
                            if (bi >= end) {
                                break;
                            }
                            int start = bi * batch;
                            int rows = Math.min(batch, n - start);
                            for (int r = 0; r < rows; r++) {
                                worker.load(r, trainIds, order[start + r]);
                            }
                            long t1 = step.incrementAndGet();
                            double lr = learningRate(t1 - 1);
                            u.lr = (float) lr;
                            if (adam) {
                                u.lrAdam = (float) (lr * Math.sqrt(1 - Math.pow(u.beta2, t1)) / (1 - Math.pow(u.beta1, t1)));
                            }
                            worker.dropoutSeed = dropSeed + t1 * 0xd1b54a32d192ed03L;
                            double lp = worker.trainStep(rows);
                            if (!Double.isFinite(lp)) {
                                failure.compareAndSet(null, new NnlmDivergedException(epoch, t1, -lp, lr));
                                break;
                            }
                            lastLr[0] = lr;
                            logpSum.add(lp);
                            words.addAndGet(rows);
                        }
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e instanceof RuntimeException re ? re : new IllegalStateException(e));
                    }
                }, "nnlm-train-" + t);
                workers[t].setDaemon(true);
            }
            long t0 = System.nanoTime();
            for (Thread t : workers) {
                t.start();
            }
            try {
                for (Thread t : workers) {
                    while (t.isAlive()) {
                        t.join(REPORT_MILLIS);
                        if (t.isAlive()) {
                            long done = epochWords + words.get();
                            double secs = (epochNanos + System.nanoTime() - t0) / 1e9;
                            double wps = done / Math.max(1e-9, secs);
                            listener.onProgress(new TrainingProgress(epoch, cfg.epochs(), step.get(), done, n,
                                    done == 0 ? Double.NaN : -(epochLogp + logpSum.sum()) / done, wps,
                                    wps == 0 ? Double.NaN : (n - done) / wps, lastLr[0], Double.NaN, false));
                        }
                    }
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, new IllegalStateException("interrupted"));
                Thread.currentThread().interrupt();
                for (Thread t : workers) {
                    t.interrupt();
                }
            }
            long elapsed = System.nanoTime() - t0;
            if (failure.get() != null) {
                throw failure.get();
            }
            trainNanos += elapsed;
            trainWords += words.get();
            epochNanos += elapsed;
            epochWords += words.get();
            epochLogp += logpSum.sum();
        }
    }

    /** The optional checkpoint file. */
    public Optional<Path> checkpointFile() {
        return Optional.ofNullable(checkpoint);
    }
}
