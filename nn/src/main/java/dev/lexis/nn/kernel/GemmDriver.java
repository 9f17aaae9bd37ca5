package dev.lexis.nn.kernel;

/**
 * Shared part of both kernel implementations: argument checks for GEMM and its split over threads (into one
 * block of rows or columns per thread, run by {@link GemmThreads}).
 * Subclasses compute one block of C (a range of rows and a range of columns), including its beta scaling.
 */
abstract class GemmDriver implements Kernels {
    /** Threads a large GEMM may use (system property {@code lexis.nn.threads}, default: available processors). */
    static final int THREADS = Math.max(1,
            Integer.getInteger("lexis.nn.threads", Runtime.getRuntime().availableProcessors()));
    /**
     * Multiply-adds (m · n · k) from which a GEMM is split over threads (system property
     * {@code lexis.nn.gemmParallelWork}); below it, waking a second thread costs more than it saves.
     */
    static final long PARALLEL_WORK = Long.getLong("lexis.nn.gemmParallelWork", 1L << 19);

    /** Column split granularity (a panel width the micro-kernels run at full speed). */
    abstract int columnAlign();

    /** Row split granularity (the tallest micro-kernel tile). */
    abstract int rowAlign();

    /**
     * C[i0..i1, j0..j1] = alpha · op(A)[i0..i1, :] · op(B)[:, j0..j1] + beta · C[i0..i1, j0..j1]; {@code dot}
     * is {@link #dotProducts} of the whole product, so that every block of it takes the same path.
     */
    abstract void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                        float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float beta, float[] c, int cOff, int ldc, boolean dot);

    /** Whether the whole product (m × n, depth k) is computed as dot products of rows (only A · Bᵀ may be). */
    boolean dotProducts(boolean transA, boolean transB, int m, int n, int k) {
        return false;
    }

    @Override
    public final void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                           float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float beta, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative dimension m=" + m + ", n=" + n + ", k=" + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (ldc < n) {
            throw new IllegalArgumentException("gemm: ldc=" + ldc + " < n=" + n);
        }
        checkFits("C", c, cOff, m, n, ldc);
        if (k > 0) {
            checkFits("A", a, aOff, transA ? k : m, transA ? m : k, lda);
            checkFits("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        }
        if (k == 0 || alpha == 0f) {
            scaleBlock(beta, c, cOff, ldc, 0, m, 0, n);
            return;
        }
        boolean dot = dotProducts(transA, transB, m, n, k);
        long work = (long) m * n * k;
        int parts = THREADS;
        if (parts == 1 || work < PARALLEL_WORK) {
            block(transA, transB, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, dot);
            return;
        }
        boolean byColumns = n >= 2 * parts * columnAlign() || n >= m;
        int extent = byColumns ? n : m;
        int align = byColumns ? columnAlign() : rowAlign();
        int chunk = ceilDiv(ceilDiv(extent, parts), align) * align;
        parts = Math.min(parts, ceilDiv(extent, chunk));
        GemmThreads.run(parts, part -> {
            int from = part * chunk;
            int to = Math.min(extent, from + chunk);
            if (byColumns) {
                block(transA, transB, 0, m, from, to, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, dot);
            } else {
                block(transA, transB, from, to, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, dot);
            }
        });
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static void checkFits(String what, float[] x, int off, int rows, int cols, int ld) {
        if (rows == 0 || cols == 0) {
            return;
        }
        if (ld < 1 || off < 0 || (long) off + (long) (rows - 1) * ld + cols > x.length) {
            throw new IllegalArgumentException("gemm: " + what + " (" + rows + " x " + cols + ", ld=" + ld
                    + ", offset " + off + ") does not fit in an array of " + x.length + " values");
        }
    }

    /** C[i0..i1, j0..j1] *= beta (set to 0 when beta is 0). */
    static void scaleBlock(float beta, float[] c, int cOff, int ldc, int i0, int i1, int j0, int j1) {
        if (beta == 1f) {
            return;
        }
        for (int i = i0; i < i1; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row + j0, row + j1, 0f);
            } else {
                for (int j = row + j0; j < row + j1; j++) {
                    c[j] *= beta;
                }
            }
        }
    }
}
