package dev.lexis.nn.optim;

import dev.lexis.nn.Parameter;
import java.util.List;

/**
 * Gradient clipping over the trainable parameters: by global L2 norm (Pascanu et al. 2013) and by value.
 * Sparse-row parameters contribute (and are clipped in) only their touched rows — the others hold zeros.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** √(Σ g²) over the gradients of the trainable parameters (touched rows only for sparse-row ones), in double. */
    public static double globalNorm(List<Parameter> parameters) {
        double sum = 0;
        for (Parameter p : parameters) {
            if (!p.isTrainable()) {
                continue;
            }
            float[] g = p.grad().data();
            int base = p.grad().offset();
            if (p.isSparseRows()) {
                int rowSize = p.rowSize();
                for (int i = 0; i < p.touchedRowCount(); i++) {
                    sum += sumOfSquares(g, base + p.touchedRow(i) * rowSize, rowSize);
                }
            } else {
                sum += sumOfSquares(g, base, p.grad().size());
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales all gradients by {@code maxNorm / (norm + 1e-6)} when their global norm exceeds {@code maxNorm}
     * (as PyTorch's {@code clip_grad_norm_}).
     *
     * @return the global norm before clipping (NaN or infinite if a gradient is; then nothing is scaled)
     * @throws IllegalArgumentException unless maxNorm &gt; 0
     */
    public static double clipByGlobalNorm(List<Parameter> parameters, float maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
        }
        double norm = globalNorm(parameters);
        if (!(norm > maxNorm) || !Double.isFinite(norm)) {
            return norm;
        }
        float scale = (float) (maxNorm / (norm + 1e-6));
        for (Parameter p : parameters) {
            if (!p.isTrainable()) {
                continue;
            }
            float[] g = p.grad().data();
            int base = p.grad().offset();
            if (p.isSparseRows()) {
                int rowSize = p.rowSize();
                for (int i = 0; i < p.touchedRowCount(); i++) {
                    scale(g, base + p.touchedRow(i) * rowSize, rowSize, scale);
                }
            } else {
                scale(g, base, p.grad().size(), scale);
            }
        }
        return norm;
    }

    /**
     * Clamps every gradient value into [−limit, limit].
     *
     * @throws IllegalArgumentException unless limit &gt; 0
     */
    public static void clipByValue(List<Parameter> parameters, float limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("limit must be > 0, got " + limit);
        }
        for (Parameter p : parameters) {
            if (!p.isTrainable()) {
                continue;
            }
            float[] g = p.grad().data();
            int base = p.grad().offset();
            if (p.isSparseRows()) {
                int rowSize = p.rowSize();
                for (int i = 0; i < p.touchedRowCount(); i++) {
                    clamp(g, base + p.touchedRow(i) * rowSize, rowSize, limit);
                }
            } else {
                clamp(g, base, p.grad().size(), limit);
            }
        }
    }

    static double sumOfSquares(float[] x, int offset, int n) {
        // four accumulators: Java adds in source order, so one sum would not vectorize
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float a = x[offset + i];
            float b = x[offset + i + 1];
            float c = x[offset + i + 2];
            float d = x[offset + i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (; i < n; i++) {
            float a = x[offset + i];
            s0 += a * a;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void scale(float[] x, int offset, int n, float factor) {
        for (int i = offset; i < offset + n; i++) {
            x[i] *= factor;
        }
    }

    private static void clamp(float[] x, int offset, int n, float limit) {
        for (int i = offset; i < offset + n; i++) {
            x[i] = Math.max(-limit, Math.min(limit, x[i]));
        }
    }
}
