package dev.lexis.nn;

import java.util.Arrays;

/**
 * A trainable tensor with its gradient, by name (names are the keys in model files).
 *
 * <p>A parameter may take <em>sparse row gradients</em> (an embedding matrix): ops that touch only some rows
 * record them with {@link #touchRow(int)}, and optimizers that honour it update only those rows, as
 * word2vec and PyTorch's {@code sparse=True} embeddings do. {@link #zeroGrad()} clears the gradient of the
 * touched rows only (or all of it for a dense parameter).
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;
    private final boolean sparseRows;
    private final int rowSize;
    private final boolean[] rowTouched;
    private int[] touchedRows = new int[16];
    private int touchedCount;
    private boolean trainable = true;

    private Parameter(String name, Tensor value, boolean sparseRows) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.shape());
        this.sparseRows = sparseRows;
        this.rowSize = value.rank() == 0 ? 1 : value.size() / Math.max(1, value.dim(0));
        this.rowTouched = sparseRows ? new boolean[value.dim(0)] : null;
    }

    /** A parameter with a dense gradient. */
    public static Parameter dense(String name, Tensor value) {
        return new Parameter(name, value, false);
    }

    /** A rank-2 parameter (rows × cols) whose gradient is kept only for the rows an op touched. */
    public static Parameter sparseRows(String name, Tensor value) {
        if (value.rank() != 2) {
            throw new IllegalArgumentException(name + ": sparse-row parameters must be rank 2, got rank " + value.rank());
        }
        return new Parameter(name, value, true);
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Tensor grad() {
        return grad;
    }

    public boolean isSparseRows() {
        return sparseRows;
    }

    /** Values per row (the size of one row of the first dimension). */
    public int rowSize() {
        return rowSize;
    }

    /** Frozen parameters (e.g. a static embedding channel) are skipped by optimizers. */
    public boolean isTrainable() {
        return trainable;
    }

    public Parameter setTrainable(boolean trainable) {
        this.trainable = trainable;
        return this;
    }

    /** Records that {@code row}'s gradient may be non-zero (sparse-row parameters only; a no-op otherwise). */
    public void touchRow(int row) {
        if (!sparseRows || rowTouched[row]) {
            return;
        }
        rowTouched[row] = true;
        if (touchedCount == touchedRows.length) {
            touchedRows = Arrays.copyOf(touchedRows, touchedCount * 2);
        }
        touchedRows[touchedCount++] = row;
    }

    /** Records that every row's gradient may be non-zero (a sparse-row parameter used by a dense op). */
    public void touchAllRows() {
        if (!sparseRows) {
            return;
        }
        for (int row = 0; row < rowTouched.length; row++) {
            touchRow(row);
        }
    }

    /** Whether {@code row} was touched since the last {@link #zeroGrad()} (always true for a dense parameter). */
    public boolean isRowTouched(int row) {
        return !sparseRows || rowTouched[row];
    }

    /** The rows touched since the last {@link #zeroGrad()}, in first-touch order (sparse-row parameters). */
    public int[] touchedRows() {
        return Arrays.copyOf(touchedRows, touchedCount);
    }

    public int touchedRowCount() {
        return touchedCount;
    }

    /** The i-th touched row (0 ≤ i &lt; {@link #touchedRowCount()}), without allocating. */
    public int touchedRow(int i) {
        return touchedRows[i];
    }

    /** Sets the gradient to zero (only the touched rows of a sparse-row parameter). */
    public void zeroGrad() {
        if (!sparseRows) {
            grad.fill(0f);
            return;
        }
        float[] g = grad.data();
        int base = grad.offset();
        for (int i = 0; i < touchedCount; i++) {
            int row = touchedRows[i];
            Arrays.fill(g, base + row * rowSize, base + (row + 1) * rowSize, 0f);
            rowTouched[row] = false;
        }
        touchedCount = 0;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(value.shape()) + (sparseRows ? " (sparse rows)" : "");
    }
}
