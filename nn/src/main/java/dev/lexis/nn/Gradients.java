package dev.lexis.nn;

import dev.lexis.nn.kernel.Kernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Where a {@link Tape}'s backward pass puts the gradients of the {@link Parameter}s it used.
 *
 * <p>Two kinds:
 * <ul>
 *   <li>{@link #direct()}: straight into each {@link Parameter#grad()}, recording touched rows of sparse-row
 *       parameters with {@link Parameter#touchRow(int)}. The default of {@code new Tape()}; for one thread.</li>
 *   <li>{@code new Gradients()}: private buffers, one per parameter, allocated on first use and kept (keyed by
 *       the parameter's identity), with this object's own touched-row tracking for sparse-row parameters. For
 *       data-parallel training: each worker thread owns one {@code Tape} on its own {@code Gradients}; after the
 *       workers' backward passes, the caller reduces them with {@link #addToParameters()} (one worker after
 *       the other, or {@link #addTo(Gradients)} in a tree), steps the optimizer, and calls {@link #zero()} on
 *       every worker's buffers.</li>
 * </ul>
 * Gradients always accumulate (+=) until zeroed, as in PyTorch. Not thread-safe: one thread writes a
 * {@code Gradients} at a time.
 */
public final class Gradients {
    private static final Kernels K = Kernels.get();

    private final boolean direct;
    private final IdentityHashMap<Parameter, Entry> byParameter = new IdentityHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    /** Private gradient buffers (see the class comment). */
    public Gradients() {
        this(false);
    }

    private Gradients(boolean direct) {
        this.direct = direct;
    }

    /** Gradients written straight into the parameters' own {@link Parameter#grad()}. */
    public static Gradients direct() {
        return new Gradients(true);
    }

    /** Whether this writes into {@link Parameter#grad()} directly. */
    public boolean isDirect() {
        return direct;
    }

    /** The gradient buffer of {@code parameter} (for a direct {@code Gradients}: its own grad tensor). */
    public Tensor of(Parameter parameter) {
        return entry(parameter).grad;
    }

    /** The parameters seen so far, in first-use order. */
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            list.add(e.parameter);
        }
        return list;
    }

    /** Records that {@code row} of a sparse-row parameter's gradient may be non-zero (no-op for dense ones). */
    public void touchRow(Parameter parameter, int row) {
        entry(parameter).touchRow(row);
    }

    /** Records that every row may be non-zero (a sparse-row parameter used by a dense op). */
    public void touchAllRows(Parameter parameter) {
        entry(parameter).touchAllRows();
    }

    /** Zeroes every buffer (only the touched rows of sparse-row parameters). */
    public void zero() {
        for (Entry e : entries) {
            e.zero();
        }
    }

    /**
     * Adds these private gradients into the parameters' own gradients ({@link Parameter#grad()}), touching the
     * same rows there. Does not zero this object.
     *
     * @throws IllegalStateException for a direct {@code Gradients} (they are already there)
     */
    public void addToParameters() {
        if (direct) {
            throw new IllegalStateException("direct gradients are already in the parameters");
        }
        for (Entry e : entries) {
            Parameter p = e.parameter;
            Tensor target = p.grad();
            if (!e.sparse) {
                K.axpy(1f, e.grad.data(), e.grad.offset(), target.data(), target.offset(), target.size());
                continue;
            }
            int rowSize = p.rowSize();
            for (int i = 0; i < e.count; i++) {
                int row = e.rows[i];
                p.touchRow(row);
                K.axpy(1f, e.grad.data(), e.grad.offset() + row * rowSize,
                        target.data(), target.offset() + row * rowSize, rowSize);
            }
        }
    }

    /** Adds these gradients into {@code target}'s buffers (for a tree reduction of workers' gradients). */
    public void addTo(Gradients target) {
        if (target == this) {
            throw new IllegalArgumentException("cannot add gradients to themselves");
        }
        for (Entry e : entries) {
            Entry t = target.entry(e.parameter);
            if (!e.sparse) {
                K.axpy(1f, e.grad.data(), e.grad.offset(), t.grad.data(), t.grad.offset(), e.grad.size());
                continue;
            }
            int rowSize = e.parameter.rowSize();
            int count = direct ? e.parameter.touchedRowCount() : e.count;
            for (int i = 0; i < count; i++) {
                int row = direct ? e.parameter.touchedRow(i) : e.rows[i];
                t.touchRow(row);
                K.axpy(1f, e.grad.data(), e.grad.offset() + row * rowSize,
                        t.grad.data(), t.grad.offset() + row * rowSize, rowSize);
            }
        }
    }

    /** Σ g² over all buffers (only touched rows of sparse-row parameters), in double. */
    public double sumOfSquares() {
        double s = 0;
        for (Entry e : entries) {
            if (!e.sparse) {
                s += K.sumOfSquares(e.grad.data(), e.grad.offset(), e.grad.size());
                continue;
            }
            int rowSize = e.parameter.rowSize();
            int count = direct ? e.parameter.touchedRowCount() : e.count;
            for (int i = 0; i < count; i++) {
                int row = direct ? e.parameter.touchedRow(i) : e.rows[i];
                s += K.sumOfSquares(e.grad.data(), e.grad.offset() + row * rowSize, rowSize);
            }
        }
        return s;
    }

    Entry entry(Parameter parameter) {
        Entry e = byParameter.get(parameter);
        if (e == null) {
            e = new Entry(parameter, direct);
            byParameter.put(parameter, e);
            entries.add(e);
        }
        return e;
    }

    /** One parameter's buffer and, for private sparse-row buffers, the rows touched in it. */
    static final class Entry {
        final Parameter parameter;
        final Tensor grad;
        final boolean sparse;
        private final boolean direct;
        private final boolean[] touched;
        private int[] rows;
        private int count;

        Entry(Parameter parameter, boolean direct) {
            this.parameter = parameter;
            this.direct = direct;
            this.sparse = parameter.isSparseRows();
            this.grad = direct ? parameter.grad() : Tensor.zeros(parameter.value().shape());
            this.touched = !direct && sparse ? new boolean[parameter.value().dim(0)] : null;
            this.rows = !direct && sparse ? new int[16] : null;
        }

        void touchRow(int row) {
            if (!sparse) {
                return;
            }
            if (direct) {
                parameter.touchRow(row);
                return;
            }
            if (touched[row]) {
                return;
            }
            touched[row] = true;
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count * 2);
            }
            rows[count++] = row;
        }

        void touchAllRows() {
            if (!sparse) {
                return;
            }
            for (int row = 0; row < parameter.value().dim(0); row++) {
                touchRow(row);
            }
        }

        void zero() {
            if (direct) {
                parameter.zeroGrad();
                return;
            }
            if (!sparse) {
                grad.fill(0f);
                return;
            }
            int rowSize = parameter.rowSize();
            float[] g = grad.data();
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                Arrays.fill(g, row * rowSize, (row + 1) * rowSize, 0f);
                touched[row] = false;
            }
            count = 0;
        }
    }
}
