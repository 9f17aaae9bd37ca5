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
 * {@code contextSize} previous words (and, with {@link #fofe()} &gt; 0, one more block: the FOFE code of the
 * longer history projected by C), p = softmax(y) or hierarchical softmax over a Huffman tree.
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
 * @param fofe              forgetting factor α of an optional FOFE input (Zhang et al. 2015, "The Fixed-Size
 *                          Ordinally-Forgetting Encoding Method for Neural Network Language Models", ACL; an
 *                          extension beyond Bengio et al.): x gets one more block of m values,
 *                          Σ_{k=0}^{K−1} α^k C(w_{t−1−k}), the previous K words' feature vectors (the same C)
 *                          summed with weights decaying with distance; 0 = off (the plain model), else in (0, 1)
 * @param fofeWindow        K, the number of previous words the FOFE sum covers (1 to 1000); 0 = the smallest K
 *                          with α^K &lt; 0.001 (see {@link #effectiveFofeWindow()}); ignored when fofe is 0
 */
public record NnlmConfig(int contextSize, int embeddingDim, int hiddenSize, boolean direct, OutputLayer outputLayer,
                         int minCount, int maxVocab, int epochs, int batchSize, Optimizer optimizer,
                         double learningRate, double learningRateDecay, double weightDecay, double dropout,
                         int patience, int threads, long seed, double fofe, int fofeWindow) {

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
        check(fofe >= 0 && fofe < 1, "fofe must be >= 0 (0 = off) and < 1, got " + fofe);
        check(fofeWindow >= 0 && fofeWindow <= MAX_FOFE_WINDOW,
                "fofeWindow must be 0 (automatic) to " + MAX_FOFE_WINDOW + ", got " + fofeWindow);
    }

    /** The largest {@link #fofeWindow()}. */
    public static final int MAX_FOFE_WINDOW = 1000;

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The paper's Brown setting where it has one (n = 5, m = 60, h = 100, min-count 4), full softmax, SGD. */
    public static NnlmConfig defaults() {
        return new NnlmConfig(4, 60, 100, false, OutputLayer.SOFTMAX, 4, 0, 5, 64, Optimizer.SGD, 0, 0, 0, 0, 2,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 0, 0);
    }

    /** The learning rate used: {@link #learningRate()}, or the optimizer's default when it is 0. */
    public double effectiveLearningRate() {
        return learningRate > 0 ? learningRate : optimizer == Optimizer.SGD ? 0.1 : 0.001;
    }

    /** Whether the model has the FOFE input ({@link #fofe()} &gt; 0). */
    public boolean hasFofe() {
        return fofe > 0;
    }

    /**
     * K, the number of previous words in the FOFE sum: {@link #fofeWindow()} if set, else the smallest K with
     * α^K &lt; 0.001 (α = 0.7: 20 words; 0.8: 31), at most {@link #MAX_FOFE_WINDOW}; 0 without FOFE.
     */
    public int effectiveFofeWindow() {
        if (fofe == 0) {
            return 0;
        }
        if (fofeWindow > 0) {
            return fofeWindow;
        }
        return (int) Math.min(MAX_FOFE_WINDOW, Math.max(1, Math.ceil(Math.log(0.001) / Math.log(fofe))));
    }

    /**
     * The number of previous words the model reads: n − 1, or the FOFE window K if that is longer.
     */
    public int historySize() {
        return Math.max(contextSize, effectiveFofeWindow());
    }

    /** n, the order of the model: {@code contextSize + 1}. */
    public int order() {
        return contextSize + 1;
    }

    public NnlmConfig withContextSize(int v) {
        return new NnlmConfig(v, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs, batchSize,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withEmbeddingDim(int v) {
        return new NnlmConfig(contextSize, v, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs, batchSize,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withHiddenSize(int v) {
        return new NnlmConfig(contextSize, embeddingDim, v, direct, outputLayer, minCount, maxVocab, epochs, batchSize,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withDirect(boolean v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, v, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withOutputLayer(OutputLayer v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, v, minCount, maxVocab, epochs, batchSize,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withMinCount(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, v, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withMaxVocab(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, v, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withEpochs(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, v,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withBatchSize(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs, v,
                optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withOptimizer(Optimizer v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, v, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withLearningRate(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, v, learningRateDecay, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withLearningRateDecay(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, v, weightDecay, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withWeightDecay(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, v, dropout, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withDropout(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, v, patience, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withPatience(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, v, threads, seed, fofe, fofeWindow);
    }

    public NnlmConfig withThreads(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, v, seed, fofe, fofeWindow);
    }

    /**
     * With the FOFE input of forgetting factor α = {@code v} (0 = off); see {@link #fofe()}.
     *
     * @throws IllegalArgumentException unless 0 &lt;= v &lt; 1
     */
    public NnlmConfig withFofe(double v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed,
                v, fofeWindow);
    }

    /** With FOFE window K = {@code v} (0 = automatic); see {@link #fofeWindow()}. */
    public NnlmConfig withFofeWindow(int v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, seed,
                fofe, v);
    }

    public NnlmConfig withSeed(long v) {
        return new NnlmConfig(contextSize, embeddingDim, hiddenSize, direct, outputLayer, minCount, maxVocab, epochs,
                batchSize, optimizer, learningRate, learningRateDecay, weightDecay, dropout, patience, threads, v, fofe, fofeWindow);
    }

    private static final Set<String> KEYS = Set.of("context_size", "embedding_dim", "hidden_size", "direct",
            "output_layer", "min_count", "max_vocab", "epochs", "batch_size", "optimizer", "learning_rate",
            "learning_rate_decay", "weight_decay", "dropout", "patience", "threads", "seed", "fofe", "fofe_window");

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
        if (fofe > 0) {
            // only with FOFE, so the plain model's files stay as they were
            p.put("fofe", Double.toString(fofe));
            p.put("fofe_window", Integer.toString(fofeWindow));
        }
        return p;
    }

    /**
     * Reads a config from properties; missing keys take the defaults (files written before FOFE existed have
     * no {@code fofe} key and read as the plain model).
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
                    Long.parseLong(p.getOrDefault("seed", "" + d.seed)),
                    Double.parseDouble(p.getOrDefault("fofe", "0")),
                    Integer.parseInt(p.getOrDefault("fofe_window", "0")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad NNLM config value: " + e.getMessage(), e);
        }
    }
}
