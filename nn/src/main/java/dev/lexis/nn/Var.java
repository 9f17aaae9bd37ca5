package dev.lexis.nn;

import java.util.Arrays;

/**
 * A node on a {@link Tape}: a value tensor, a lazily allocated gradient, and the op that produced it.
 *
 * <p>Vars are created by the tape ({@link Tape#param}, {@link Tape#constant}, {@link Tape#input}) and by ops
 * ({@link Ops}, {@link Losses}, ...). A {@code Var} and its tensors belong to the tape and are valid until the
 * next {@link Tape#reset()}, which recycles them together with their buffers: copy a value out
 * ({@link Tensor#copy()}) if it must outlive the step. The value of a parameter's Var <em>is</em> the
 * parameter's tensor (no copy), and its gradient buffer is the tape's {@link Gradients} buffer for it.
 */
public final class Var {
    final Tape tape;
    final int slot;

    Tensor value;
    Tensor grad;
    int gradPass = -1;
    boolean requiresGrad;
    Backward op;
    Var in0;
    Var in1;
    Var in2;
    Var[] ins;
    int i0;
    int i1;
    int i2;
    int i3;
    int i4;
    float f0;
    Object aux;
    int[] ids;
    Parameter parameter;
    Gradients.Entry entry;
    boolean denseGradUsed;

    // storage kept across Tape.reset() for reuse
    float[] valueStore;
    Tensor valueView;
    float[] gradStore;
    Tensor gradView;
    float[][] scratch;
    int[] intScratch;

    Var(Tape tape, int slot) {
        this.tape = tape;
        this.slot = slot;
    }

    void clear() {
        value = null;
        grad = null;
        gradPass = -1;
        requiresGrad = false;
        op = null;
        in0 = null;
        in1 = null;
        in2 = null;
        ins = null;
        aux = null;
        ids = null;
        parameter = null;
        entry = null;
        denseGradUsed = false;
    }

    /** The tape this Var was recorded on. */
    public Tape tape() {
        return tape;
    }

    /** The value (for a parameter's Var, the parameter's own tensor). */
    public Tensor value() {
        return value;
    }

    /** The value of a one-element Var (a loss). */
    public float item() {
        if (value.size() != 1) {
            throw new IllegalStateException("item() needs one value, this Var has shape "
                    + Arrays.toString(value.shape()));
        }
        return value.get(0);
    }

    public int[] shape() {
        return value.shape();
    }

    public int rank() {
        return value.rank();
    }

    /** Size of dimension {@code axis} (negative axes count from the end). */
    public int dim(int axis) {
        return value.dim(axis);
    }

    public int size() {
        return value.size();
    }

    /** Whether the backward pass computes a gradient for this Var (false for constants and frozen parameters). */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Whether a gradient was computed for this Var in the current backward pass (or, for a parameter, ever). */
    public boolean hasGrad() {
        return grad != null && (parameter != null || gradPass == tape.pass);
    }

    /**
     * The gradient of the loss with respect to this Var after {@link Tape#backward(Var)}.
     *
     * @throws IllegalStateException when none was computed (the Var is not on a path to the loss or does not
     *     require a gradient)
     */
    public Tensor grad() {
        if (!hasGrad()) {
            throw new IllegalStateException("no gradient for " + this
                    + ": it is not on a path to the loss, or it does not require a gradient");
        }
        return grad;
    }

    /**
     * The gradient buffer to accumulate into, zeroed on first use in a backward pass; for a parameter, its
     * {@link Gradients} buffer (a sparse-row parameter used this way counts all its rows as touched). For
     * {@link Backward} implementations.
     */
    public Tensor gradBuffer() {
        if (parameter != null) {
            denseGradUsed = true;
            return grad;
        }
        if (gradPass != tape.pass || grad == null) {
            int n = value.size();
            if (gradStore == null || gradStore.length < n) {
                gradStore = new float[Math.max(n, 1)];
                gradView = null;
            } else {
                Arrays.fill(gradStore, 0, n, 0f);
            }
            if (gradView == null || !gradView.sameShape(value)) {
                gradView = Tensor.view(gradStore, 0, value.shape());
            }
            grad = gradView;
            gradPass = tape.pass;
        }
        return grad;
    }

    /** Input {@code i} of the op that produced this Var. */
    public Var input(int i) {
        if (ins != null) {
            return ins[i];
        }
        Var v = i == 0 ? in0 : i == 1 ? in1 : i == 2 ? in2 : null;
        if (v == null) {
            throw new IndexOutOfBoundsException("input " + i + " of " + this);
        }
        return v;
    }

    /** The parameter this Var reads, if it is a parameter's leaf. */
    public java.util.Optional<Parameter> parameter() {
        return java.util.Optional.ofNullable(parameter);
    }

    /** Op-specific state (for {@link Backward} implementations). */
    public Object aux() {
        return aux;
    }

    public void setAux(Object aux) {
        this.aux = aux;
    }

    /**
     * Scratch buffer {@code index} (0–3) of at least {@code size} floats, kept across {@link Tape#reset()} for
     * reuse; its contents are not cleared.
     */
    public float[] scratch(int index, int size) {
        if (scratch == null) {
            scratch = new float[4][];
        }
        float[] s = scratch[index];
        if (s == null || s.length < size) {
            s = new float[Math.max(size, 1)];
            scratch[index] = s;
        }
        return s;
    }

    /** An int scratch buffer of at least {@code size} values, kept across {@link Tape#reset()}. */
    public int[] intScratch(int size) {
        if (intScratch == null || intScratch.length < size) {
            intScratch = new int[Math.max(size, 1)];
        }
        return intScratch;
    }

    @Override
    public String toString() {
        String what = parameter != null ? "param " + parameter.name() : op == null ? "constant" : "op";
        return "Var#" + slot + "(" + what + ", shape " + (value == null ? "?" : Arrays.toString(value.shape())) + ")";
    }
}
