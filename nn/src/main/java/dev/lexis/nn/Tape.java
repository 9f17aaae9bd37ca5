package dev.lexis.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reverse-mode automatic-differentiation tape: ops append their outputs ({@link Var}s) in the order they
 * run, and {@link #backward(Var)} walks them back from a loss, so branches (a Var used by several ops: its
 * gradients add up) and unrolled time steps need no special code.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Leaves.</b> {@link #param(Parameter)} reads a parameter (no copy; a frozen parameter, see
 *       {@link Parameter#isTrainable()}, acts as a constant); {@link #constant(Tensor)} wraps data that needs
 *       no gradient; {@link #input(int...)} hands out a reusable zeroed buffer to fill with a batch;
 *       {@link #variable(Tensor)} is a leaf whose gradient you want (e.g. d loss / d input).</li>
 *   <li><b>Ops</b> ({@link Ops}, {@link Losses}, {@link HierarchicalSoftmax}, {@link NegativeSampling}, the
 *       layers) take Vars of one tape and record their output on it. Custom ops use
 *       {@link #record(Backward, int[], Var...)}.</li>
 *   <li><b>Backward.</b> {@link #backward(Var)} seeds d loss / d loss = 1 for a one-element loss and runs every
 *       recorded op up to the loss in reverse. Parameter gradients are <em>added</em> to this tape's
 *       {@link Gradients}: by default ({@code new Tape()}) straight into {@link Parameter#grad()}, marking the
 *       touched rows of sparse-row parameters (embedding lookups, hierarchical softmax, negative sampling touch
 *       only the rows they read); with {@code new Tape(new Gradients())} into private buffers. Gradients of
 *       non-parameter Vars are valid after backward until the next backward or reset.</li>
 *   <li><b>Reuse.</b> {@link #reset()} forgets the recorded ops but keeps every Var object and its value,
 *       gradient and scratch buffers; the next step's ops reuse them slot by slot, so a training loop whose
 *       graph has the same shapes every step allocates (almost) nothing. Vars and their tensors are valid only
 *       until the next reset.</li>
 *   <li><b>Mode.</b> {@link #setTraining(boolean)} (default: training) switches dropout on and off; dropout
 *       draws from this tape's {@link #random()} (seed with {@link #setSeed(long)}).</li>
 *   <li><b>Threads.</b> A tape is used by one thread. For data-parallel training give each worker thread its
 *       own tape on its own {@link Gradients} (parameter values are shared and only read during forward and
 *       backward), then reduce the workers' gradients with {@link Gradients#addToParameters()}.</li>
 * </ul>
 *
 * <pre>{@code
 * Tape tape = new Tape();
 * for (Batch batch : batches) {
 *     tape.reset();
 *     Var x = tape.constant(batch.features());             // (batchSize, inputSize)
 *     Var h = Ops.tanh(dense1.forward(x));
 *     Var loss = Losses.softmaxCrossEntropy(dense2.forward(h), batch.labels());
 *     tape.backward(loss);                                   // gradients now in the parameters
 *     optimizer.step(parameters);                            // then zero the gradients
 * }
 * }</pre>
 */
public final class Tape {
    private final Gradients gradients;
    private final List<Var> pool = new ArrayList<>();
    private int count;
    int pass;
    private boolean training = true;
    private SplittableRandom random = new SplittableRandom(42);

    /** A tape whose parameter gradients go straight into {@link Parameter#grad()}. */
    public Tape() {
        this(Gradients.direct());
    }

    /** A tape whose parameter gradients go into {@code gradients}. */
    public Tape(Gradients gradients) {
        if (gradients == null) {
            throw new IllegalArgumentException("gradients must not be null");
        }
        this.gradients = gradients;
    }

    public Gradients gradients() {
        return gradients;
    }

    public boolean isTraining() {
        return training;
    }

    /** Training mode (dropout active) or evaluation mode (dropout is the identity). */
    public Tape setTraining(boolean training) {
        this.training = training;
        return this;
    }

    /** The random numbers of stochastic ops (dropout). */
    public SplittableRandom random() {
        return random;
    }

    public Tape setSeed(long seed) {
        this.random = new SplittableRandom(seed);
        return this;
    }

    /** The number of Vars recorded since the last reset. */
    public int size() {
        return count;
    }

    /** Forgets all recorded Vars; their buffers are kept and reused by the next ops. */
    public void reset() {
        count = 0;
        pass++;
    }

    /** A leaf reading {@code parameter}'s value (not copied); its gradient goes to {@link #gradients()}. */
    public Var param(Parameter parameter) {
        Var v = newVar();
        v.value = parameter.value();
        v.parameter = parameter;
        if (parameter.isTrainable()) {
            v.entry = gradients.entry(parameter);
            v.grad = v.entry.grad;
            v.requiresGrad = true;
        }
        return v;
    }

    /** A leaf without gradient over {@code value} (not copied). */
    public Var constant(Tensor value) {
        Var v = newVar();
        v.value = value;
        return v;
    }

    /** A leaf that receives a gradient (d loss / d value) over {@code value} (not copied). */
    public Var variable(Tensor value) {
        Var v = newVar();
        v.value = value;
        v.requiresGrad = true;
        return v;
    }

    /** A constant leaf with a zeroed value buffer of the given shape, reused across resets: fill it with data. */
    public Var input(int... shape) {
        Var v = newVar();
        allocValue(v, shape, true);
        return v;
    }

    /**
     * Records a custom op: a new Var of the given shape (value zeroed, for the caller to fill) whose backward
     * is {@code backward}, with {@code inputs} as its inputs. It requires a gradient when any input does.
     */
    public Var record(Backward backward, int[] shape, Var... inputs) {
        Var v = newVar();
        v.op = backward;
        v.ins = inputs.clone();
        for (Var in : inputs) {
            check(in);
            v.requiresGrad |= in.requiresGrad;
        }
        allocValue(v, shape, true);
        return v;
    }

    /** Backward from a one-element loss: d loss / d loss = 1. */
    public void backward(Var loss) {
        check(loss);
        if (loss.size() != 1) {
            throw new IllegalArgumentException("backward needs a one-element loss, got shape "
                    + Arrays.toString(loss.shape()) + "; use backward(out, seed) for other outputs");
        }
        backward(loss, null);
    }

    /** Backward from {@code out} seeded with d loss / d out = {@code seed} (same size as out; null means 1s). */
    public void backward(Var out, Tensor seed) {
        check(out);
        pass++;
        if (!out.requiresGrad) {
            return;
        }
        Tensor g = out.gradBuffer();
        if (seed == null) {
            g.fill(1f);
        } else {
            if (seed.size() != out.size()) {
                throw new IllegalArgumentException("seed of size " + seed.size() + " for an output of size "
                        + out.size());
            }
            g.copyFrom(seed);
        }
        for (int i = out.slot; i >= 0; i--) {
            Var v = pool.get(i);
            if (v.op != null && v.requiresGrad && v.grad != null && v.gradPass == pass) {
                v.op.backward(v);
            }
        }
        for (int i = 0; i <= out.slot; i++) {
            Var v = pool.get(i);
            if (v.denseGradUsed) {
                v.entry.touchAllRows();
                v.denseGradUsed = false;
            }
        }
    }

    // ---- internal helpers for ops ----

    Var newVar() {
        Var v;
        if (count < pool.size()) {
            v = pool.get(count);
            v.clear();
        } else {
            v = new Var(this, count);
            pool.add(v);
        }
        count++;
        return v;
    }

    void check(Var v) {
        if (v == null) {
            throw new IllegalArgumentException("a Var argument is null");
        }
        if (v.tape != this) {
            throw new IllegalArgumentException(v + " belongs to another tape");
        }
        if (v.slot >= count || pool.get(v.slot) != v || v.value == null) {
            throw new IllegalStateException(v + " is stale: the tape was reset after it was recorded");
        }
    }

    /** A new op output with inputs a, b, c (any may be null) and a value of the given shape. */
    Var op(Backward backward, Var a, Var b, Var c, int[] shape, boolean zero) {
        Var v = newVar();
        v.op = backward;
        v.in0 = a;
        v.in1 = b;
        v.in2 = c;
        v.requiresGrad = (a != null && a.requiresGrad) || (b != null && b.requiresGrad)
                || (c != null && c.requiresGrad);
        allocValue(v, shape, zero);
        return v;
    }

    Var op(Backward backward, Var a, Var b, Var c, int rows, int cols, boolean zero) {
        Var v = newVar();
        v.op = backward;
        v.in0 = a;
        v.in1 = b;
        v.in2 = c;
        v.requiresGrad = (a != null && a.requiresGrad) || (b != null && b.requiresGrad)
                || (c != null && c.requiresGrad);
        allocValue2(v, rows, cols, zero);
        return v;
    }

    static void allocValue(Var v, int[] shape, boolean zero) {
        int n = Tensor.sizeOf(shape);
        if (v.valueStore == null || v.valueStore.length < n) {
            v.valueStore = new float[Math.max(n, 1)];
            v.valueView = null;
        } else if (zero) {
            Arrays.fill(v.valueStore, 0, n, 0f);
        }
        if (v.valueView == null || !v.valueView.hasShape(shape)) {
            v.valueView = Tensor.view(v.valueStore, 0, shape);
        }
        v.value = v.valueView;
    }

    static void allocValue2(Var v, int rows, int cols, boolean zero) {
        int n = Tensor.sizeOf(rows, cols);
        if (v.valueStore == null || v.valueStore.length < n) {
            v.valueStore = new float[Math.max(n, 1)];
            v.valueView = null;
        } else if (zero) {
            Arrays.fill(v.valueStore, 0, n, 0f);
        }
        if (v.valueView == null || !v.valueView.hasShape(rows, cols)) {
            v.valueView = Tensor.view(v.valueStore, 0, rows, cols);
        }
        v.value = v.valueView;
    }
}
