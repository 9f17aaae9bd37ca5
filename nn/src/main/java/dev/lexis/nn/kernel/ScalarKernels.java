package dev.lexis.nn.kernel;

/**
 * Plain Java kernels: reductions with four accumulators (Java must add floats in source order, so the JIT
 * cannot split one sum into lanes), element-wise loops left plain so that the JIT vectorizes them, and GEMM
 * as row axpys (i-k-j order) or row dot products, split over threads above a size.
 */
final class ScalarKernels extends GemmDriver {
    private static final ThreadLocal<float[]> COLUMN = ThreadLocal.withInitial(() -> new float[256]);

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    @Override
    public void scale(float a, float[] x, int off, int n) {
        for (int i = 0; i < n; i++) {
            x[off + i] *= a;
        }
    }

    @Override
    public float sum(float[] x, int off, int n) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += x[off + i];
            s1 += x[off + i + 1];
            s2 += x[off + i + 2];
            s3 += x[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float sumOfSquares(float[] x, int off, int n) {
        return dot(x, off, x, off, n);
    }

    @Override
    public float max(float[] x, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
        for (int i = 0; i < n; i++) {
            z[zOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    @Override
    public void mul(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
        for (int i = 0; i < n; i++) {
            z[zOff + i] = x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public void mulAdd(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
        for (int i = 0; i < n; i++) {
            z[zOff + i] += x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) (1.0 / (1.0 + Math.exp(-x[xOff + i])));
        }
    }

    @Override
    public void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) Math.tanh(x[xOff + i]);
        }
    }

    @Override
    public float expShifted(float[] x, int xOff, float shift, float[] y, int yOff, int n) {
        float s0 = 0f, s1 = 0f;
        int i = 0;
        for (; i + 2 <= n; i += 2) {
            float e0 = (float) Math.exp(x[xOff + i] - shift);
            float e1 = (float) Math.exp(x[xOff + i + 1] - shift);
            y[yOff + i] = e0;
            y[yOff + i + 1] = e1;
            s0 += e0;
            s1 += e1;
        }
        for (; i < n; i++) {
            float e = (float) Math.exp(x[xOff + i] - shift);
            y[yOff + i] = e;
            s0 += e;
        }
        return s0 + s1;
    }

    @Override
    int columnAlign() {
        return 16;
    }

    @Override
    int rowAlign() {
        return 1;
    }

    @Override
    void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc, boolean dot) {
        scaleBlock(beta, c, cOff, ldc, i0, i1, j0, j1);
        int w = j1 - j0;
        if (!transB) {
            // C row i += alpha · A[i, p] · B row p (i-k-j order: both inner streams contiguous)
            int ars = transA ? 1 : lda;
            int acs = transA ? lda : 1;
            for (int i = i0; i < i1; i++) {
                int cRow = cOff + i * ldc + j0;
                int aBase = aOff + i * ars;
                for (int p = 0; p < k; p++) {
                    float av = alpha * a[aBase + p * acs];
                    if (av != 0f) {
                        axpy(av, b, bOff + p * ldb + j0, c, cRow, w);
                    }
                }
            }
            return;
        }
        // B stored (n x k): C[i, j] += alpha · dot(A row i, B row j)
        float[] column = null;
        if (transA) {
            column = COLUMN.get();
            if (column.length < k) {
                column = new float[k];
                COLUMN.set(column);
            }
        }
        for (int i = i0; i < i1; i++) {
            float[] ax = a;
            int aRow = aOff + i * lda;
            if (transA) {
                for (int p = 0; p < k; p++) {
                    column[p] = a[aOff + p * lda + i];
                }
                ax = column;
                aRow = 0;
            }
            int cRow = cOff + i * ldc;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] += alpha * dot(ax, aRow, b, bOff + j * ldb, k);
            }
        }
    }
}
