package dev.lexis.sequence;

import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import java.util.Locale;

/**
 * Turns the per-token states of a recurrent stack into one vector per sequence, as a custom tape op: the
 * maximum over each sequence's own tokens (padding excluded), or the final states (the forward direction's
 * state after the last token; for a bidirectional stack, the backward direction's state after reading back to
 * the first token).
 */
public enum SequencePooling {
    /** Element-wise maximum over the sequence's tokens. */
    MAX,
    /** The final hidden state of each direction. */
    LAST;

    /** {@code max} or {@code last}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the value and the valid ones */
    public static SequencePooling parse(String name) {
        for (SequencePooling p : values()) {
            if (p.key().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pooling \"" + name + "\"; valid: [max, last]");
    }

    /**
     * @param states        (T · batch, width), time-major, zero past each sequence's end
     * @param lengths       batch lengths, each ≥ 1
     * @param bidirectional whether the second half of the width is a backward-reading direction (for LAST)
     * @return (batch, width)
     */
    Var pool(Var states, int batch, int[] lengths, boolean bidirectional) {
        Tape tape = states.tape();
        int width = states.dim(1);
        int steps = states.dim(0) / batch;
        Var out = tape.record(o -> backward(o, batch, width), new int[] {batch, width}, states);
        int[] from = out.intScratch(batch * width);   // source row of each output value
        float[] s = states.value().data();
        int so = states.value().offset();
        float[] o = out.value().data();
        int half = bidirectional ? width / 2 : width;
        for (int b = 0; b < batch; b++) {
            int len = lengths[b];
            if (len < 1 || len > steps) {
                throw new IllegalArgumentException("length " + len + " of sequence " + b + " is outside [1, " + steps + "]");
            }
            for (int j = 0; j < width; j++) {
                int row;
                if (this == LAST) {
                    row = j < half ? (len - 1) * batch + b : b;
                } else {
                    row = b;
                    float best = s[so + b * width + j];
                    for (int t = 1; t < len; t++) {
                        float v = s[so + (t * batch + b) * width + j];
                        if (v > best) {
                            best = v;
                            row = t * batch + b;
                        }
                    }
                }
                from[b * width + j] = row;
                o[b * width + j] = s[so + row * width + j];
            }
        }
        return out;
    }

    private static void backward(Var out, int batch, int width) {
        Var states = out.input(0);
        if (!states.requiresGrad()) {
            return;
        }
        int[] from = out.intScratch(batch * width);
        Tensor g = out.grad();
        Tensor d = states.gradBuffer();
        float[] dd = d.data();
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < width; j++) {
                dd[d.offset() + from[b * width + j] * width + j] += g.get(b * width + j);
            }
        }
    }
}
