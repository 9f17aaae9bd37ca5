package dev.lexis.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both kernel implementations against naive double-precision references, at sizes that run every tail. */
class KernelsTest {
    private static final int[] SIZES = {1, 3, 7, 8, 15, 16, 17, 1023};

    static List<Kernels> implementations() {
        List<Kernels> list = new ArrayList<>();
        list.add(Kernels.scalar());
        if (Kernels.vectorAvailable()) {
            list.add(Kernels.vector());
        }
        return list;
    }

    static Stream<Kernels> kernels() {
        return implementations().stream();
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static void close(double expected, double actual, double scale, String what) {
        double tol = 1e-5 * Math.max(1, scale);
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void theVectorImplementationIsLoadedWhenTheModuleIsPresent() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector
        assertTrue(Kernels.vectorAvailable(), "jdk.incubator.vector is on the test JVM, so vector kernels load");
        assertTrue(Kernels.vector().name().startsWith("vector"), Kernels.vector().name());
        assertEquals("scalar", Kernels.scalar().name());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void reductionsAndElementWiseMatchTheReference(Kernels k) {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : SIZES) {
            int off = 3;
            float[] x = random(r, n + off + 2);
            float[] y = random(r, n + off + 2);
            double dot = 0, sum = 0, sq = 0, max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                dot += (double) x[off + i] * y[off + i];
                sum += x[off + i];
                sq += (double) x[off + i] * x[off + i];
                max = Math.max(max, x[off + i]);
            }
            String at = k.name() + " n=" + n;
            close(dot, k.dot(x, off, y, off, n), n, at + " dot");
            close(sum, k.sum(x, off, n), n, at + " sum");
            close(sq, k.sumOfSquares(x, off, n), n, at + " sumOfSquares");
            assertEquals((float) max, k.max(x, off, n), at + " max");

            float[] z = y.clone();
            k.axpy(0.5f, x, off, z, 1, n);
            for (int i = 0; i < n; i++) {
                close(y[1 + i] + 0.5 * x[off + i], z[1 + i], 1, at + " axpy[" + i + "]");
            }
            assertEquals(y[0], z[0], at + " axpy must not write before the range");
            assertEquals(y[n + 1], z[n + 1], at + " axpy must not write after the range");

            z = x.clone();
            k.scale(-2f, z, off, n);
            for (int i = 0; i < n; i++) {
                close(-2.0 * x[off + i], z[off + i], 1, at + " scale");
            }
            float[] out = new float[n + 1];
            k.add(x, off, y, 0, out, 1, n);
            for (int i = 0; i < n; i++) {
                close((double) x[off + i] + y[i], out[1 + i], 1, at + " add");
            }
            k.mul(x, off, y, 0, out, 1, n);
            for (int i = 0; i < n; i++) {
                close((double) x[off + i] * y[i], out[1 + i], 1, at + " mul");
            }
            float[] acc = y.clone();
            k.mulAdd(x, off, x, off, acc, 0, n);
            for (int i = 0; i < n; i++) {
                close(y[i] + (double) x[off + i] * x[off + i], acc[i], 1, at + " mulAdd");
            }
        }
        assertEquals(Float.NEGATIVE_INFINITY, k.max(new float[0], 0, 0));
    }

    @Test
    void vectorKernelsGiveTheSameBitsInterpretedAndCompiled() throws Exception {
        // training runs must be reproducible: results may not depend on whether the JIT has compiled the Vector
        // API calls yet (their Java fallback and the compiled code may add lanes in different orders)
        org.junit.jupiter.api.Assumptions.assumeTrue(Kernels.vectorAvailable(), "no jdk.incubator.vector");
        long compiled = 0;
        for (int i = 0; i < 1500; i++) {
            compiled = KernelFingerprint.of(Kernels.vector());
        }
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xint", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), KernelFingerprint.class.getName())
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        p.getErrorStream().readAllBytes();
        assertEquals(0, p.waitFor(), "fingerprint process failed");
        assertEquals(Long.toString(compiled), out);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void transcendentalLoopsMatchTheReference(Kernels k) {
        SplittableRandom r = new SplittableRandom(13);
        for (int n : SIZES) {
            float[] x = new float[n + 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) ((r.nextDouble() * 2 - 1) * 12);
            }
            x[1] = -100f; // e^100 overflows float: sigmoid must still be 0, tanh −1
            float[] y = new float[n + 1];
            String at = k.name() + " n=" + n;
            k.sigmoid(x, 1, y, 1, n);
            for (int i = 0; i < n; i++) {
                close(1.0 / (1.0 + Math.exp(-x[1 + i])), y[1 + i], 1, at + " sigmoid(" + x[1 + i] + ")");
            }
            k.tanh(x, 1, y, 1, n);
            for (int i = 0; i < n; i++) {
                close(Math.tanh(x[1 + i]), y[1 + i], 1, at + " tanh(" + x[1 + i] + ")");
            }
            float shift = k.max(x, 1, n);
            float s = k.expShifted(x, 1, shift, y, 1, n);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double e = Math.exp((double) x[1 + i] - shift);
                sum += e;
                close(e, y[1 + i], 1, at + " exp");
            }
            close(sum, s, n, at + " expShifted sum");
        }
    }

    static Stream<Arguments> gemmCases() {
        int[][] shapes = {
            {1, 1, 1}, {3, 7, 8}, {7, 15, 16}, {8, 16, 17}, {15, 17, 1}, {16, 1, 3}, {17, 33, 7},
            {9, 31, 130}, {1, 1023, 5}, {5, 3, 1023}, {50, 300, 37}, {13, 67, 300}, {64, 100, 257},
            // above the vector kernels' small-product cut-off, with every row and column tail
            {17, 33, 31}, {15, 47, 9}, {7, 17, 65}, {3, 8, 300}, {23, 1, 333}, {1, 17, 1023}, {9, 15, 129},
            {16, 16, 16}, {8, 32, 16}, {12, 48, 16},
            // wide B (packed in blocks of columns) with a partial block and a tail
            {9, 4400, 20},
            // tall A (packed in blocks of rows), deep k (several k blocks of unequal depth)
            {300, 45, 20}, {131, 17, 9}, {20, 40, 701}, {37, 50, 321},
        };
        List<Arguments> list = new ArrayList<>();
        for (Kernels k : implementations()) {
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    list.add(Arguments.of(k, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} transA={4} transB={5}")
    @MethodSource("gemmCases")
    void gemmMatchesTheReference(Kernels kern, int m, int n, int k, boolean transA, boolean transB) {
        SplittableRandom r = new SplittableRandom(m * 31L + n * 7L + k);
        int lda = (transA ? m : k) + 2;
        int ldb = (transB ? k : n) + 1;
        int ldc = n + 3;
        int aOff = 5;
        int bOff = 2;
        int cOff = 4;
        float[] a = random(r, aOff + (transA ? k : m) * lda);
        float[] b = random(r, bOff + (transB ? n : k) * ldb);
        float[] c = random(r, cOff + m * ldc + 1);
        float[] before = c.clone();
        float alpha = 0.75f;
        float beta = -0.5f;
        kern.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                double expected = alpha * s + beta * before[cOff + i * ldc + j];
                close(expected, c[cOff + i * ldc + j], k, kern.name() + " C[" + i + "," + j + "]");
            }
            for (int j = n; j < ldc && cOff + i * ldc + j < c.length; j++) {
                assertEquals(before[cOff + i * ldc + j], c[cOff + i * ldc + j], "padding of C row " + i + " changed");
            }
        }
        for (int i = 0; i < cOff; i++) {
            assertEquals(before[i], c[i], "C before its offset changed");
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void betaZeroOverwritesNaNAndLargeProductsSplitOverThreads(Kernels k) {
        int m = 70;
        int n = 333;
        int kk = 129; // above the parallel threshold, odd in every dimension
        SplittableRandom r = new SplittableRandom(3);
        float[] a = random(r, m * kk);
        float[] b = random(r, kk * n);
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, Float.NaN);
        k.gemm(false, false, m, n, kk, 1f, a, 0, kk, b, 0, n, 0f, c, 0, n);
        for (int i = 0; i < m; i += 7) {
            for (int j = 0; j < n; j += 11) {
                double s = 0;
                for (int p = 0; p < kk; p++) {
                    s += (double) a[i * kk + p] * b[p * n + j];
                }
                close(s, c[i * n + j], kk, k.name() + " C[" + i + "," + j + "]");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void overlappingRowsOfAReadAnIm2colMatrixInPlace(Kernels k) {
        // a 1-D signal of 10 values; rows of width 3 start every value: row t = x[t .. t+3)
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        float[] w = {1, 0, -1}; // (3 x 1)
        float[] y = new float[8];
        k.gemm(false, false, 8, 1, 3, 1f, x, 0, 1, w, 0, 1, 0f, y, 0, 1);
        for (int t = 0; t < 8; t++) {
            assertEquals(-2f, y[t], 1e-6f);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gemmRejectsOperandsThatDoNotFit(Kernels k) {
        float[] small = new float[5];
        var e = assertThrows(IllegalArgumentException.class,
                () -> k.gemm(false, false, 2, 3, 4, 1f, small, 0, 4, new float[12], 0, 3, 0f, new float[6], 0, 3));
        assertTrue(e.getMessage().contains("A (2 x 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> k.gemm(false, false, 2, 3, 4, 1f, new float[8], 0, 4, new float[12], 0, 3, 0f, new float[6], 0, 2));
        assertTrue(e.getMessage().contains("ldc=2 < n=3"), e.getMessage());
    }

    /** C = op(A) · op(B) for random operands stored without padding; returns C. */
    private static float[] product(Kernels kern, boolean transA, boolean transB, int m, int n, int k, float[] a,
                                   float[] b) {
        float[] c = new float[m * n];
        kern.gemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
        return c;
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void everyElementIsTheSameSumHoweverTheProductIsSplit(Kernels kern) {
        // a multi-threaded GEMM splits C into blocks of rows or columns whose bounds depend on the thread count;
        // training runs repeat bit for bit only if an element's sum does not depend on the block it falls in
        int m = 70;
        int n = 333;
        int k = 129;
        SplittableRandom r = new SplittableRandom(5);
        float[] a = random(r, m * k);
        float[] b = random(r, k * n);
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0;
            boolean transB = (t & 2) != 0;
            float[] whole = product(kern, transA, transB, m, n, k, a, b);
            int lda = transA ? m : k;
            int ldb = transB ? k : n;
            float[] parts = new float[m * n];
            // blocks of at least 16 rows and 16 columns, so that A · Bᵀ takes the same path (packed) in each
            int[] rowCuts = {0, 19, 37, 70};
            int[] colCuts = {0, 45, 161, 333};
            for (int ri = 0; ri + 1 < rowCuts.length; ri++) {
                for (int ci = 0; ci + 1 < colCuts.length; ci++) {
                    int i0 = rowCuts[ri];
                    int j0 = colCuts[ci];
                    int rows = rowCuts[ri + 1] - i0;
                    int cols = colCuts[ci + 1] - j0;
                    kern.gemm(transA, transB, rows, cols, k, 1f, a, transA ? i0 : i0 * lda, lda,
                            b, transB ? j0 * ldb : j0, ldb, 0f, parts, i0 * n + j0, n);
                }
            }
            for (int i = 0; i < m * n; i++) {
                assertEquals(Float.floatToIntBits(whole[i]), Float.floatToIntBits(parts[i]),
                        kern.name() + " transA=" + transA + " transB=" + transB + " C[" + i / n + "," + i % n
                                + "]: " + whole[i] + " vs " + parts[i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void concurrentCallersOfLargeProductsGetTheirOwnResults(Kernels kern) throws Exception {
        // data-parallel workers call multi-threaded GEMMs at the same time: each must get exactly the bits of a
        // product computed alone
        int callers = 4;
        int m = 64;
        int n = 300;
        int k = 100;
        float[][] as = new float[callers][];
        float[][] bs = new float[callers][];
        float[][] expected = new float[callers][];
        for (int w = 0; w < callers; w++) {
            SplittableRandom r = new SplittableRandom(100 + w);
            as[w] = random(r, m * k);
            bs[w] = random(r, k * n);
            expected[w] = product(kern, false, false, m, n, k, as[w], bs[w]);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int w = 0; w < callers; w++) {
                int id = w;
                results.add(pool.submit(() -> {
                    for (int rep = 0; rep < 50; rep++) {
                        float[] c = product(kern, false, false, m, n, k, as[id], bs[id]);
                        if (!java.util.Arrays.equals(c, expected[id])) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (int w = 0; w < callers; w++) {
                assertTrue(results.get(w).get(), kern.name() + ": caller " + w + " got a different product");
            }
        } finally {
            pool.shutdown();
        }
    }
}
