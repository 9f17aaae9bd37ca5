package dev.lexis.sequence;

import dev.lexis.nn.rnn.CellKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything that defines a {@link Tagger} and how it is trained. Defaults (see {@link #defaults()}) are the
 * PyTorch reference tagger's: embedding 100, one bidirectional LSTM layer of 100 units per direction, Adam
 * 1e-3, batches of 32 sentences, 10 epochs.
 *
 * @param cell             lstm, gru or rnn
 * @param bidirectional    read each sentence both ways
 * @param layers           stacked recurrent layers, &gt;= 1
 * @param hiddenSize       hidden units per direction, &gt; 0
 * @param embeddingDim     word-embedding size, &gt; 0 (taken from the vectors file when one is given)
 * @param features         also embed each word's letter case (5 shapes, 8 values) and 3-letter suffix (16 values)
 * @param lowercase        look words up in lower case (the case feature keeps the lost information)
 * @param dropout          dropout rate in [0, 1) on the embeddings, between layers and before the output layer
 * @param wordDropout      probability in [0, 1) of replacing a word seen once in training by {@code <unk>} in a
 *                         training batch (teaches the unknown-word vector)
 * @param epochs           passes over the training set, &gt;= 1
 * @param batchSize        sentences per mini-batch, &gt;= 1 (batches hold sentences of similar length)
 * @param learningRate     Adam's step size, &gt; 0
 * @param clipNorm         global gradient-norm clipping threshold, 0 for none
 * @param bpttLimit        truncated backpropagation through time: 0 for full, else chunks of that many steps
 * @param patience         stop after this many epochs without a better dev score, 0 for never
 * @param threads          data-parallel worker threads, &gt;= 1
 * @param seed             seed of every random choice (initialisation, batch order, dropout)
 * @param embeddings       path of a word2vec text or binary vectors file to initialise the embeddings, "" for none
 * @param freezeEmbeddings keep pre-trained embeddings fixed
 * @param subwordDim       size of the character n-gram vector added to each token, 0 for none: the mean of learned
 *                         vectors of the token's lower-cased character 2-, 3- and 4-grams (with {@code <} and
 *                         {@code >} marking the word's start and end) hashed into {@link #SUBWORD_BUCKETS} buckets,
 *                         as fastText's subwords (Bojanowski et al. 2017); it gives unseen words a representation
 * @param inputColumn      a CoNLL column read as a second input beside the token, 0 for none (0-based, negative
 *                         counts from the end): its values (e.g. the part-of-speech tags that the CoNLL-2000 chunking
 *                         task gives with each word) get learned 16-value vectors. Such a tagger needs that column
 *                         at tagging time too: it tags CoNLL rows ({@link Tagger#evaluate}, {@link Tagger#tagRows}),
 *                         not bare tokens
 */
public record TaggerConfig(CellKind cell, boolean bidirectional, int layers, int hiddenSize, int embeddingDim,
                           boolean features, boolean lowercase, float dropout, float wordDropout, int epochs,
                           int batchSize, float learningRate, float clipNorm, int bpttLimit, int patience, int threads,
                           long seed, String embeddings, boolean freezeEmbeddings, int subwordDim,
                           int inputColumn) {

    /** Hash buckets of the character n-gram vectors (see {@code subwordDim}). */
    public static final int SUBWORD_BUCKETS = 1 << 16;

    static final Set<String> KEYS = Set.of("cell", "bidirectional", "layers", "hiddenSize", "embeddingDim",
            "features", "lowercase", "dropout", "wordDropout", "epochs", "batchSize", "learningRate", "clipNorm",
            "bpttLimit", "patience", "threads", "seed", "embeddings", "freezeEmbeddings", "subwordDim", "inputColumn");

    /** @throws IllegalArgumentException naming the field with a bad value */
    public TaggerConfig {
        if (cell == null) {
            throw new IllegalArgumentException("cell must not be null");
        }
        positive("layers", layers);
        positive("hiddenSize", hiddenSize);
        positive("embeddingDim", embeddingDim);
        positive("epochs", epochs);
        positive("batchSize", batchSize);
        positive("threads", threads);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(wordDropout >= 0 && wordDropout < 1)) {
            throw new IllegalArgumentException("wordDropout must be in [0, 1), got " + wordDropout);
        }
        if (!(learningRate > 0 && Float.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(clipNorm >= 0 && Float.isFinite(clipNorm))) {
            throw new IllegalArgumentException("clipNorm must be >= 0, got " + clipNorm);
        }
        if (bpttLimit < 0) {
            throw new IllegalArgumentException("bpttLimit must be >= 0, got " + bpttLimit);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (subwordDim < 0) {
            throw new IllegalArgumentException("subwordDim must be >= 0, got " + subwordDim);
        }
        if (embeddings == null) {
            embeddings = "";
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    /** The defaults listed in the class comment (no dropout, no extra features, clipping at 5, 2 threads). */
    public static TaggerConfig defaults() {
        return new TaggerConfig(CellKind.LSTM, true, 1, 100, 100, false, false, 0f, 0f, 10, 32, 1e-3f, 5f, 0, 3, 2,
                1L, "", false, 0, 0);
    }

    public TaggerConfig withCell(CellKind v) {
        return with("cell", v.key());
    }

    public TaggerConfig withBidirectional(boolean v) {
        return with("bidirectional", Boolean.toString(v));
    }

    public TaggerConfig withLayers(int v) {
        return with("layers", Integer.toString(v));
    }

    public TaggerConfig withHiddenSize(int v) {
        return with("hiddenSize", Integer.toString(v));
    }

    public TaggerConfig withEmbeddingDim(int v) {
        return with("embeddingDim", Integer.toString(v));
    }

    public TaggerConfig withFeatures(boolean v) {
        return with("features", Boolean.toString(v));
    }

    public TaggerConfig withLowercase(boolean v) {
        return with("lowercase", Boolean.toString(v));
    }

    public TaggerConfig withDropout(float v) {
        return with("dropout", Float.toString(v));
    }

    public TaggerConfig withWordDropout(float v) {
        return with("wordDropout", Float.toString(v));
    }

    public TaggerConfig withEpochs(int v) {
        return with("epochs", Integer.toString(v));
    }

    public TaggerConfig withBatchSize(int v) {
        return with("batchSize", Integer.toString(v));
    }

    public TaggerConfig withLearningRate(float v) {
        return with("learningRate", Float.toString(v));
    }

    public TaggerConfig withClipNorm(float v) {
        return with("clipNorm", Float.toString(v));
    }

    public TaggerConfig withBpttLimit(int v) {
        return with("bpttLimit", Integer.toString(v));
    }

    public TaggerConfig withPatience(int v) {
        return with("patience", Integer.toString(v));
    }

    public TaggerConfig withThreads(int v) {
        return with("threads", Integer.toString(v));
    }

    public TaggerConfig withSeed(long v) {
        return with("seed", Long.toString(v));
    }

    public TaggerConfig withEmbeddings(String v) {
        return with("embeddings", v);
    }

    public TaggerConfig withFreezeEmbeddings(boolean v) {
        return with("freezeEmbeddings", Boolean.toString(v));
    }

    public TaggerConfig withSubwordDim(int v) {
        return with("subwordDim", Integer.toString(v));
    }

    public TaggerConfig withInputColumn(int v) {
        return with("inputColumn", Integer.toString(v));
    }

    /** A copy with one key changed (keys as in {@link #toProperties()}). */
    public TaggerConfig with(String key, String value) {
        Map<String, String> p = toProperties();
        p.put(key, value);
        return fromProperties(p);
    }

    /** Every field as a property (the keys of the model file and of {@code with}). */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cell", cell.key());
        p.put("bidirectional", Boolean.toString(bidirectional));
        p.put("layers", Integer.toString(layers));
        p.put("hiddenSize", Integer.toString(hiddenSize));
        p.put("embeddingDim", Integer.toString(embeddingDim));
        p.put("features", Boolean.toString(features));
        p.put("lowercase", Boolean.toString(lowercase));
        p.put("dropout", Float.toString(dropout));
        p.put("wordDropout", Float.toString(wordDropout));
        p.put("epochs", Integer.toString(epochs));
        p.put("batchSize", Integer.toString(batchSize));
        p.put("learningRate", Float.toString(learningRate));
        p.put("clipNorm", Float.toString(clipNorm));
        p.put("bpttLimit", Integer.toString(bpttLimit));
        p.put("patience", Integer.toString(patience));
        p.put("threads", Integer.toString(threads));
        p.put("seed", Long.toString(seed));
        p.put("embeddings", embeddings);
        p.put("freezeEmbeddings", Boolean.toString(freezeEmbeddings));
        p.put("subwordDim", Integer.toString(subwordDim));
        p.put("inputColumn", Integer.toString(inputColumn));
        return p;
    }

    /**
     * A config from properties; absent keys take the defaults.
     *
     * @throws IllegalArgumentException for an unknown key (listing the known ones) or a malformed value (naming
     *                                  the key)
     */
    public static TaggerConfig fromProperties(Map<String, String> properties) {
        Map<String, String> p = defaults().toPropertiesUnchecked();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown tagger option \"" + e.getKey() + "\"; known options: "
                        + new java.util.TreeSet<>(KEYS));
            }
            p.put(e.getKey(), e.getValue());
        }
        String key = "";
        try {
            key = "cell";
            CellKind cell = CellKind.parse(p.get(key));
            return new TaggerConfig(cell, bool(p, "bidirectional"), integer(p, "layers"), integer(p, "hiddenSize"),
                    integer(p, "embeddingDim"), bool(p, "features"), bool(p, "lowercase"), real(p, "dropout"),
                    real(p, "wordDropout"), integer(p, "epochs"), integer(p, "batchSize"), real(p, "learningRate"),
                    real(p, "clipNorm"), integer(p, "bpttLimit"), integer(p, "patience"), integer(p, "threads"),
                    Long.parseLong(p.get("seed").strip()), p.get("embeddings"), bool(p, "freezeEmbeddings"),
                    integer(p, "subwordDim"), integer(p, "inputColumn"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in tagger options: " + e.getMessage(), e);
        }
    }

    private Map<String, String> toPropertiesUnchecked() {
        return toProperties();
    }

    private static boolean bool(Map<String, String> p, String key) {
        String v = p.get(key).strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got \"" + p.get(key) + "\"");
        }
        return v.equals("true");
    }

    private static int integer(Map<String, String> p, String key) {
        try {
            return Integer.parseInt(p.get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got \"" + p.get(key) + "\"", e);
        }
    }

    private static float real(Map<String, String> p, String key) {
        try {
            return Float.parseFloat(p.get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got \"" + p.get(key) + "\"", e);
        }
    }
}
