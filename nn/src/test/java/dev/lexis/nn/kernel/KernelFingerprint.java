package dev.lexis.nn.kernel;

/**
 * A hash of the exact bits the Vector API kernels produce on fixed inputs; {@link #main} prints it, so a
 * test can compare a JVM that interprets the Vector API calls (their Java fallback) with a compiled one.
 */
final class KernelFingerprint {
    private KernelFingerprint() {
    }

    static long of(Kernels k) {
        int n = 703;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(i * 1.3) * 20;
            y[i] = (float) Math.cos(i * 0.7);
        }
        float[] out = new float[3 * n];
        long h = Float.floatToIntBits(k.dot(x, 0, y, 0, n));
        h = h * 31 + Float.floatToIntBits(k.sum(x, 0, n));
        h = h * 31 + Float.floatToIntBits(k.sumOfSquares(y, 0, n));
        h = h * 31 + Float.floatToIntBits(k.expShifted(x, 0, 20f, out, 0, n));
        k.sigmoid(x, 0, out, n, n);
        k.tanh(x, 0, out, 2 * n, n);
        for (float v : out) {
            h = h * 31 + Float.floatToIntBits(v);
        }
        float[] c = new float[17 * 19];
        k.gemm(false, true, 17, 19, 37, 1f, x, 0, 37, y, 0, 37, 0f, c, 0, 19);   // A · Bᵀ, packed tiles
        for (float v : c) {
            h = h * 31 + Float.floatToIntBits(v);
        }
        k.gemm(false, true, 9, 19, 37, 1f, x, 0, 37, y, 0, 37, 0f, c, 0, 19);    // A · Bᵀ, dot-product tiles
        for (float v : c) {
            h = h * 31 + Float.floatToIntBits(v);
        }
        k.gemm(false, false, 9, 19, 10, 1f, x, 0, 10, y, 0, 19, 0f, c, 0, 19);   // small: scalar
        for (float v : c) {
            h = h * 31 + Float.floatToIntBits(v);
        }
        // broadcast tiles, A · B, Aᵀ · B and Aᵀ · Bᵀ: A read in place (2 panels of B), then packed (7 panels)
        int[][] shapes = {{11, 35, 19}, {9, 100, 7}};
        for (int[] s : shapes) {
            int m = s[0];
            int cols = s[1];
            int kk = s[2];
            float[] c2 = new float[m * cols];
            for (int t = 0; t < 3; t++) {
                boolean transA = t > 0;
                boolean transB = t > 1;
                k.gemm(transA, transB, m, cols, kk, 0.5f, x, 0, transA ? m : kk, y, 0, transB ? kk : cols, 0f,
                        c2, 0, cols);
                for (float v : c2) {
                    h = h * 31 + Float.floatToIntBits(v);
                }
            }
        }
        return h;
    }

    public static void main(String[] args) {
        System.out.println(of(Kernels.vector()));
    }
}
