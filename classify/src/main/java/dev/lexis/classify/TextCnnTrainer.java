package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import dev.lexis.nn.optim.Adadelta;
import dev.lexis.nn.optim.LearningRateSchedule;
import dev.lexis.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinTask;

/**
 * Trains a {@link TextCnnClassifier} as Kim (2014)'s code does: weights initialised as there (filters uniform in
 * Glorot's bound, biases and softmax weights zero; see {@code CnnNet#initWeightsKim}), mini-batches (shuffled each
 * epoch), softmax cross-entropy averaged over the batch, Adadelta (Zeiler 2012) on every parameter — nn's
 * {@link Adadelta} on the dense weights; on the tuned embedding, the rows a batch touched, with the decay of the
 * skipped steps applied on the next touch, which equals dense Adadelta — dropout on the pooled features (Kim's,
 * not inverted: the trained model scales its softmax weights by 1 − dropout) and, after each step, the softmax
 * weight vectors rescaled to an L2 norm of at most {@code maxNorm} (nn's max-norm constraint). With a dev set,
 * the epoch with the best dev accuracy is kept (on a tie the later epoch, as in Kim's code).
 *
 * <p>Speed: the forward convolution of a whole batch is one GEMM (nn kernels, on their threads); the backward
 * pass touches only each filter's max-pooled position and runs on {@code threads} threads, each on its share of
 * the batch with its own gradient buffers, summed in a fixed order. Training is reproducible from the seed.
 */
public final class TextCnnTrainer {
    private final TextCnnConfig config;

    public TextCnnTrainer(TextCnnConfig config) {
        this.config = config;
    }

    /**
     * Trains on {@code train}, reading the pre-trained vectors named by the config (pre-trained modes).
     *
     * @param dev      optional dev examples (may be empty): the epoch with the best dev accuracy is kept
     * @param listener one report per epoch
     * @throws IllegalArgumentException for fewer than two classes, an empty text, a dev label never seen in
     *                                  training, or a vectors file whose dimension differs from a set embeddingDim
     * @throws IOException              if the vectors file cannot be read
     * @throws IllegalStateException    if the loss becomes NaN
     */
    public TextCnnClassifier train(List<LabelledText> train, List<LabelledText> dev, TrainingListener listener)
            throws IOException {
        PretrainedVectors vectors = null;
        if (config.mode().pretrained()) {
            vectors = PretrainedVectors.read(Path.of(config.embeddings()), w -> true);
        }
        return train(train, dev, vectors, listener);
    }

    /**
     * Trains on {@code train} with vectors already in memory ({@code null} for rand mode).
     *
     * @see #train(List, List, TrainingListener)
     */
    public TextCnnClassifier train(List<LabelledText> train, List<LabelledText> dev, PretrainedVectors vectors,
                                   TrainingListener listener) {
        List<String> labels = Examples.checkTraining(train);
        Map<String, Integer> labelIndex = Examples.index(labels);
        int[] y = Examples.labelIds(train, labelIndex, labels);
        int[] devY = Examples.labelIds(dev, labelIndex, labels);
        if (config.mode().pretrained() && vectors == null) {
            throw new IllegalArgumentException("mode " + config.mode().spec() + " needs pre-trained vectors");
        }
        int dim = config.embeddingDim();
        if (vectors != null) {
            if (dim != 0 && dim != vectors.dim()) {
                throw new IllegalArgumentException(vectors.source() + ": vectors have dimension " + vectors.dim()
                        + ", but embeddingDim (--dim) is " + dim + "; drop --dim or use vectors of dimension " + dim);
            }
            dim = vectors.dim();
        } else if (dim == 0) {
            dim = 300;
        }
        TextCnnConfig resolved = config.withEmbeddingDim(dim);
        TextAnalyzer analyzer = TextAnalyzer.of(config.analyzer());

        // vocabulary: training words by decreasing count (then alphabetically), then the other pre-trained words
        List<List<String>> tokens = new ArrayList<>(train.size());
        Map<String, Long> counts = new HashMap<>();
        for (LabelledText example : train) {
            List<String> t = analyzer.tokens(example.text());
            tokens.add(t);
            for (String w : t) {
                counts.merge(w, 1L, Long::sum);
            }
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort((a, b) -> {
            int byCount = Long.compare(counts.get(b), counts.get(a));
            return byCount != 0 ? byCount : a.compareTo(b);
        });
        if (vectors != null) {
            for (String w : vectors.words()) {
                if (!counts.containsKey(w)) {
                    words.add(w);
                }
            }
        }
        Map<String, Integer> wordIds = new HashMap<>();
        long[] wordCounts = new long[words.size()];
        for (int i = 0; i < words.size(); i++) {
            wordIds.put(words.get(i), i);
            wordCounts[i] = counts.getOrDefault(words.get(i), 0L);
        }

        SplittableRandom random = new SplittableRandom(config.seed());
        int v = words.size();
        float[] emb = new float[v * dim];
        boolean[] pretrained = new boolean[v];
        if (vectors != null) {
            for (int i = 0; i < v; i++) {
                pretrained[i] = vectors.copyTo(words.get(i), emb, i * dim);
                if (pretrained[i] && config.normalizeVectors()) {
                    normalize(emb, i * dim, dim);
                }
            }
            listener.onNote(coverage(vectors, counts, pretrained, wordIds));
        }
        double range = config.initRange();
        float vectorScale = 1f;
        if (vectors != null && config.standardizeVectors()) {
            standardize(emb, pretrained, dim, config.initRange() / Math.sqrt(3));
            listener.onNote(String.format(Locale.ROOT, "vectors: each dimension centred and scaled to standard "
                    + "deviation %.4f; words without a vector uniform in ±%.4f", config.initRange() / Math.sqrt(3),
                    range));
        } else if (vectors != null) {
            double std = Math.sqrt(config.normalizeVectors() ? variance(emb, pretrained, dim) : vectors.variance());
            if (config.scaleVectors() && std > 0) {
                vectorScale = (float) (config.initRange() / Math.sqrt(3) / std);
            } else {
                range = Math.sqrt(3) * std;                // U[-a, a] has variance a²/3: match the vectors (Kim)
            }
            listener.onNote(String.format(Locale.ROOT, "vectors: standard deviation %.4f%s; words without a vector "
                    + "uniform in ±%.4f", std * vectorScale,
                    vectorScale != 1f ? String.format(Locale.ROOT, " (scaled by %.4f)", vectorScale) : "",
                    range));
        }
        for (int i = 0; i < v; i++) {
            if (!pretrained[i]) {
                for (int e = 0; e < dim; e++) {
                    emb[i * dim + e] = (float) ((random.nextDouble() * 2 - 1) * range);
                }
            } else if (vectorScale != 1f) {
                for (int e = 0; e < dim; e++) {
                    emb[i * dim + e] *= vectorScale;
                }
            }
        }
        CnnMode mode = config.mode();
        // static mode with tuneUnknownWords: one channel that is trained, except the rows of pre-trained vectors
        boolean tuneUnknown = mode == CnnMode.STATIC && config.tuneUnknownWords();
        boolean[] frozen = tuneUnknown ? pretrained : null;
        float[] embStatic = mode.hasStaticChannel() && !tuneUnknown ? emb : null;
        float[] embTuned = mode.hasTunedChannel() ? (mode.hasStaticChannel() ? emb.clone() : emb)
                : tuneUnknown ? emb : null;
        int[] widths = config.filterWidths().stream().mapToInt(Integer::intValue).toArray();
        CnnNet net = new CnnNet(v, dim, config.featureMaps(), widths, labels.size(), resolved.effectivePadding(),
                config.stride(), embStatic, embTuned);
        int[][] ids = new int[train.size()][];
        int maxTokens = 0;
        for (int i = 0; i < ids.length; i++) {
            List<String> t = tokens.get(i);
            ids[i] = new int[t.size()];
            for (int k = 0; k < t.size(); k++) {
                ids[i][k] = wordIds.get(t.get(k));
            }
            maxTokens = Math.max(maxTokens, t.size());
        }
        net.initWeightsKim(random, maxTokens);
        float[] prior = Examples.prior(y, labels.size());
        return new Run(resolved, net, labels, words, wordCounts, prior, ids, y, dev, devY, random, listener, frozen)
                .train();
    }

    /** Scales {@code a[off … off + n)} to unit L2 norm (a zero vector stays zero). */
    static void normalize(float[] a, int off, int n) {
        double sum = 0;
        for (int i = off; i < off + n; i++) {
            sum += (double) a[i] * a[i];
        }
        if (sum > 0) {
            float inv = (float) (1 / Math.sqrt(sum));
            for (int i = off; i < off + n; i++) {
                a[i] *= inv;
            }
        }
    }

    /** Centres each dimension of the rows marked {@code pretrained} and scales it to standard deviation {@code std}. */
    static void standardize(float[] emb, boolean[] pretrained, int dim, double std) {
        double[] sum = new double[dim];
        double[] sq = new double[dim];
        long n = 0;
        for (int i = 0; i < pretrained.length; i++) {
            if (pretrained[i]) {
                for (int e = 0; e < dim; e++) {
                    double x = emb[i * dim + e];
                    sum[e] += x;
                    sq[e] += x * x;
                }
                n++;
            }
        }
        if (n == 0) {
            return;
        }
        float[] mean = new float[dim];
        float[] scale = new float[dim];
        for (int e = 0; e < dim; e++) {
            mean[e] = (float) (sum[e] / n);
            double var = sq[e] / n - (sum[e] / n) * (sum[e] / n);
            scale[e] = var > 0 ? (float) (std / Math.sqrt(var)) : 0f;
        }
        for (int i = 0; i < pretrained.length; i++) {
            if (pretrained[i]) {
                for (int e = 0; e < dim; e++) {
                    emb[i * dim + e] = (emb[i * dim + e] - mean[e]) * scale[e];
                }
            }
        }
    }

    /** The variance of the components of the rows marked {@code pretrained}. */
    private static double variance(float[] emb, boolean[] pretrained, int dim) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int i = 0; i < pretrained.length; i++) {
            if (pretrained[i]) {
                for (int e = i * dim; e < (i + 1) * dim; e++) {
                    sum += emb[e];
                    sq += (double) emb[e] * emb[e];
                }
                n += dim;
            }
        }
        return n == 0 ? 0 : sq / n - (sum / n) * (sum / n);
    }

    /** "vectors FILE: 12,864 of 17,500 training word types (93.1 % of the 160,000 training tokens) have a vector". */
    private static String coverage(PretrainedVectors vectors, Map<String, Long> counts, boolean[] pretrained,
                                   Map<String, Integer> wordIds) {
        long types = 0;
        long tokens = 0;
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            total += e.getValue();
            if (pretrained[wordIds.get(e.getKey())]) {
                types++;
                tokens += e.getValue();
            }
        }
        return String.format(Locale.ROOT, "vectors %s: %,d words of dimension %d; %,d of %,d training word types "
                + "(%.1f %% of %,d training tokens) have a vector", vectors.source(), vectors.size(), vectors.dim(),
                types, counts.size(), 100.0 * tokens / Math.max(1, total), total);
    }

    /** One training run: the optimizer state, the workers' scratch, the loop. */
    private static final class Run {
        final TextCnnConfig config;
        final CnnNet net;
        final List<String> labels;
        final List<String> words;
        final long[] wordCounts;
        final float[] prior;
        final int[][] ids;
        final int[] y;
        final List<LabelledText> dev;
        final int[] devY;
        final SplittableRandom random;
        final TrainingListener listener;

        final Optimizer optimizer;                // nn's Adadelta and max-norm on the dense weights
        final RowAdadelta embedding;
        final float[] embGrad;
        final boolean[] touched;
        final int[] lastStep;
        int steps;
        int[] touchedRows = new int[1024];
        int touchedCount;
        /** Rows of the trained channel that stay fixed (static mode's pre-trained vectors), or null. */
        final boolean[] frozen;

        final CnnNet.Workspace ws = new CnnNet.Workspace();
        final CnnNet.Gradients[] grads;

        Run(TextCnnConfig config, CnnNet net, List<String> labels, List<String> words, long[] wordCounts, float[] prior,
            int[][] ids, int[] y, List<LabelledText> dev, int[] devY, SplittableRandom random, TrainingListener listener,
            boolean[] frozen) {
            this.config = config;
            this.frozen = frozen;
            this.net = net;
            this.labels = labels;
            this.words = words;
            this.wordCounts = wordCounts;
            this.prior = prior;
            this.ids = ids;
            this.y = y;
            this.dev = dev;
            this.devY = devY;
            this.random = random;
            this.listener = listener;
            float rho = (float) config.rho();
            float eps = (float) config.epsilon();
            float lr = (float) config.learningRate();
            // the parameters wrap the net's arrays; their gradient arrays are worker 0's (the sum of all workers)
            Parameter convW = Parameter.dense("conv.weight", Tensor.of(net.convW, net.convRows, net.inDim));
            Parameter convB = Parameter.dense("conv.bias", Tensor.of(net.convB, net.features));
            Parameter outW = Parameter.dense("output.weight", Tensor.of(net.outW, net.classes, net.features));
            Parameter outB = Parameter.dense("output.bias", Tensor.of(net.outB, net.classes));
            optimizer = new Adadelta(List.of(convW, convB, outW, outB), LearningRateSchedule.constant(lr), rho, eps);
            if (config.maxNorm() > 0) {
                optimizer.addMaxNormRows((float) config.maxNorm(), List.of(outW));   // Kim: each class's vector
            }
            boolean tuned = net.embTuned != null;
            embedding = tuned ? new RowAdadelta(net.embTuned.length, rho, eps, lr) : null;
            embGrad = tuned ? new float[net.embTuned.length] : null;
            touched = tuned ? new boolean[net.vocab] : null;
            lastStep = tuned ? new int[net.vocab] : null;
            int threads = Math.max(1, Math.min(config.threads(), config.batchSize()));
            grads = new CnnNet.Gradients[threads];
            grads[0] = new CnnNet.Gradients(convW.grad().data(), convB.grad().data(), outW.grad().data(),
                    outB.grad().data());
            for (int t = 1; t < threads; t++) {
                grads[t] = new CnnNet.Gradients(net);
            }
        }

        TextCnnClassifier train() {
            int n = ids.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            int batch = config.batchSize();
            int[][] batchIds = new int[batch][];
            int[] batchY = new int[batch];
            double bestDev = -1;
            int sinceBest = 0;
            Snapshot best = null;
            boolean hasDev = !dev.isEmpty();
            int[][] devIds = hasDev ? encode(dev) : null;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                long t0 = System.nanoTime();
                double loss = 0;
                for (int b = 0; b < n; b += batch) {
                    int size = Math.min(batch, n - b);
                    for (int i = 0; i < size; i++) {
                        batchIds[i] = ids[order[b + i]];
                        batchY[i] = y[order[b + i]];
                    }
                    double batchLoss = step(batchIds, batchY, size);
                    if (Double.isNaN(batchLoss)) {
                        throw new IllegalStateException("epoch " + epoch + ", step " + (b / batch + 1)
                                + ": loss is NaN (Adadelta learning rate " + config.learningRate()
                                + "); try a lower rate");
                    }
                    loss += batchLoss;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double devAccuracy = Double.NaN;
                boolean isBest = true;
                if (hasDev) {
                    devAccuracy = accuracy(devIds, devY);
                    isBest = devAccuracy >= bestDev;       // Kim's code: a tie goes to the later epoch
                    if (isBest) {
                        bestDev = devAccuracy;
                        best = new Snapshot(net);
                        sinceBest = 0;
                    } else {
                        sinceBest++;
                    }
                }
                listener.onEpoch(new TrainingListener.EpochReport(epoch, config.epochs(), loss / n, devAccuracy,
                        n / seconds, isBest));
                if (config.patience() > 0 && sinceBest >= config.patience()) {
                    break;
                }
            }
            Snapshot keep = best != null ? best : new Snapshot(net);
            CnnNet trained = keep.toNet(net, 1 - config.dropout());
            if (frozen != null) {       // static mode's one channel, trained for its unknown words only
                trained = new Snapshot(trained).toNet(new CnnNet(net.vocab, net.dim, net.maps, net.widths, net.classes,
                        net.padding, net.stride, trained.embTuned, null), 1, null);
            }
            return new TextCnnClassifier(config, labels, words, wordCounts, trained, prior);
        }

        int[][] encode(List<LabelledText> data) {
            TextAnalyzer analyzer = TextAnalyzer.of(config.analyzer());
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < words.size(); i++) {
                index.put(words.get(i), i);
            }
            int[][] out = new int[data.size()][];
            for (int i = 0; i < out.length; i++) {
                List<String> t = analyzer.tokens(data.get(i).text());
                out[i] = new int[t.size()];
                for (int k = 0; k < t.size(); k++) {
                    out[i][k] = index.getOrDefault(t.get(k), -1);
                }
            }
            return out;
        }

        double accuracy(int[][] data, int[] gold) {
            int correct = 0;
            for (int from = 0; from < data.length; from += 500) {
                int to = Math.min(data.length, from + 500);
                net.forward(data, from, to, ws, config.dropout(), null);
                for (int i = 0; i < to - from; i++) {
                    int arg = 0;
                    for (int c = 1; c < net.classes; c++) {
                        if (ws.probs[i * net.classes + c] > ws.probs[i * net.classes + arg]) {
                            arg = c;
                        }
                    }
                    if (arg == gold[from + i]) {
                        correct++;
                    }
                }
            }
            return (double) correct / data.length;
        }

        /** One mini-batch: forward, backward on the worker threads, gradient sum, Adadelta, max-norm. */
        double step(int[][] batchIds, int[] batchY, int size) {
            net.forward(batchIds, 0, size, ws, config.dropout(), random);
            boolean needDx = net.embTuned != null;
            if (needDx) {
                ws.ensureDx(net, net.rowsFor(batchIds, 0, size));
            }
            float scale = 1f / size;
            int parts = Math.min(grads.length, size);
            double loss;
            if (parts == 1) {
                grads[0].clear();
                loss = net.backward(batchY, 0, 0, size, ws, grads[0], scale, needDx);
            } else {
                double[] partLoss = new double[parts];
                ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts - 1];
                for (int p = 1; p < parts; p++) {
                    int part = p;
                    tasks[p - 1] = ForkJoinTask.adapt(() -> {
                        grads[part].clear();
                        partLoss[part] = net.backward(batchY, 0, size * part / parts, size * (part + 1) / parts, ws,
                                grads[part], scale, needDx);
                    }).fork();
                }
                grads[0].clear();
                partLoss[0] = net.backward(batchY, 0, 0, size / parts, ws, grads[0], scale, needDx);
                for (ForkJoinTask<?> task : tasks) {
                    task.join();
                }
                for (int p = 1; p < parts; p++) {
                    grads[p].addTo(grads[0]);
                }
                loss = 0;
                for (double l : partLoss) {
                    loss += l;
                }
            }
            optimizer.step();                           // Adadelta on the dense weights, then max-norm
            net.syncForwardWeights();
            if (needDx) {
                updateEmbedding(batchIds, size);
            }
            return loss;
        }

        // gathers dX rows into the touched embedding rows, then Adadelta on those rows only
        private void updateEmbedding(int[][] batchIds, int size) {
            int dim = net.dim;
            int inDim = net.inDim;
            for (int i = 0; i < size; i++) {
                int r = ws.start[i];
                for (int id : batchIds[i]) {
                    if (id >= 0 && (frozen == null || !frozen[id])) {
                        if (!touched[id]) {
                            touched[id] = true;
                            if (touchedCount == touchedRows.length) {
                                touchedRows = Arrays.copyOf(touchedRows, touchedCount * 2);
                            }
                            touchedRows[touchedCount++] = id;
                        }
                        CnnNet.K.axpy(1f, ws.dx, r * inDim + net.tunedOffset, embGrad, id * dim, dim);
                    }
                    r++;
                }
            }
            steps++;
            for (int k = 0; k < touchedCount; k++) {
                int id = touchedRows[k];
                // dense Adadelta would have decayed this row's averages by ρ on every step it was not touched
                // (a zero gradient moves nothing else): catch up lazily, then update — exactly the dense result
                int idle = steps - lastStep[id] - 1;
                if (idle > 0) {
                    float decay = (float) Math.pow(embedding.rho, idle);
                    CnnNet.K.scale(decay, embedding.sqGrad, id * dim, dim);
                    CnnNet.K.scale(decay, embedding.sqDelta, id * dim, dim);
                }
                lastStep[id] = steps;
                embedding.update(net.embTuned, embGrad, id * dim, dim);
                Arrays.fill(embGrad, id * dim, (id + 1) * dim, 0f);
                touched[id] = false;
            }
            touchedCount = 0;
        }
    }

    /**
     * Adadelta (Zeiler 2012) for the tuned embedding rows, the rule of nn's {@link Adadelta}:
     * E[g²] ← ρE[g²] + (1−ρ)g²; Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g; E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²; w ← w − lr·Δ.
     * Kept here because the trainer updates only the rows a batch touched and first decays their averages by
     * ρ for every step they missed, which equals Kim's dense Adadelta; nn's sparse-row update is lazy (the
     * averages of untouched rows stay as they were), which is not the same optimizer.
     */
    static final class RowAdadelta {
        final float[] sqGrad;
        final float[] sqDelta;
        final float rho;
        final float eps;
        final float lr;

        RowAdadelta(int size, float rho, float eps, float lr) {
            sqGrad = new float[size];
            sqDelta = new float[size];
            this.rho = rho;
            this.eps = eps;
            this.lr = lr;
        }

        void update(float[] w, float[] g, int off, int n) {
            float[] eg = sqGrad;
            float[] ed = sqDelta;
            float oneMinus = 1 - rho;
            for (int i = off; i < off + n; i++) {
                float gi = g[i];
                float e = rho * eg[i] + oneMinus * gi * gi;
                eg[i] = e;
                float delta = (float) Math.sqrt(ed[i] + eps) / (float) Math.sqrt(e + eps) * gi;
                ed[i] = rho * ed[i] + oneMinus * delta * delta;
                w[i] -= lr * delta;
            }
        }
    }

    /** A copy of the trainable weights (the best epoch's). */
    private static final class Snapshot {
        final float[] embTuned;
        final float[] convW;
        final float[] convB;
        final float[] outW;
        final float[] outB;

        Snapshot(CnnNet net) {
            embTuned = net.embTuned == null ? null : net.embTuned.clone();
            convW = net.convW.clone();
            convB = net.convB.clone();
            outW = net.outW.clone();
            outB = net.outB.clone();
        }

        /** The trained net for inference: the softmax weights scaled by {@code keep} (Kim's dropout at test time). */
        CnnNet toNet(CnnNet like, double keep) {
            return toNet(like, keep, embTuned);
        }

        /** As {@link #toNet(CnnNet, double)} with {@code like}'s static channel and {@code tuned} as the tuned one. */
        CnnNet toNet(CnnNet like, double keep, float[] tuned) {
            CnnNet net = new CnnNet(like.vocab, like.dim, like.maps, like.widths, like.classes, like.padding,
                    like.stride, like.embStatic, tuned);
            System.arraycopy(convW, 0, net.convW, 0, convW.length);
            System.arraycopy(convB, 0, net.convB, 0, convB.length);
            for (int i = 0; i < outW.length; i++) {
                net.outW[i] = (float) (outW[i] * keep);
            }
            System.arraycopy(outB, 0, net.outB, 0, outB.length);
            net.syncForwardWeights();
            return net;
        }
    }

    /** The {@link TextClassifierFactory} for {@code --model textcnn}. */
    public static final class Factory implements TextClassifierFactory {
        @Override
        public String name() {
            return TextCnnClassifier.KIND;
        }

        @Override
        public String description() {
            return "TextCNN (Kim 2014): rand, static, non-static or multichannel";
        }

        @Override
        public TextClassifier train(Map<String, String> options, List<LabelledText> train, List<LabelledText> dev,
                                    TrainingListener listener) throws IOException {
            return new TextCnnTrainer(TextCnnConfig.fromProperties(options)).train(train, dev, listener);
        }

        @Override
        public TextClassifier load(ModelFile file) throws IOException {
            return TextCnnClassifier.fromModelFile(file);
        }
    }
}
