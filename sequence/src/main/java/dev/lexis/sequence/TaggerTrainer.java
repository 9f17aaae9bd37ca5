package dev.lexis.sequence;

import dev.lexis.classify.PretrainedVectors;
import dev.lexis.corpora.ConllSentence;
import dev.lexis.nn.Gradients;
import dev.lexis.nn.Losses;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.optim.Optimizer;
import dev.lexis.nn.train.Checkpoint;
import dev.lexis.nn.train.TrainingDivergedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a {@link Tagger}: mini-batches of sentences of similar length (sorted by length, cut into batches, the
 * batch order shuffled every epoch), Adam with global gradient-norm clipping, data-parallel over
 * {@link TaggerConfig#threads()} workers (each batch is dealt out over the workers, each runs forward and
 * backward on its own tape and gradient buffers, the gradients are added and one optimizer step follows),
 * early stopping on the dev set (chunk F1 for chunk tags, else token accuracy; the best epoch is kept), a
 * progress report per epoch and an optional checkpoint after each epoch.
 *
 * <p>Reproducibility: with a fixed seed and thread count two runs give the same model.
 */
public final class TaggerTrainer {
    /** Pre-trained vectors beyond the training words that are kept (the most frequent first, by file order). */
    static final int EXTRA_PRETRAINED_WORDS = 100_000;

    private final TaggerConfig config;
    private TaggerListener listener = TaggerListener.NONE;
    private Path checkpoint;
    private Path resume;

    public TaggerTrainer(TaggerConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    public TaggerTrainer listener(TaggerListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        this.listener = listener;
        return this;
    }

    /** Writes a training checkpoint (parameters, optimizer state, progress) to {@code file} after every epoch. */
    public TaggerTrainer checkpointTo(Path file) {
        this.checkpoint = file;
        return this;
    }

    /**
     * Continues training from a checkpoint written by {@link #checkpointTo} (parameters, Adam's moments, best
     * parameters so far, epoch, step and early-stopping state): training goes on with the epoch after the saved
     * one, and with the same data, config, seed and thread count it ends with the same model as a run that was
     * never interrupted. The config may differ only in {@code epochs}, {@code patience} and {@code threads}.
     */
    public TaggerTrainer resumeFrom(Path file) {
        this.resume = file;
        return this;
    }

    /** Config keys a resumed run may change. */
    private static final java.util.Set<String> RESUMABLE_CHANGES = java.util.Set.of("epochs", "patience", "threads");

    /**
     * Trains on {@code train}, choosing the epoch by {@code dev} when it is not empty.
     *
     * @param train gold-tagged sentences (at least one token)
     * @param dev   gold-tagged sentences for early stopping; may be empty (then the last epoch is kept)
     * @throws IllegalArgumentException when there is no training token
     * @throws IOException              when the pre-trained vectors or the checkpoint cannot be read or written, or
     *                                  the checkpoint to resume from was trained with another config or data
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     */
    public Tagger train(List<ConllSentence> train, List<ConllSentence> dev) throws IOException {
        long tokenCount = 0;
        List<ConllSentence> usable = new ArrayList<>(train.size());
        for (ConllSentence s : train) {
            if (s.size() > 0) {
                usable.add(s);
                tokenCount += s.size();
            }
        }
        if (tokenCount == 0) {
            throw new IllegalArgumentException("no training sentences (the training data has no tokens)");
        }
        TaggerConfig cfg = config;
        // vocabulary: training words by frequency, then pre-trained words
        Map<String, Integer> counts = new HashMap<>();
        TreeSet<String> tagSet = new TreeSet<>();
        Map<String, Integer> suffixCounts = new HashMap<>();
        TreeSet<String> columnValueSet = new TreeSet<>();
        for (ConllSentence s : usable) {
            if (cfg.inputColumn() != 0) {
                Collections.addAll(columnValueSet, Tagger.inputColumn(s, cfg.inputColumn()));
            }
            for (String token : s.tokens()) {
                counts.merge(cfg.lowercase() ? token.toLowerCase(Locale.ROOT) : token, 1, Integer::sum);
                suffixCounts.merge(TokenEncoder.suffix(token), 1, Integer::sum);
            }
            Collections.addAll(tagSet, s.tags());
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Comparator.naturalOrder()));
        words.add(0, TokenEncoder.UNKNOWN);
        PretrainedVectors vectors = null;
        if (!cfg.embeddings().isEmpty()) {
            int[] extra = {0};
            boolean lower = cfg.lowercase();
            vectors = PretrainedVectors.read(Path.of(cfg.embeddings()), w -> {
                String key = lower ? w.toLowerCase(Locale.ROOT) : w;
                return counts.containsKey(key) || counts.containsKey(w) || extra[0]++ < EXTRA_PRETRAINED_WORDS;
            });
            if (vectors.dim() != cfg.embeddingDim()) {
                listener.onMessage("embedding dimension " + vectors.dim() + " taken from " + cfg.embeddings());
                cfg = cfg.withEmbeddingDim(vectors.dim());
            }
            java.util.Set<String> known = new java.util.HashSet<>(words);
            for (String w : vectors.words()) {
                String key = cfg.lowercase() ? w.toLowerCase(Locale.ROOT) : w;
                if (known.add(key)) {
                    words.add(key);
                }
            }
        }
        List<String> suffixes = new ArrayList<>(new TreeSet<>(suffixCounts.keySet()));
        suffixes.add(0, TokenEncoder.UNKNOWN);
        List<String> tags = new ArrayList<>(tagSet);
        List<String> columnValues = new ArrayList<>(columnValueSet);
        if (cfg.inputColumn() != 0) {
            columnValues.add(0, TokenEncoder.UNKNOWN);
        }
        TokenEncoder encoder = new TokenEncoder(words, cfg.features() ? suffixes : List.of(TokenEncoder.UNKNOWN),
                cfg.lowercase(), cfg.subwordDim() > 0 ? TaggerConfig.SUBWORD_BUCKETS : 0, columnValues);
        SplittableRandom random = new SplittableRandom(cfg.seed());
        TaggerNetwork network = TaggerNetwork.create(cfg, encoder.vocabularySize(),
                encoder.suffixes().size(), columnValues.size(), tags.size(), random);
        int covered = 0;
        if (vectors != null) {
            float[] e = network.embedding.value().data();
            int dim = cfg.embeddingDim();
            for (int id = 1; id < words.size(); id++) {
                String w = words.get(id);
                Optional<float[]> v = vectors.vector(w);
                if (v.isEmpty()) {
                    v = vectors.vector(w.toLowerCase(Locale.ROOT));
                }
                if (v.isPresent()) {
                    System.arraycopy(v.get(), 0, e, id * dim, dim);
                    covered++;
                }
            }
            network.embedding.setTrainable(!cfg.freezeEmbeddings());
            listener.onMessage(String.format(Locale.ROOT, "pre-trained vectors: %,d of %,d words from %s", covered,
                    words.size() - 1, cfg.embeddings()));
        }
        boolean[] singletons = new boolean[words.size()];
        for (int id = 1; id < words.size(); id++) {
            Integer c = counts.get(words.get(id));
            singletons[id] = c != null && c == 1;
        }
        Map<String, Integer> tagIds = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            tagIds.put(tags.get(i), i);
        }
        List<EncodedSentence> encoded = new ArrayList<>(usable.size());
        for (ConllSentence s : usable) {
            int[] ids = new int[s.size()];
            String[] t = s.tags();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tagIds.get(t[i]);
            }
            encoded.add(EncodedSentence.of(encoder, s.tokens(),
                    cfg.inputColumn() == 0 ? null : Tagger.inputColumn(s, cfg.inputColumn()), ids));
        }
        listener.onMessage(String.format(Locale.ROOT,
                "train %,d sentences / %,d tokens, dev %,d sentences, vocabulary %,d, tags %d, %s%s %d x %d, %d thread(s)",
                usable.size(), tokenCount, dev.size(), words.size(), tags.size(), cfg.bidirectional() ? "bi" : "",
                cfg.cell().key(), cfg.layers(), cfg.hiddenSize(), cfg.threads()));
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("trainSentences", Integer.toString(usable.size()));
        provenance.put("trainTokens", Long.toString(tokenCount));
        if (!usable.get(0).file().toString().isEmpty()) {
            provenance.put("trainFile", usable.get(0).file().toString());
        }
        Tagger tagger = new Tagger(cfg, encoder, tags, network, provenance);
        boolean chunkTags = SpanEvaluation.looksLikeChunkTags(tags);
        Run run = new Run(cfg, network, encoded, singletons);
        try {
            run.loop(tagger, dev, chunkTags, provenance);
        } finally {
            run.close();
        }
        return new Tagger(cfg, encoder, tags, network, provenance);
    }

    /** One training run: optimizer, workers and the epoch loop. */
    private final class Run implements AutoCloseable {
        private final TaggerConfig cfg;
        private final TaggerNetwork network;
        private final List<EncodedSentence> data;
        private final boolean[] singletons;
        private final List<Parameter> parameters;
        private final Optimizer optimizer;
        private final Worker[] workers;
        private final ExecutorService pool;

        Run(TaggerConfig cfg, TaggerNetwork network, List<EncodedSentence> data, boolean[] singletons) {
            this.cfg = cfg;
            this.network = network;
            this.data = data;
            this.singletons = singletons;
            this.parameters = network.parameters();
            this.optimizer = Optimizer.adam(parameters, cfg.learningRate());
            if (cfg.clipNorm() > 0) {
                optimizer.setClipNorm(cfg.clipNorm());
            }
            int n = Math.max(1, Math.min(cfg.threads(), cfg.batchSize()));
            workers = new Worker[n];
            for (int w = 0; w < n; w++) {
                workers[w] = new Worker(n == 1 ? new Tape() : new Tape(new Gradients()));
            }
            pool = n == 1 ? null : Executors.newFixedThreadPool(n - 1, r -> {
                Thread t = new Thread(r, "lexis-tagger-train");
                t.setDaemon(true);
                return t;
            });
        }

        void loop(Tagger tagger, List<ConllSentence> dev, boolean chunkTags, Map<String, String> provenance)
                throws IOException {
            Map<String, Tensor> best = new HashMap<>();
            double bestScore = Double.NEGATIVE_INFINITY;
            int bestEpoch = 0;
            int sinceBest = 0;
            long step = 0;
            double seconds = 0;
            long trainedTokens = 0;
            int firstEpoch = 1;
            if (resume != null) {
                checkResumable(resume);
                Checkpoint.Progress p;
                try {
                    p = Checkpoint.restore(resume, parameters, optimizer, best);
                } catch (IllegalArgumentException e) {
                    throw new IOException(resume + ": cannot resume (other data or options?): " + e.getMessage(), e);
                }
                firstEpoch = p.epoch() + 1;
                step = p.step();
                bestEpoch = p.bestEpoch();
                bestScore = p.bestValidation();
                sinceBest = p.epochsSinceBest();
                listener.onMessage("resumed from " + resume + " after epoch " + p.epoch() + " (step " + step + ")");
                if (cfg.patience() > 0 && sinceBest >= cfg.patience() && !dev.isEmpty()) {
                    listener.onMessage("the checkpoint had already stopped early (no better dev score for "
                            + sinceBest + " epochs)");
                    firstEpoch = cfg.epochs() + 1;
                }
            }
            for (int epoch = firstEpoch; epoch <= cfg.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                List<List<EncodedSentence>> batches = batches(epoch);
                double lossSum = 0;
                long lossTokens = 0;
                long trainStart = System.nanoTime();
                for (List<EncodedSentence> batch : batches) {
                    step++;
                    int batchTokens = 0;
                    for (EncodedSentence s : batch) {
                        batchTokens += s.length();
                    }
                    double loss = step(batch, batchTokens, epoch, step);
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException(epoch, step, (float) loss, optimizer.currentLearningRate(),
                                null);
                    }
                    optimizer.step();
                    optimizer.zeroGrad();
                    lossSum += loss * batchTokens;
                    lossTokens += batchTokens;
                }
                double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
                seconds += trainSeconds;
                trainedTokens += lossTokens;
                double devAccuracy = Double.NaN;
                double devF1 = Double.NaN;
                boolean isBest = true;
                if (!dev.isEmpty()) {
                    TagEvaluation e = tagger.evaluate(dev);
                    devAccuracy = e.accuracy();
                    devF1 = chunkTags ? e.f1() : Double.NaN;
                    double score = chunkTags ? devF1 : devAccuracy;
                    isBest = score > bestScore;
                    if (isBest) {
                        bestScore = score;
                        bestEpoch = epoch;
                        sinceBest = 0;
                        for (Parameter p : parameters) {
                            best.put(p.name(), p.value().copy());
                        }
                    } else {
                        sinceBest++;
                    }
                } else {
                    bestEpoch = epoch;
                }
                listener.onEpoch(new TaggerListener.EpochReport(epoch, cfg.epochs(), lossSum / lossTokens,
                        lossTokens / trainSeconds, devAccuracy, devF1, isBest,
                        (System.nanoTime() - epochStart) / 1e9));
                if (checkpoint != null) {
                    Checkpoint.save(checkpoint, parameters, optimizer,
                            new Checkpoint.Progress(epoch, step, bestEpoch, bestScore, sinceBest), best,
                            cfg.toProperties());
                }
                if (cfg.patience() > 0 && sinceBest >= cfg.patience()) {
                    listener.onMessage("no better dev score for " + sinceBest + " epochs: stopping after epoch " + epoch);
                    break;
                }
            }
            if (!best.isEmpty()) {
                for (Parameter p : parameters) {
                    p.value().copyFrom(best.get(p.name()));
                }
                listener.onMessage("kept epoch " + bestEpoch + " (best on the dev set)");
            }
            provenance.put("bestEpoch", Integer.toString(bestEpoch));
            if (seconds > 0) {
                provenance.put("trainTokensPerSecond", String.format(Locale.ROOT, "%.0f", trainedTokens / seconds));
            }
        }

        /** Refuses a checkpoint of another kind or trained with options that change the model or its training. */
        private void checkResumable(Path file) throws IOException {
            Map<String, String> saved = dev.lexis.nn.io.ModelFile.load(file, Checkpoint.KIND).config();
            for (Map.Entry<String, String> e : cfg.toProperties().entrySet()) {
                String was = saved.get(e.getKey());
                if (!RESUMABLE_CHANGES.contains(e.getKey()) && !e.getValue().equals(was)) {
                    throw new IOException(file + ": the checkpoint was trained with " + e.getKey() + "="
                            + (was == null ? "(unset)" : was) + ", the options give " + e.getKey() + "="
                            + e.getValue() + "; resume with the same options");
                }
            }
        }

        /** Sentences sorted by length (ties in a seeded random order), cut into batches, batch order shuffled. */
        private List<List<EncodedSentence>> batches(int epoch) {
            List<EncodedSentence> order = new ArrayList<>(data);
            Random random = new Random(cfg.seed() * 1_000_003L + epoch);
            Collections.shuffle(order, random);
            order.sort(Comparator.comparingInt(EncodedSentence::length).reversed());
            List<List<EncodedSentence>> batches = new ArrayList<>();
            for (int i = 0; i < order.size(); i += cfg.batchSize()) {
                batches.add(order.subList(i, Math.min(order.size(), i + cfg.batchSize())));
            }
            Collections.shuffle(batches, random);
            return batches;
        }

        /** Forward and backward of one batch over the workers; gradients end up in the parameters. */
        private double step(List<EncodedSentence> batch, int batchTokens, int epoch, long step) {
            int n = Math.min(workers.length, batch.size());
            for (int w = 0; w < n; w++) {
                Worker worker = workers[w];
                worker.part.clear();
                for (int s = w; s < batch.size(); s += n) {
                    worker.part.add(batch.get(s));   // dealt out: each part stays sorted longest first
                }
                worker.tape.setSeed(cfg.seed() * 31 + step * 7 + w);
            }
            if (n == 1) {
                return workers[0].run(batchTokens);
            }
            List<Future<Double>> futures = new ArrayList<>(n - 1);
            for (int w = 1; w < n; w++) {
                Worker worker = workers[w];
                futures.add(pool.submit(() -> worker.run(batchTokens)));
            }
            double loss = workers[0].run(batchTokens);
            for (Future<Double> f : futures) {
                try {
                    loss += f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while training", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            for (int w = 0; w < n; w++) {
                workers[w].tape.gradients().addToParameters();
                workers[w].tape.gradients().zero();
            }
            return loss;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }

        /** One worker's tape, gradient buffers and batch. */
        private final class Worker {
            final Tape tape;
            final SentenceBatch batch = new SentenceBatch();
            final List<EncodedSentence> part = new ArrayList<>();
            final Tensor seed = Tensor.zeros(1);

            Worker(Tape tape) {
                this.tape = tape;
            }

            /** Records forward and backward; returns this part's share of the batch's mean loss. */
            double run(int batchTokens) {
                batch.fill(part, singletons, cfg.wordDropout(), tape.random());
                if (batch.tokens == 0) {
                    return 0;
                }
                tape.reset();
                tape.setTraining(true);
                Var loss = Losses.softmaxCrossEntropy(network.logits(tape, batch), batch.targets);
                float share = (float) batch.tokens / batchTokens;
                seed.set(0, share);
                tape.backward(loss, seed);
                return loss.item() * share;
            }
        }
    }
}
