package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a {@link FastTextClassifier} as fastText's supervised mode does (Joulin et al. 2016): input rows
 * initialised uniformly in ±1/dim ({@link FastTextInit}; only the words' rows and the n-gram buckets that the
 * training texts hash to are materialised, the only rows training changes), output rows at zero; per example, SGD on the softmax cross-entropy with a
 * learning rate that decays linearly from {@code learningRate} to 0 over all epochs; {@code threads} workers
 * update the shared matrices without locks (Hogwild, Recht et al. 2011), each on its share of every epoch.
 * With one thread, training is reproducible from the seed. With a dev set, the epoch with the best dev
 * accuracy is kept.
 */
public final class FastTextTrainer {
    private final FastTextConfig config;

    public FastTextTrainer(FastTextConfig config) {
        this.config = config;
    }

    /**
     * Trains on {@code train}.
     *
     * @param dev      optional dev examples (may be empty): the best epoch on them is kept
     * @param listener receives one report per epoch
     * @throws IllegalArgumentException for fewer than two classes, an empty text, or a dev label never seen
     *                                  in training
     * @throws IllegalStateException    if the loss becomes NaN (with the epoch and learning rate)
     */
    public FastTextClassifier train(List<LabelledText> train, List<LabelledText> dev, TrainingListener listener) {
        List<String> labels = Examples.checkTraining(train);
        Map<String, Integer> labelIndex = Examples.index(labels);
        int[] y = Examples.labelIds(train, labelIndex, labels);
        int[] devY = Examples.labelIds(dev, labelIndex, labels);
        TextAnalyzer analyzer = TextAnalyzer.of(config.analyzer());
        int threads = Math.min(config.threads(), Math.max(1, train.size()));
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread th = new Thread(r, "fasttext-worker");
            th.setDaemon(true);
            return th;
        }) : null;
        try {
            return train(train, dev, listener, labels, y, devY, analyzer, threads, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private FastTextClassifier train(List<LabelledText> train, List<LabelledText> dev, TrainingListener listener,
                                     List<String> labels, int[] y, int[] devY, TextAnalyzer analyzer, int threads,
                                     ExecutorService pool) {
        long prepStart = System.nanoTime();
        // the tokens of every example, in chunks on all threads (the start of a run is cold code: splitting it
        // halves the wait while the JIT compiles)
        @SuppressWarnings("unchecked")
        List<String>[] tokens = new List[train.size()];
        inParallel(train.size(), threads, pool, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                tokens[i] = analyzer.tokens(train.get(i).text());
            }
        });
        // the vocabulary in order of first occurrence (deterministic, and no sort on the cold start of a run)
        Map<String, int[]> counts = new HashMap<>();
        List<String> words = vocabulary(tokens, counts, config.minCount());
        Map<String, Integer> wordIds = new HashMap<>(2 * words.size());
        for (int i = 0; i < words.size(); i++) {
            wordIds.put(words.get(i), i);
        }
        long[] wordCounts = new long[words.size()];
        for (int i = 0; i < words.size(); i++) {
            wordCounts[i] = counts.get(words.get(i))[0];
        }
        FastTextFeatures features = new FastTextFeatures(wordIds, config.wordNgrams(), config.buckets());

        // encode every example once, in chunks on all threads: features of example i are feats[start[i] .. start[i+1])
        int[] start = new int[train.size() + 1];
        int[][] chunkFeats = new int[threads][];
        inParallel(train.size(), threads, pool, (chunk, from, to) -> {
            int[] out = new int[16];
            int[] scratch = new int[16];
            int n = 0;
            for (int i = from; i < to; i++) {
                List<String> t = tokens[i];
                if (scratch.length < features.maxFeatures(t.size())) {
                    scratch = new int[features.maxFeatures(t.size())];
                }
                int k = features.features(t, scratch);
                while (out.length < n + k) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                System.arraycopy(scratch, 0, out, n, k);
                n += k;
                start[i + 1] = k;                       // lengths first, offsets below
            }
            chunkFeats[chunk] = Arrays.copyOf(out, n);
        });
        int[] feats = concatenate(chunkFeats, start);

        // the bucket rows training touches are the only ones it changes: store those, renumbered after the words
        // (storedBuckets in increasing order); the others keep their initial values (FastTextInit)
        int wordCount = words.size();
        int buckets = features.rows() - wordCount;
        int[] storedBuckets = storeTouchedBuckets(feats, wordCount, buckets);
        int stored = storedBuckets.length;
        int end = feats.length;

        final int[] allFeats = feats;
        int dim = config.embeddingDim();
        int classes = labels.size();
        float[] input = new float[(wordCount + stored) * dim];
        long base = FastTextInit.base(config.seed());
        inParallel(wordCount + stored, threads, pool, (chunk, from, to) -> {
            for (int r = from; r < to; r++) {       // stored row r is row r (a word) or words + its bucket of A
                long row = r < wordCount ? r : (long) wordCount + storedBuckets[r - wordCount];
                FastTextInit.fillRow(base, row, dim, input, r * dim);
            }
        });
        listener.onNote(String.format(java.util.Locale.ROOT, "fasttext: %,d words, %,d of %,d n-gram buckets used, "
                + "%,d features; prepared in %.2f s", wordCount, stored, buckets, end, (System.nanoTime() - prepStart) / 1e9));
        SplittableRandom random = new SplittableRandom(config.seed());
        float[] output = new float[classes * dim];
        float[] prior = Examples.prior(y, classes);

        Worker[] workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(dim, classes, config.learningRate());
        }
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long total = (long) config.epochs() * train.size();
        double bestDev = -1;
        float[] bestInput = null;
        float[] bestOutput = null;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(order, random);                       // example order: seeded shuffle per epoch
            long t0 = System.nanoTime();
            long done = (long) epoch * train.size();
            inParallel(order.length, threads, pool, (chunk, from, to) ->
                    workers[chunk].run(order, from, to, threads, done, total, allFeats, start, y, input, output));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double loss = 0;
            for (Worker w : workers) {
                loss += w.lossSum;
                w.lossSum = 0;
            }
            loss /= train.size();
            if (Double.isNaN(loss)) {
                throw new IllegalStateException("epoch " + (epoch + 1) + ": loss is NaN (learning rate "
                        + config.learningRate() + "); try a lower rate");
            }
            double devAccuracy = Double.NaN;
            boolean best = true;
            if (!dev.isEmpty()) {
                devAccuracy = accuracy(new FastTextClassifier(config, labels, words, wordCounts, input,
                        storedBuckets, output, prior), dev, devY);
                best = devAccuracy > bestDev;
                if (best) {
                    bestDev = devAccuracy;
                    bestInput = input.clone();
                    bestOutput = output.clone();
                }
            }
            listener.onEpoch(new TrainingListener.EpochReport(epoch + 1, config.epochs(), loss, devAccuracy,
                    train.size() / seconds, best));
        }
        if (bestInput != null) {
            return new FastTextClassifier(config, labels, words, wordCounts, bestInput, storedBuckets, bestOutput,
                    prior);
        }
        return new FastTextClassifier(config, labels, words, wordCounts, input, storedBuckets, output,
                prior);   // ours alone now
    }

    // The loops of a run's preparation and epochs are methods of their own: in one long method the JIT would
    // compile the whole method on the stack (OSR) for each hot loop, which costs far more on a short run.

    /** The words counted at least {@code minCount} times in order of first occurrence; fills {@code counts}. */
    private static List<String> vocabulary(List<String>[] tokens, Map<String, int[]> counts, int minCount) {
        List<String> seen = new ArrayList<>();
        for (List<String> t : tokens) {
            for (String w : t) {
                int[] c = counts.get(w);
                if (c == null) {
                    counts.put(w, c = new int[1]);
                    seen.add(w);
                }
                c[0]++;
            }
        }
        List<String> words = new ArrayList<>(seen.size());
        for (String w : seen) {
            if (counts.get(w)[0] >= minCount) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * The bucket rows training touches are the only ones it changes: returns their bucket numbers in increasing
     * order and renumbers the features in place, bucket {@code storedBuckets[k]} to row {@code words + k}.
     */
    private static int[] storeTouchedBuckets(int[] feats, int words, int buckets) {
        int[] bucketRow = new int[buckets];
        for (int f : feats) {
            if (f >= words) {
                bucketRow[f - words] = 1;
            }
        }
        int stored = 0;
        for (int b = 0; b < buckets; b++) {
            stored += bucketRow[b];
        }
        int[] storedBuckets = new int[stored];
        for (int b = 0, k = 0; b < buckets; b++) {
            if (bucketRow[b] != 0) {
                storedBuckets[k] = b;
                bucketRow[b] = words + k++;
            }
        }
        for (int f = 0; f < feats.length; f++) {
            if (feats[f] >= words) {
                feats[f] = bucketRow[feats[f] - words];
            }
        }
        return storedBuckets;
    }

    /** The chunks' features in one array; turns {@code start}'s per-example lengths into offsets. */
    private static int[] concatenate(int[][] chunkFeats, int[] start) {
        for (int i = 0; i + 1 < start.length; i++) {
            start[i + 1] += start[i];
        }
        int[] feats = new int[start[start.length - 1]];
        for (int t = 0, off = 0; t < chunkFeats.length; t++) {
            System.arraycopy(chunkFeats[t], 0, feats, off, chunkFeats[t].length);
            off += chunkFeats[t].length;
        }
        return feats;
    }

    /** Fisher-Yates shuffle of {@code order}. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    /** Runs {@code chunk(index, from, to)} over [0, n) in {@code threads} contiguous chunks, on the pool and this thread. */
    private static void inParallel(int n, int threads, ExecutorService pool, Chunk chunk) {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            int index = t;
            futures.add(pool.submit(() -> chunk.run(index, from, to)));
        }
        chunk.run(0, 0, n / threads);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("fasttext training failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("fasttext training interrupted", e);
            }
        }
    }

    private interface Chunk {
        void run(int chunk, int from, int to);
    }

    static double accuracy(TextClassifier model, List<LabelledText> data, int[] y) {
        int correct = 0;
        List<String> labels = model.labels();
        for (int i = 0; i < data.size(); i++) {
            if (model.predict(data.get(i).text()).label().equals(labels.get(y[i]))) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }

    /** One Hogwild worker: its scratch vectors and loss sum; the matrices are shared. */
    private static final class Worker {
        final float[] hidden;
        final float[] grad;
        final float[] z;
        final double lr0;
        double lossSum;

        Worker(int dim, int classes, double lr0) {
            this.lr0 = lr0;
            hidden = new float[dim];
            grad = new float[dim];
            z = new float[classes];
        }

        void run(int[] order, int from, int to, int threads, long done, long total, int[] feats, int[] start,
                 int[] y, float[] input, float[] output) {
            for (int k = from; k < to; k++) {
                int ex = order[k];
                int f0 = start[ex];
                int nf = start[ex + 1] - f0;
                // progress as seen by this worker: the others advance at about the same pace
                double progress = (done + (double) (k - from) * threads) / total;
                float lr = (float) (lr0 * Math.max(0, 1 - progress));
                if (nf > 0) {
                    lossSum += update(feats, f0, nf, y[ex], lr, input, output);
                }
            }
        }

        // one SGD step on one example; returns the loss. No loop of its own: every loop is a small method, so the
        // JIT compiles this method once, not first on the stack (OSR) for a hot loop and then again
        private double update(int[] feats, int f0, int nf, int target, float lr, float[] input, float[] output) {
            int dim = hidden.length;
            int classes = z.length;
            average(input, feats, f0, nf, hidden, dim);
            logits(output, hidden, z, classes, dim);
            Examples.softmax(z, classes);
            double loss = -Math.log(Math.max(z[target], 1e-10f));
            outputStep(output, hidden, z, target, lr, grad, classes, dim);
            scale(grad, 1f / nf, dim);
            addToRows(grad, input, feats, f0, nf, dim);
            return loss;
        }
    }

    // z[c] = output row c · hidden, for c < classes
    static void logits(float[] output, float[] hidden, float[] z, int classes, int dim) {
        for (int c = 0; c < classes; c++) {
            z[c] = dot(output, c * dim, hidden, dim);
        }
    }

    // softmax cross-entropy step on the output rows (classes, dim), given the probabilities z; the gradient of the
    // hidden vector, times lr, goes to grad (dim)
    static void outputStep(float[] output, float[] hidden, float[] z, int target, float lr, float[] grad, int classes,
                           int dim) {
        Arrays.fill(grad, 0, dim, 0f);
        for (int c = 0; c < classes; c++) {
            float alpha = lr * ((c == target ? 1f : 0f) - z[c]);
            axpy(alpha, output, c * dim, grad, 0, dim);
            axpy(alpha, hidden, 0, output, c * dim, dim);
        }
    }

    // v[0 .. n) *= a
    static void scale(float[] v, float a, int n) {
        for (int d = 0; d < n; d++) {
            v[d] *= a;
        }
    }

    // input rows feats[f0 .. f0+n) += grad (dim)
    static void addToRows(float[] grad, float[] input, int[] feats, int f0, int n, int dim) {
        for (int f = f0; f < f0 + n; f++) {
            add(grad, input, feats[f] * dim, dim);
        }
    }

    // hidden (dim) = mean of input rows feats[f0 .. f0+n). Plain loops, not the Vector API kernels: the JIT
    // vectorizes them, and they run fast before C2 has compiled them (Vector API code is slow until then)
    static void average(float[] input, int[] feats, int f0, int n, float[] hidden, int dim) {
        Arrays.fill(hidden, 0, dim, 0f);
        for (int f = f0; f < f0 + n; f++) {
            addRow(input, feats[f] * dim, hidden, dim);
        }
        float scale = 1f / n;
        for (int d = 0; d < dim; d++) {
            hidden[d] *= scale;
        }
    }

    // The row kernels are methods of their own, called once per feature or class: small and called often, the JIT
    // compiles them within the first few hundred examples of a run rather than after an epoch.

    // y[yOff .. yOff+n) += a * x[xOff .. xOff+n)
    static void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int d = 0; d < n; d++) {
            y[yOff + d] += a * x[xOff + d];
        }
    }

    // acc[0 .. n) += m[off .. off+n)
    static void addRow(float[] m, int off, float[] acc, int n) {
        for (int d = 0; d < n; d++) {
            acc[d] += m[off + d];
        }
    }

    // m[off .. off+n) += v[0 .. n)
    static void add(float[] v, float[] m, int off, int n) {
        for (int d = 0; d < n; d++) {
            m[off + d] += v[d];
        }
    }

    // dot of a[aOff .. aOff+n) with b[0 .. n), four partial sums so the JIT can keep them in registers
    static float dot(float[] a, int aOff, float[] b, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        for (; d + 3 < n; d += 4) {
            s0 += a[aOff + d] * b[d];
            s1 += a[aOff + d + 1] * b[d + 1];
            s2 += a[aOff + d + 2] * b[d + 2];
            s3 += a[aOff + d + 3] * b[d + 3];
        }
        for (; d < n; d++) {
            s0 += a[aOff + d] * b[d];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The {@link TextClassifierFactory} for {@code --model fasttext}. */
    public static final class Factory implements TextClassifierFactory {
        @Override
        public String name() {
            return FastTextClassifier.KIND;
        }

        @Override
        public String description() {
            return "fastText-style linear classifier over averaged word and bigram embeddings (Joulin et al. 2016)";
        }

        @Override
        public TextClassifier train(Map<String, String> options, List<LabelledText> train, List<LabelledText> dev,
                                    TrainingListener listener) {
            return new FastTextTrainer(FastTextConfig.fromProperties(options)).train(train, dev, listener);
        }

        @Override
        public TextClassifier load(ModelFile file) throws IOException {
            return FastTextClassifier.fromModelFile(file);
        }
    }
}
