package dev.lexis.nn.rnn;

import dev.lexis.nn.Ops;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * A bidirectional recurrent layer (Schuster &amp; Paliwal 1997): one {@link RecurrentLayer} reads each sequence
 * forward, another backward (from its own last token), and their hidden states are concatenated per token,
 * forward first: (T · B, 2 · hiddenSize). Immutable apart from the parameter values.
 */
public final class Bidirectional {
    private final RecurrentLayer forward;
    private final RecurrentLayer backward;

    /**
     * @throws IllegalArgumentException when the two layers differ in cell, input or hidden size
     */
    public Bidirectional(RecurrentLayer forward, RecurrentLayer backward) {
        if (forward.kind() != backward.kind() || forward.inputSize() != backward.inputSize()
                || forward.hiddenSize() != backward.hiddenSize()) {
            throw new IllegalArgumentException("the two directions must have the same cell and sizes, got "
                    + forward.kind().key() + " " + forward.inputSize() + "→" + forward.hiddenSize() + " and "
                    + backward.kind().key() + " " + backward.inputSize() + "→" + backward.hiddenSize());
        }
        this.forward = forward;
        this.backward = backward;
    }

    public RecurrentLayer forwardLayer() {
        return forward;
    }

    public RecurrentLayer backwardLayer() {
        return backward;
    }

    /** The parameters of the forward layer, then the backward one. */
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(forward.parameters());
        list.addAll(backward.parameters());
        return list;
    }

    /**
     * Both directions over a batch; see {@link RecurrentLayer#forward} for the layout, lengths and bpttLimit.
     *
     * @return (T · batch, 2 · hiddenSize): [forward state, backward state] per token, zero past the end
     */
    public Var forward(Var input, int batch, int[] lengths, int bpttLimit) {
        Var f = forward.forward(input, batch, lengths, false, bpttLimit);
        Var b = backward.forward(input, batch, lengths, true, bpttLimit);
        return Ops.concat(f, b);
    }
}
