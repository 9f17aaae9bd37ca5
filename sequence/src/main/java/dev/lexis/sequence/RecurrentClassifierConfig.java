package dev.lexis.sequence;

import dev.lexis.classify.TextAnalyzer;
import dev.lexis.nn.rnn.CellKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recurrent sentence classifier's shape and training: embeddings → (Bi)LSTM / GRU / RNN → max-pool or last
 * state → dropout → softmax.
 *
 * @param cell          lstm, gru or rnn
 * @param bidirectional read each text both ways
 * @param layers        stacked recurrent layers, &gt;= 1
 * @param hiddenSize    hidden units per direction, &gt; 0
 * @param embeddingDim  word-embedding size (taken from the vectors file when one is given), &gt; 0
 * @param pooling       max (over tokens) or last (final states)
 * @param dropout       dropout on the embeddings, between layers and on the pooled vector, in [0, 1)
 * @param epochs        passes over the training set, &gt;= 1
 * @param batchSize     texts per mini-batch (grouped by length), &gt;= 1
 * @param learningRate  Adam's step size, &gt; 0
 * @param clipNorm      global gradient-norm clipping, 0 for none
 * @param maxTokens     texts are cut after this many tokens, &gt; 0
 * @param patience      stop after this many epochs without a better dev accuracy, 0 for never
 * @param threads       data-parallel workers, &gt;= 1
 * @param seed          seed of every random choice
 * @param analyzer      tokenizer spec (see {@link TextAnalyzer})
 * @param embeddings    word2vec vectors file to start from, "" for none
 * @param mode          how pre-trained vectors are used: rand (ignore them), static (frozen) or non-static
 */
public record RecurrentClassifierConfig(CellKind cell, boolean bidirectional, int layers, int hiddenSize,
                                        int embeddingDim, SequencePooling pooling, float dropout, int epochs,
                                        int batchSize, float learningRate, float clipNorm, int maxTokens, int patience,
                                        int threads, long seed, String analyzer, String embeddings, String mode) {

    static final Set<String> KEYS = Set.of("cell", "bidirectional", "layers", "hiddenSize", "embeddingDim", "pooling",
            "dropout", "epochs", "batchSize", "learningRate", "clipNorm", "maxTokens", "patience", "threads", "seed",
            "analyzer", "embeddings", "mode");

    /** @throws IllegalArgumentException naming the field with a bad value */
    public RecurrentClassifierConfig {
        if (cell == null || pooling == null) {
            throw new IllegalArgumentException("cell and pooling must not be null");
        }
        for (var e : Map.of("layers", layers, "hiddenSize", hiddenSize, "embeddingDim", embeddingDim, "epochs", epochs,
                "batchSize", batchSize, "maxTokens", maxTokens, "threads", threads).entrySet()) {
            if (e.getValue() <= 0) {
                throw new IllegalArgumentException(e.getKey() + " must be > 0, got " + e.getValue());
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0 && Float.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(clipNorm >= 0 && Float.isFinite(clipNorm))) {
            throw new IllegalArgumentException("clipNorm must be >= 0, got " + clipNorm);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        TextAnalyzer.of(analyzer);
        if (embeddings == null) {
            embeddings = "";
        }
        if (!Set.of("rand", "static", "non-static").contains(mode)) {
            throw new IllegalArgumentException("mode must be rand, static or non-static, got \"" + mode + "\"");
        }
    }

    /** A bidirectional LSTM of 100 units per direction, max-pooled, dropout 0.5, Adam 1e-3, 10 epochs, batch 32. */
    public static RecurrentClassifierConfig defaults() {
        return new RecurrentClassifierConfig(CellKind.LSTM, true, 1, 100, 100, SequencePooling.MAX, 0.5f, 10, 32, 1e-3f,
                5f, 200, 3, 2, 1L, TextAnalyzer.DEFAULT, "", "non-static");
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cell", cell.key());
        p.put("bidirectional", Boolean.toString(bidirectional));
        p.put("layers", Integer.toString(layers));
        p.put("hiddenSize", Integer.toString(hiddenSize));
        p.put("embeddingDim", Integer.toString(embeddingDim));
        p.put("pooling", pooling.key());
        p.put("dropout", Float.toString(dropout));
        p.put("epochs", Integer.toString(epochs));
        p.put("batchSize", Integer.toString(batchSize));
        p.put("learningRate", Float.toString(learningRate));
        p.put("clipNorm", Float.toString(clipNorm));
        p.put("maxTokens", Integer.toString(maxTokens));
        p.put("patience", Integer.toString(patience));
        p.put("threads", Integer.toString(threads));
        p.put("seed", Long.toString(seed));
        p.put("analyzer", analyzer);
        p.put("embeddings", embeddings);
        p.put("mode", mode);
        return p;
    }

    /** A copy with one key changed. */
    public RecurrentClassifierConfig with(String key, String value) {
        return fromProperties(Map.of(key, value), this);
    }

    /**
     * A config from properties over the {@link #defaults()}.
     *
     * @throws IllegalArgumentException for an unknown key (listing the known ones) or a malformed value
     */
    public static RecurrentClassifierConfig fromProperties(Map<String, String> properties) {
        return fromProperties(properties, defaults());
    }

    static RecurrentClassifierConfig fromProperties(Map<String, String> properties, RecurrentClassifierConfig base) {
        Map<String, String> p = base.toProperties();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown option \"" + e.getKey() + "\" for a recurrent classifier; "
                        + "known options: " + new TreeSet<>(KEYS));
            }
            p.put(e.getKey(), e.getValue());
        }
        String b = p.get("bidirectional").strip().toLowerCase(Locale.ROOT);
        if (!b.equals("true") && !b.equals("false")) {
            throw new IllegalArgumentException("bidirectional must be true or false, got \"" + p.get("bidirectional") + "\"");
        }
        try {
            return new RecurrentClassifierConfig(CellKind.parse(p.get("cell")), b.equals("true"),
                    Integer.parseInt(p.get("layers")), Integer.parseInt(p.get("hiddenSize")),
                    Integer.parseInt(p.get("embeddingDim")), SequencePooling.parse(p.get("pooling")),
                    Float.parseFloat(p.get("dropout")), Integer.parseInt(p.get("epochs")),
                    Integer.parseInt(p.get("batchSize")), Float.parseFloat(p.get("learningRate")),
                    Float.parseFloat(p.get("clipNorm")), Integer.parseInt(p.get("maxTokens")),
                    Integer.parseInt(p.get("patience")), Integer.parseInt(p.get("threads")),
                    Long.parseLong(p.get("seed")), p.get("analyzer"), p.get("embeddings"), p.get("mode"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in recurrent classifier options " + properties + ": "
                    + e.getMessage(), e);
        }
    }
}
