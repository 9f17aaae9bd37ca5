package dev.lexis.lm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the neural network language model (Bengio et al. 2003) and of its training.
 *
 * <p>Model: y = b + W x + U tanh(d + H x), with x the concatenated embeddings (rows of C) of the
 * {@code contextSize} previous words, p = softmax(y) or hierarchical softmax over a Huffman tree.
 *
 * @param contextSize       n − 1, the number of previous words (1 to 16; 4 gives a 5-gram model)
 * @param embeddingDim      m, the size of a word's feature vector (row of C)
 * @param hiddenSize        h, the number of tanh hidden units
 * @param direct            whether the direct connections W from x to the output exist (the paper's W)
 * @param outputLayer       full softmax or hierarchical softmax
 * @param minCount          vocabulary: training words seen fewer times become {@code <unk>} (the paper: 4)
 * @param maxVocab          vocabulary size limit, {@code </s>} and {@code <unk>} included; 0 = none
 * @param epochs            the maximum number of passes over the training text
 * @param batchSize         n-grams per mini-batch (the loss is their mean)
 * @param optimizer         SGD (with the decay schedule) or Adam
 * @param learningRate      initial rate ε0; 0 means the default (0.1 for SGD, 0.001 for Adam)
 * @param learningRateDecay r of the paper's schedule ε_t = ε0 / (1 + r t), t = the number of updates; 0 = none
 * @param weightDecay       L2 penalty λ added to the gradient of the weights and of C (not of the biases),
 *                          as in the paper
 * @param dropout           dropout rate p (Srivastava et al. 2014; not in the paper) on the concatenated
 *                          embeddings x and on the tanh outputs during training: each unit is zeroed with
 *                          probability p and the others scaled by 1 / (1 − p); 0 = none; evaluation never drops
 * @param patience          epochs without a better validation perplexity before stopping early; each
 *                          such epoch also restores the best weights and halves the rate
 * @param threads           worker threads (asynchronous data-parallel mini-batches, as the paper's
 *                          shared-memory runs); 1 makes training reproducible
 * @param seed              seed of the initial weights and of the shuffling
 */
public record NnlmConfig(int contextSize, int embeddingDim, int hiddenSize, boolean direct, OutputLayer outputLayer,
                         int minCount, int maxVocab, int epochs, int batchSize, Optimizer optimizer,
                         double learningRate, double learningRateDecay, double weightDecay, double dropout,
                         int patience, int threads, long seed) {

    /** The output layer: a softmax over the whole vocabulary, or hierarchical softmax over a Huffman tree. */
    public enum OutputLayer {
        SOFTMAX, HIERARCHICAL_SOFTMAX;

        /** {@code softmax} or {@code hs}. */
        public String key() {
            return this == SOFTMAX ? "softmax" : "hs";
        }

        /** Parses {@code softmax} or {@code hs}. @throws IllegalArgumentException otherwise */
        public static OutputLayer parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "softmax" -> SOFTMAX;
                case "hs", "hierarchical", "hierarchical-softmax" -> HIERARCHICAL_SOFTMAX;
                default -> throw new IllegalArgumentException("output layer must be softmax or hs, got \"" + s + "\"");
            };
        }
    }

    /** Mini-batch stochastic gradient descent, or Adam (Kingma and Ba 2015). */
    public enum Optimizer {
        SGD, ADAM;

        /** Parses {@code sgd} or {@code adam}. @throws IllegalArgumentException otherwise */
        public static Optimizer parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "sgd" -> SGD;
                case "adam" -> ADAM;
                default -> throw new IllegalArgumentException("optimizer must be sgd or adam, got \"" + s + "\"");
            };
        }
    }

    public NnlmConfig {
        check(contextSize >= 1 && contextSize <= 16, "contextSize must be 1 to 16, got " + contextSize);
        check(embeddingDim >= 1, "embeddingDim must be > 0, got " + embeddingDim);
        check(hiddenSize >= 1, "hiddenSize must be > 0, got " + hiddenSize);
        check(outputLayer != null, "outputLayer must not be null");
        check(minCount >= 1, "minCount must be >= 1, got " + minCount);
        check(maxVocab == 0 || maxVocab >= 3, "maxVocab must be 0 (no limit) or >= 3, got " + maxVocab);
        check(epochs >= 1, "epochs must be >= 1, got " + epochs);
        check(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
        check(optimizer != null, "optimizer must not be null");
        check(learningRate >= 0 && Double.isFinite(learningRate), "learningRate must be >= 0, got " + learningRate);
        check(learningRateDecay >= 0 && Double.isFinite(learningRateDecay),
                "learningRateDecay must be >= 0, got " + learningRateDecay);
        check(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay must be >= 0, got " + weightDecay);
        check(dropout >= 0 && dropout < 1, "dropout must be >= 0 and < 1, got " + dropout);
        check(patience >= 1, "patience must be >= 1, got " + patience);
        check(threads >= 1, "threads must be >= 1, got " + threads);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The paper's Brown setting where it has one (n = 5, m = 60, h = 100, min-count 4), full softmax, SGD. */
    public static NnlmConfig defaults() {
        return new NnlmConfig(4, 60, 100, false, OutputLayer.SOFTMAX, 4, 0, 5, 64, Optimizer.SGD, 0, 0, 0, 0, 2,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 1);
    }

    /** The learning rate used: {@link #learningRate()}, or the optimizer's default when it is 0. */
    public double effectiveLearningRate() {
        return learningRate > 0 ? learningRate : optimizer == Optimizer.SGD ? 0.1 : 0.001;
    }

    /** n, the order of the model: {@code contextSize + 1}. */
    public int order() {
        return contextSize + 1;
    }

    public NnlmConfig withContextSize(int v) {
        return new NnlmConfig(v, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs, batchSize,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withEmbeddingDim(int v) {
        return new NnlmConfig(contextSize, v, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs, batchSize,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withHiddenSize(int v) {
        return new NnlmConfig(contextSize, embeddingDim, v, direct, outputLayer, minCount, maxVocab, epochs, batchSize,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withDirect(boolean v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, v, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withOutputLayer(OutputLayer v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, v, minCount, maxVocab, epochs, batchSize,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withMinCount(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, v, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withMaxVocab(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, v, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withEpochs(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, v,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withBatchSize(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs, v,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withOptimizer(Optimizer v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, v, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withLearningRate(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, v, learningRateDecay, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withLearningRateDecay(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, v, weightDecay, dropout, patience, threads, seed);
    }

    public NnlmConfig withWeightDecay(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, v, dropout, patience, threads, seed);
    }

    public NnlmConfig withDropout(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, v, patience, threads, seed);
    }

    public NnlmConfig withPatience(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, v, threads, seed);
    }

    public NnlmConfig withThreads(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, v, seed);
    }

    public NnlmConfig withSeed(long v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, v);
    }

    private static final Set<String> KEYS = Set.of("context_size", "embedding_dim", "hidden_size", "direct",
            "output_layer", "min_count", "max_vocab", "epochs", "batch_size", "optimizer", "learning_rate",
            "learning_rate_decay", "weight_decay", "dropout", "patience", "threads", "seed");

    /** The config as properties (the keys of the model file). */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("context_size", Integer.toString(contextSize));
        p.put("embedding_dim", Integer.toString(embeddingDim));
        p.put("hidden_size", Integer.toString(hiddenSize));
        p.put("direct", Boolean.toString(direct));
        p.put("output_layer", outputLayer.key());
        p.put("min_count", Integer.toString(minCount));
        p.put("max_vocab", Integer.toString(maxVocab));
        p.put("epochs", Integer.toString(epochs));
        p.put("batch_size", Integer.toString(batchSize));
        p.put("optimizer", optimizer.name().toLowerCase(Locale.ROOT));
        p.put("learning_rate", Double.toString(learningRate));
        p.put("learning_rate_decay", Double.toString(learningRateDecay));
        p.put("weight_decay", Double.toString(weightDecay));
        p.put("dropout", Double.toString(dropout));
        p.put("patience", Integer.toString(patience));
        p.put("threads", Integer.toString(threads));
        p.put("seed", Long.toString(seed));
        return p;
    }

    /**
     * Reads a config from properties; missing keys take the defaults.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value (naming it)
     */
    public static NnlmConfig fromProperties(Map<String, String> p) {
        Set<String> unknown = new TreeSet<>();
        for (String k : p.keySet()) {
            if (!KEYS.contains(k) && !k.startsWith("model.") && !k.startsWith("train.")) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown NNLM config keys: " + unknown);
        }
        NnlmConfig d = defaults();
        try {
            return new NnlmConfig(
                    Integer.parseInt(p.getOrDefault("context_size", "" + d.contextSize)),
                    Integer.parseInt(p.getOrDefault("embedding_dim", "" + d.embeddingDim)),
                    Integer.parseInt(p.getOrDefault("hidden_size", "" + d.hiddenSize)),
                    Boolean.parseBoolean(p.getOrDefault("direct", "" + d.direct)),
                    OutputLayer.parse(p.getOrDefault("output_layer", d.outputLayer.key())),
                    Integer.parseInt(p.getOrDefault("min_count", "" + d.minCount)),
                    Integer.parseInt(p.getOrDefault("max_vocab", "" + d.maxVocab)),
                    Integer.parseInt(p.getOrDefault("epochs", "" + d.epochs)),
                    Integer.parseInt(p.getOrDefault("batch_size", "" + d.batchSize)),
                    Optimizer.parse(p.getOrDefault("optimizer", "sgd")),
                    Double.parseDouble(p.getOrDefault("learning_rate", "0")),
                    Double.parseDouble(p.getOrDefault("learning_rate_decay", "0")),
                    Double.parseDouble(p.getOrDefault("weight_decay", "0")),
                    Double.parseDouble(p.getOrDefault("dropout", "0")),
                    Integer.parseInt(p.getOrDefault("patience", "" + d.patience)),
                    Integer.parseInt(p.getOrDefault("threads", "" + d.threads)),
                    Long.parseLong(p.getOrDefault("seed", "" + d.seed)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad NNLM config value: " + e.getMessage(), e);
        }
    }
}
