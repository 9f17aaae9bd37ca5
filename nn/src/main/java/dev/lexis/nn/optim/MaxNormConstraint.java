package dev.lexis.nn.optim;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import java.util.List;

/**
 * The max-norm weight constraint of Kim (2014) (after Srivastava et al. 2014): after each update, every weight
 * vector whose L2 norm exceeds {@code limit} is rescaled to norm {@code limit}. Kim uses limit 3 on the
 * softmax layer's weight vectors — one vector per class.
 *
 * <p>Which vectors: {@link Axis#ROWS} constrains each row of a rank-2 parameter (one vector per row, e.g.
 * weights laid out (classes, features)); {@link Axis#COLUMNS} each column (weights laid out (features,
 * classes), as a Dense layer computing {@code x · W} stores them). For a sparse-row parameter with ROWS, only
 * the touched rows are checked (the others did not change).
 *
 * @param limit      the largest allowed L2 norm, &gt; 0
 * @param axis       which vectors are constrained
 * @param parameters rank-2 parameters the constraint applies to
 */
public record MaxNormConstraint(float limit, Axis axis, List<Parameter> parameters) {
    /** Which vectors of a rank-2 weight are constrained. */
    public enum Axis { ROWS, COLUMNS }

    public MaxNormConstraint {
        if (!(limit > 0) || !Float.isFinite(limit)) {
            throw new IllegalArgumentException("limit must be finite and > 0, got " + limit);
        }
        if (axis == null) {
            throw new IllegalArgumentException("axis must not be null");
        }
        parameters = List.copyOf(parameters);
        for (Parameter p : parameters) {
            if (p.value().rank() != 2) {
                throw new IllegalArgumentException("max-norm needs rank-2 parameters; " + p + " has rank " + p.value().rank());
            }
        }
    }

    /** Rescales every over-long vector of every parameter to norm {@link #limit()}. */
    public void apply() {
        for (Parameter p : parameters) {
            Tensor w = p.value();
            int rows = w.dim(0);
            int cols = w.dim(1);
            float[] d = w.data();
            int base = w.offset();
            if (axis == Axis.ROWS) {
                if (p.isSparseRows()) {
                    for (int i = 0; i < p.touchedRowCount(); i++) {
                        constrainRow(d, base + p.touchedRow(i) * cols, cols);
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        constrainRow(d, base + r * cols, cols);
                    }
                }
            } else {
                constrainColumns(d, base, rows, cols);
            }
        }
    }

    private void constrainRow(float[] d, int offset, int n) {
        double norm = Math.sqrt(GradientClipping.sumOfSquares(d, offset, n));
        if (norm > limit) {
            float scale = (float) (limit / norm);
            for (int i = offset; i < offset + n; i++) {
                d[i] *= scale;
            }
        }
    }

    private void constrainColumns(float[] d, int base, int rows, int cols) {
        double[] sums = new double[cols];
        for (int r = 0; r < rows; r++) {
            int row = base + r * cols;
            for (int c = 0; c < cols; c++) {
                float v = d[row + c];
                sums[c] += v * v;
            }
        }
        float[] scales = new float[cols];
        boolean any = false;
        for (int c = 0; c < cols; c++) {
            double norm = Math.sqrt(sums[c]);
            scales[c] = norm > limit ? (float) (limit / norm) : 1f;
            any |= norm > limit;
        }
        if (!any) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            int row = base + r * cols;
            for (int c = 0; c < cols; c++) {
                d[row + c] *= scales[c];
            }
        }
    }
}
