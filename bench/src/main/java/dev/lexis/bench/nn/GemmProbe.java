package dev.lexis.bench.nn;

import dev.lexis.nn.kernel.Kernels;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A quick GEMM timing loop for kernel work (not the reported figure; that is {@link GemmBench} under JMH):
 * {@code GemmProbe [ROUNDS] [SHAPES]} prints, per shape m×k×n, the median and best GFLOP/s of ROUNDS rounds of
 * about 0.3 s each, for C = op(A) · op(B) with the kernels chosen at start-up; {@code -Dtrans=NT} (or TN, TT)
 * transposes B (A, both), stored so that op(A) is m×k and op(B) k×n.
 */
public final class GemmProbe {
    private GemmProbe() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        String shapes = args.length > 1 ? args[1] : "50x300x300,32x200x800,64x100x10000";
        Kernels kernels = Kernels.get();
        String trans = System.getProperty("trans", "NN");
        boolean ta = trans.charAt(0) == 'T';
        boolean tb = trans.charAt(1) == 'T';
        long warmupNanos = Long.getLong("warmupMillis", 4000) * 1_000_000L;
        for (String shape : shapes.split(",")) {
            String[] parts = shape.split("x");
            int m = Integer.parseInt(parts[0]);
            int k = Integer.parseInt(parts[1]);
            int n = Integer.parseInt(parts[2]);
            var random = new SplittableRandom(1);
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            float[] c = new float[m * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) random.nextGaussian();
            }
            double flops = 2.0 * m * n * k;
            int calls = 1;
            long t0 = System.nanoTime();
            long warm = warmupNanos * (shape.equals(shapes.split(",")[0]) ? 2 : 1);   // the JIT compiles first
            while (System.nanoTime() - t0 < warm) { // warm-up and calibration
                long s = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    kernels.gemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
                }
                if (System.nanoTime() - s < 100_000_000L) {
                    calls *= 2;
                }
            }
            double[] gf = new double[rounds];
            double[] cpu = new double[rounds];
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                long s = System.nanoTime();
                long cs = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    kernels.gemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
                }
                cpu[r] = flops * calls / (mx.getCurrentThreadCpuTime() - cs);
                gf[r] = flops * calls / (System.nanoTime() - s);
            }
            Arrays.sort(gf);
            Arrays.sort(cpu);
            System.out.printf("probe %s %s %s: median %.1f best %.1f GFLOP/s; caller CPU: median %.1f GFLOP/cpu-s"
                    + " (%d calls/round)%n", kernels.name(), trans, shape, gf[rounds / 2], gf[rounds - 1], cpu[rounds / 2],
                    calls);
        }
    }
}
