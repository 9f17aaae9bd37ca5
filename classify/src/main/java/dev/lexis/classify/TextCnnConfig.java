package dev.lexis.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the TextCNN sentence classifier (Kim 2014, "Convolutional Neural Networks for Sentence
 * Classification"). The defaults are the paper's: filter widths 3, 4, 5 with 100 feature maps each, ReLU,
 * max-over-time pooling, dropout 0.5, max-norm 3 on the softmax weight vectors, mini-batches of 50,
 * Adadelta (ρ 0.95, ε 1e-6), 25 epochs, embeddings of dimension 300.
 *
 * <p>Each filter of width {@code w} slides with {@code stride} over the sentence padded with {@code padding}
 * zero vectors on each side, so a sentence of {@code n} tokens gives {@code ⌊(n + 2·padding − w) / stride⌋ + 1}
 * outputs (none when {@code n + 2·padding < w}: that filter then contributes 0).
 *
 * @param mode          rand, static, non-static or multichannel (see {@link CnnMode})
 * @param embeddings    the word2vec file (text or {@code .bin}) for the pre-trained modes; empty for rand
 * @param embeddingDim  embedding dimension; 0 = from the vectors file (pre-trained modes) or 300 (rand).
 *                      A non-zero value that differs from the file's dimension is an error
 * @param filterWidths  the filter widths (each ≥ 1)
 * @param featureMaps   filters per width
 * @param padding       zero vectors on each side of a sentence; -1 = (largest width − 1), Kim's wide convolution
 * @param stride        step between filter positions
 * @param dropout       dropout rate on the pooled features, in [0, 1)
 * @param maxNorm       L2 bound on each softmax weight vector (rescaled after each step); 0 = none
 * @param batchSize     mini-batch size
 * @param epochs        passes over the training data
 * @param learningRate  Adadelta's learning rate (1.0 = Zeiler's original rule)
 * @param rho           Adadelta's decay ρ
 * @param epsilon       Adadelta's ε
 * @param initRange     rand mode: embeddings uniform in ±initRange (Kim's code: 0.25); unknown words in the
 *                      pre-trained modes get the variance of the pre-trained vectors instead, as the paper says
 * @param scaleVectors  pre-trained modes: rescale the vectors so that their standard deviation is that of the
 *                      rand initialisation (initRange/√3), as Kim's word2vec vectors are; vectors trained on a
 *                      small corpus are often several times larger, which makes training overfit early
 * @param normalizeVectors pre-trained modes: scale each vector to unit L2 norm first (before {@code scaleVectors});
 *                      word2vec vectors of frequent words are longer than those of rare words
 * @param tuneUnknownWords static mode: the words without a pre-trained vector are learned with the network
 *                      (Adadelta on their rows only) instead of staying at their random initial vectors; the
 *                      pre-trained vectors stay fixed. Default false (Kim's CNN-static freezes every row)
 * @param standardizeVectors pre-trained modes: centre each dimension of the vectors (subtract their mean vector, the
 *                      direction word2vec vectors share; Mu and Viswanath 2018) and scale it to the standard
 *                      deviation of the rand initialisation (after {@code normalizeVectors}; instead of
 *                      {@code scaleVectors}' one factor for all dimensions). Default false
 * @param patience      stop after this many epochs without a better dev accuracy; 0 = run all epochs
 * @param threads       threads for the backward pass (the forward GEMM uses the nn kernels' threads,
 *                      system property {@code lexis.nn.threads})
 * @param seed          random seed: initial weights, example order, dropout (training is reproducible)
 * @param analyzer      tokenizer spec (see {@link TextAnalyzer})
 */
public record TextCnnConfig(CnnMode mode, String embeddings, int embeddingDim, List<Integer> filterWidths,
                            int featureMaps, int padding, int stride, double dropout, double maxNorm, int batchSize,
                            int epochs, double learningRate, double rho, double epsilon, double initRange,
                            boolean scaleVectors, boolean normalizeVectors, boolean tuneUnknownWords,
                            boolean standardizeVectors, int patience, int threads, long seed, String analyzer) {

    static final Set<String> KEYS = Set.of("mode", "embeddings", "embeddingDim", "filterWidths", "featureMaps",
            "padding", "stride", "dropout", "maxNorm", "batchSize", "epochs", "learningRate", "rho", "epsilon",
            "initRange", "scaleVectors", "normalizeVectors", "tuneUnknownWords", "standardizeVectors", "patience",
            "threads", "seed", "analyzer");

    public TextCnnConfig {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be non-null");
        }
        embeddings = embeddings == null ? "" : embeddings;
        if (mode.pretrained() && embeddings.isEmpty()) {
            throw new IllegalArgumentException("mode " + mode.spec() + " needs pre-trained vectors: set embeddings "
                    + "(--embeddings FILE)");
        }
        check(embeddingDim >= 0, "embeddingDim must be >= 0 (0 = from the vectors or 300), got " + embeddingDim);
        if (filterWidths == null || filterWidths.isEmpty()) {
            throw new IllegalArgumentException("filterWidths must name at least one width");
        }
        filterWidths = List.copyOf(filterWidths);
        for (int w : filterWidths) {
            check(w >= 1, "filterWidths must be >= 1, got " + filterWidths);
        }
        check(featureMaps >= 1, "featureMaps must be >= 1, got " + featureMaps);
        check(padding >= -1, "padding must be >= 0 (or -1 for the largest width - 1), got " + padding);
        check(stride >= 1, "stride must be >= 1, got " + stride);
        check(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        check(maxNorm >= 0, "maxNorm must be >= 0, got " + maxNorm);
        check(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
        check(epochs >= 1, "epochs must be >= 1, got " + epochs);
        check(learningRate > 0, "learningRate must be > 0, got " + learningRate);
        check(rho > 0 && rho < 1, "rho must be in (0, 1), got " + rho);
        check(epsilon > 0, "epsilon must be > 0, got " + epsilon);
        check(initRange > 0, "initRange must be > 0, got " + initRange);
        check(patience >= 0, "patience must be >= 0, got " + patience);
        check(threads >= 1, "threads must be >= 1, got " + threads);
        TextAnalyzer.check(analyzer);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Kim's CNN-rand with the paper's settings. */
    public static TextCnnConfig defaults() {
        return new TextCnnConfig(CnnMode.RAND, "", 0, List.of(3, 4, 5), 100, -1, 1, 0.5, 3, 50, 25, 1.0, 0.95, 1e-6,
                0.25, true, false, false, false, 0, Props.defaultThreads(), 3435, TextAnalyzer.DEFAULT);
    }

    /** The padding actually used: {@link #padding()}, or the largest width − 1 when it is -1. */
    public int effectivePadding() {
        return padding >= 0 ? padding : maxWidth() - 1;
    }

    int maxWidth() {
        int max = 0;
        for (int w : filterWidths) {
            max = Math.max(max, w);
        }
        return max;
    }

    /** The number of outputs of a filter of width {@code width} over {@code tokens} tokens (the formula above). */
    public int outputLength(int tokens, int width) {
        int span = tokens + 2 * effectivePadding() - width;
        return span < 0 ? 0 : span / stride + 1;
    }

    public TextCnnConfig withMode(CnnMode v) {
        return new TextCnnConfig(v, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    /** Pre-trained vectors and the mode that uses them. */
    public TextCnnConfig withEmbeddings(CnnMode m, String file) {
        return new TextCnnConfig(m, file, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    public TextCnnConfig withEmbeddingDim(int v) {
        return new TextCnnConfig(mode, embeddings, v, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    public TextCnnConfig withFilters(List<Integer> widths, int maps) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, widths, maps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    public TextCnnConfig withPaddingAndStride(int pad, int str) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, pad, str, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    public TextCnnConfig withDropout(double v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, v,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    public TextCnnConfig withBatchSize(int v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, v, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    public TextCnnConfig withEpochs(int v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, v, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    public TextCnnConfig withScaleVectors(boolean v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, v, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    /** Whether each pre-trained vector is scaled to unit length first (see {@link #normalizeVectors()}). */
    public TextCnnConfig withNormalizeVectors(boolean v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, v, tuneUnknownWords, standardizeVectors, patience, threads, seed, analyzer);
    }

    /** Whether static mode fine-tunes the words that have no pre-trained vector (see {@link #tuneUnknownWords()}). */
    public TextCnnConfig withTuneUnknownWords(boolean v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, v, standardizeVectors, patience, threads, seed, analyzer);
    }

    /** Whether each dimension of the vectors is centred and scaled (see {@link #standardizeVectors()}). */
    public TextCnnConfig withStandardizeVectors(boolean v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, v, patience, threads, seed, analyzer);
    }

    public TextCnnConfig withPatience(int v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, v, threads, seed, analyzer);
    }

    public TextCnnConfig withThreads(int v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, v, seed, analyzer);
    }

    public TextCnnConfig withSeed(long v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, v, analyzer);
    }

    public TextCnnConfig withAnalyzer(String v) {
        return new TextCnnConfig(mode, embeddings, embeddingDim, filterWidths, featureMaps, padding, stride, dropout,
                maxNorm, batchSize, epochs, learningRate, rho, epsilon,
                initRange, scaleVectors, normalizeVectors, tuneUnknownWords, standardizeVectors, patience, threads, seed, v);
    }

    /**
     * A config from properties (keys = the component names; {@code filterWidths} as {@code 3,4,5}); absent keys
     * take the defaults.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming the key
     */
    public static TextCnnConfig fromProperties(Map<String, String> p) {
        TextCnnConfig d = defaults();
        Props props = new Props(p, KEYS, "textcnn");
        List<Integer> widths = new ArrayList<>();
        String ws = props.string("filterWidths", null);
        if (ws == null) {
            widths.addAll(d.filterWidths);
        } else {
            for (String w : ws.split(",")) {
                try {
                    widths.add(Integer.parseInt(w.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("textcnn option filterWidths must be integers like 3,4,5, got \""
                            + ws + "\"");
                }
            }
        }
        return new TextCnnConfig(CnnMode.of(props.string("mode", d.mode.spec())), props.string("embeddings", ""),
                props.integer("embeddingDim", d.embeddingDim), widths, props.integer("featureMaps", d.featureMaps),
                props.integer("padding", d.padding), props.integer("stride", d.stride),
                props.real("dropout", d.dropout), props.real("maxNorm", d.maxNorm),
                props.integer("batchSize", d.batchSize), props.integer("epochs", d.epochs),
                props.real("learningRate", d.learningRate), props.real("rho", d.rho),
                props.real("epsilon", d.epsilon), props.real("initRange", d.initRange),
                Boolean.parseBoolean(props.string("scaleVectors", Boolean.toString(d.scaleVectors))),
                Boolean.parseBoolean(props.string("normalizeVectors", Boolean.toString(d.normalizeVectors))),
                Boolean.parseBoolean(props.string("tuneUnknownWords", Boolean.toString(d.tuneUnknownWords))),
                Boolean.parseBoolean(props.string("standardizeVectors", Boolean.toString(d.standardizeVectors))),
                props.integer("patience", d.patience), props.integer("threads", d.threads),
                props.longValue("seed", d.seed), props.string("analyzer", d.analyzer));
    }

    /** The properties {@link #fromProperties} reads back. */
    public Map<String, String> toProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", mode.spec());
        m.put("embeddings", embeddings);
        m.put("embeddingDim", Integer.toString(embeddingDim));
        StringBuilder ws = new StringBuilder();
        for (int w : filterWidths) {
            ws.append(ws.isEmpty() ? "" : ",").append(w);
        }
        m.put("filterWidths", ws.toString());
        m.put("featureMaps", Integer.toString(featureMaps));
        m.put("padding", Integer.toString(padding));
        m.put("stride", Integer.toString(stride));
        m.put("dropout", Double.toString(dropout));
        m.put("maxNorm", Double.toString(maxNorm));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("epochs", Integer.toString(epochs));
        m.put("learningRate", Double.toString(learningRate));
        m.put("rho", Double.toString(rho));
        m.put("epsilon", Double.toString(epsilon));
        m.put("initRange", Double.toString(initRange));
        m.put("scaleVectors", Boolean.toString(scaleVectors));
        m.put("normalizeVectors", Boolean.toString(normalizeVectors));
        m.put("tuneUnknownWords", Boolean.toString(tuneUnknownWords));
        m.put("standardizeVectors", Boolean.toString(standardizeVectors));
        m.put("patience", Integer.toString(patience));
        m.put("threads", Integer.toString(threads));
        m.put("seed", Long.toString(seed));
        m.put("analyzer", analyzer);
        return m;
    }
}
