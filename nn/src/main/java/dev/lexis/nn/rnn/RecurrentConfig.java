package dev.lexis.nn.rnn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a {@link RecurrentStack}: cell, sizes, number of layers, direction, dropout between layers and
 * truncated backpropagation through time.
 *
 * @param cell          RNN, GRU or LSTM
 * @param inputSize     values per input token (e.g. the embedding dimension), &gt; 0
 * @param hiddenSize    hidden units per direction, &gt; 0
 * @param layers        stacked layers, &gt;= 1
 * @param bidirectional whether each layer reads both ways (the output then has 2 · hiddenSize values per token)
 * @param dropout       dropout rate in [0, 1) applied to the output of every layer but the last (training only)
 * @param bpttLimit     0 for full backpropagation through time, else cut the recurrent gradient every k steps
 */
public record RecurrentConfig(CellKind cell, int inputSize, int hiddenSize, int layers, boolean bidirectional,
                              float dropout, int bpttLimit) {

    private static final Set<String> KEYS = Set.of("cell", "inputSize", "hiddenSize", "layers", "bidirectional",
            "dropout", "bpttLimit");

    /** @throws IllegalArgumentException naming the field with a bad value */
    public RecurrentConfig {
        if (cell == null) {
            throw new IllegalArgumentException("cell must not be null");
        }
        if (inputSize <= 0) {
            throw new IllegalArgumentException("inputSize must be > 0, got " + inputSize);
        }
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hiddenSize must be > 0, got " + hiddenSize);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (bpttLimit < 0) {
            throw new IllegalArgumentException("bpttLimit must be >= 0, got " + bpttLimit);
        }
    }

    /** A one-layer bidirectional LSTM of 100 hidden units per direction, no dropout, full BPTT. */
    public static RecurrentConfig defaults(int inputSize) {
        return new RecurrentConfig(CellKind.LSTM, inputSize, 100, 1, true, 0f, 0);
    }

    public RecurrentConfig withCell(CellKind value) {
        return new RecurrentConfig(value, inputSize, hiddenSize, layers, bidirectional, dropout, bpttLimit);
    }

    public RecurrentConfig withHiddenSize(int value) {
        return new RecurrentConfig(cell, inputSize, value, layers, bidirectional, dropout, bpttLimit);
    }

    public RecurrentConfig withLayers(int value) {
        return new RecurrentConfig(cell, inputSize, hiddenSize, value, bidirectional, dropout, bpttLimit);
    }

    public RecurrentConfig withBidirectional(boolean value) {
        return new RecurrentConfig(cell, inputSize, hiddenSize, layers, value, dropout, bpttLimit);
    }

    public RecurrentConfig withDropout(float value) {
        return new RecurrentConfig(cell, inputSize, hiddenSize, layers, bidirectional, value, bpttLimit);
    }

    public RecurrentConfig withBpttLimit(int value) {
        return new RecurrentConfig(cell, inputSize, hiddenSize, layers, bidirectional, dropout, value);
    }

    /** Values per token in the output: hiddenSize, or 2 · hiddenSize when bidirectional. */
    public int outputSize() {
        return bidirectional ? 2 * hiddenSize : hiddenSize;
    }

    /** The config as properties (keys are the component names). */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cell", cell.key());
        p.put("inputSize", Integer.toString(inputSize));
        p.put("hiddenSize", Integer.toString(hiddenSize));
        p.put("layers", Integer.toString(layers));
        p.put("bidirectional", Boolean.toString(bidirectional));
        p.put("dropout", Float.toString(dropout));
        p.put("bpttLimit", Integer.toString(bpttLimit));
        return p;
    }

    /**
     * The config from {@link #toProperties()} (all keys required; unknown keys refused).
     *
     * @throws IllegalArgumentException naming a missing, unknown or malformed key
     */
    public static RecurrentConfig fromProperties(Map<String, String> p) {
        for (String key : p.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown recurrent config key \"" + key + "\"; known: " + KEYS);
            }
        }
        try {
            return new RecurrentConfig(CellKind.parse(get(p, "cell")), Integer.parseInt(get(p, "inputSize")),
                    Integer.parseInt(get(p, "hiddenSize")), Integer.parseInt(get(p, "layers")),
                    Boolean.parseBoolean(get(p, "bidirectional")), Float.parseFloat(get(p, "dropout")),
                    Integer.parseInt(get(p, "bpttLimit")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in recurrent config " + p + ": " + e.getMessage(), e);
        }
    }

    private static String get(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException("recurrent config key \"" + key + "\" is missing");
        }
        return v;
    }
}
