package dev.lexis.nn.rnn;

import java.util.Arrays;
import java.util.Locale;

/** The recurrent cell of a {@link RecurrentLayer}, with the number of gate blocks its one weight matrix holds. */
public enum CellKind {
    /** Elman RNN: H_t = tanh(X_t W_xh + H_{t−1} W_hh + b_h); one block. */
    RNN(1),
    /** GRU with reset and update gates (Cho et al. 2014); blocks r, z, n. */
    GRU(3),
    /** LSTM with input, forget and output gates and a memory cell; blocks i, f, g, o. */
    LSTM(4);

    private final int gates;

    CellKind(int gates) {
        this.gates = gates;
    }

    /** The number of hidden-size blocks in the gate pre-activations (columns of the weight = gates · hiddenSize). */
    public int gates() {
        return gates;
    }

    /** The lower-case name used in configs and on the command line ({@code rnn}, {@code gru}, {@code lstm}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code rnn}, {@code gru} or {@code lstm} (any case).
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static CellKind parse(String name) {
        for (CellKind k : values()) {
            if (k.key().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown cell \"" + name + "\"; valid cells: "
                + Arrays.stream(values()).map(CellKind::key).toList());
    }
}
