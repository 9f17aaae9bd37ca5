package dev.lexis.classify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the fastText-style linear classifier (Joulin et al. 2016, "Bag of Tricks for Efficient Text
 * Classification"): averaged word and word-n-gram embeddings, a linear layer and a softmax, trained by SGD
 * with a linearly decaying learning rate on several threads without locks (Hogwild).
 *
 * @param embeddingDim dimension of the word and n-gram embeddings (fastText {@code -dim}, default 100)
 * @param epochs       passes over the training data ({@code -epoch}, default 5)
 * @param learningRate initial SGD rate, decayed linearly to 0 ({@code -lr}, default 0.1)
 * @param wordNgrams   longest word n-gram used as a feature, 1 = words only ({@code -wordNgrams}, default 2)
 * @param buckets      hash buckets for the n-grams ({@code -bucket}; default 200,000, fastText's is 2,000,000)
 * @param minCount     words seen fewer times in training are dropped ({@code -minCount}, default 1)
 * @param threads      training threads (default: the available processors); with more than one the result
 *                     is not reproducible, as in fastText
 * @param seed         random seed (initial embeddings, example order)
 * @param analyzer     the tokenizer spec (see {@link TextAnalyzer}), default {@code kim}
 */
public record FastTextConfig(int embeddingDim, int epochs, double learningRate, int wordNgrams, int buckets,
                             int minCount, int threads, long seed, String analyzer) {

    static final Set<String> KEYS = Set.of("embeddingDim", "epochs", "learningRate", "wordNgrams", "buckets",
            "minCount", "threads", "seed", "analyzer");

    public FastTextConfig {
        check(embeddingDim > 0, "embeddingDim must be > 0, got " + embeddingDim);
        check(epochs > 0, "epochs must be > 0, got " + epochs);
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be > 0, got " + learningRate);
        check(wordNgrams >= 1 && wordNgrams <= 5, "wordNgrams must be in 1..5, got " + wordNgrams);
        check(buckets > 0 || wordNgrams == 1, "buckets must be > 0 when wordNgrams > 1, got " + buckets);
        check(buckets >= 0, "buckets must be >= 0, got " + buckets);
        check(minCount >= 1, "minCount must be >= 1, got " + minCount);
        check(threads >= 1, "threads must be >= 1, got " + threads);
        TextAnalyzer.check(analyzer);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The defaults listed above. */
    public static FastTextConfig defaults() {
        return new FastTextConfig(100, 5, 0.1, 2, 200_000, 1, Props.defaultThreads(), 1, TextAnalyzer.DEFAULT);
    }

    public FastTextConfig withEmbeddingDim(int v) {
        return new FastTextConfig(v, epochs, learningRate, wordNgrams, buckets, minCount, threads, seed, analyzer);
    }

    public FastTextConfig withEpochs(int v) {
        return new FastTextConfig(embeddingDim, v, learningRate, wordNgrams, buckets, minCount, threads, seed, analyzer);
    }

    public FastTextConfig withLearningRate(double v) {
        return new FastTextConfig(embeddingDim, epochs, v, wordNgrams, buckets, minCount, threads, seed, analyzer);
    }

    public FastTextConfig withWordNgrams(int v) {
        return new FastTextConfig(embeddingDim, epochs, learningRate, v, buckets, minCount, threads, seed, analyzer);
    }

    public FastTextConfig withBuckets(int v) {
        return new FastTextConfig(embeddingDim, epochs, learningRate, wordNgrams, v, minCount, threads, seed, analyzer);
    }

    public FastTextConfig withMinCount(int v) {
        return new FastTextConfig(embeddingDim, epochs, learningRate, wordNgrams, buckets, v, threads, seed, analyzer);
    }

    public FastTextConfig withThreads(int v) {
        return new FastTextConfig(embeddingDim, epochs, learningRate, wordNgrams, buckets, minCount, v, seed, analyzer);
    }

    public FastTextConfig withSeed(long v) {
        return new FastTextConfig(embeddingDim, epochs, learningRate, wordNgrams, buckets, minCount, threads, v, analyzer);
    }

    public FastTextConfig withAnalyzer(String v) {
        return new FastTextConfig(embeddingDim, epochs, learningRate, wordNgrams, buckets, minCount, threads, seed, v);
    }

    /**
     * A config from properties (keys = the component names); absent keys take the defaults.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming the key
     */
    public static FastTextConfig fromProperties(Map<String, String> p) {
        FastTextConfig d = defaults();
        Props props = new Props(p, KEYS, "fasttext");
        return new FastTextConfig(props.integer("embeddingDim", d.embeddingDim), props.integer("epochs", d.epochs),
                props.real("learningRate", d.learningRate), props.integer("wordNgrams", d.wordNgrams),
                props.integer("buckets", d.buckets), props.integer("minCount", d.minCount),
                props.integer("threads", d.threads), props.longValue("seed", d.seed),
                props.string("analyzer", d.analyzer));
    }

    /** The properties {@link #fromProperties} reads back. */
    public Map<String, String> toProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("embeddingDim", Integer.toString(embeddingDim));
        m.put("epochs", Integer.toString(epochs));
        m.put("learningRate", Double.toString(learningRate));
        m.put("wordNgrams", Integer.toString(wordNgrams));
        m.put("buckets", Integer.toString(buckets));
        m.put("minCount", Integer.toString(minCount));
        m.put("threads", Integer.toString(threads));
        m.put("seed", Long.toString(seed));
        m.put("analyzer", analyzer);
        return m;
    }
}
