package dev.lexis.bench.nn;

import dev.lexis.nn.kernel.Kernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * C (m × n) = A (m × k) · B (k × n) with the kernels Lexis chose at start-up, at the shapes of its models:
 * 50×300·300×300 (a TextCNN/NNLM batch through a 300-wide layer), 32×200·200×800 (a tagger's LSTM gates),
 * 64×100·100×10000 (an NNLM's softmax over 10k words). GFLOP/s = 2·m·n·k / time; {@code bench/nn/run.sh}
 * prints them next to PyTorch's. Six warm-up seconds: on a busy machine the JIT needs a few seconds before the
 * Vector API micro-kernels leave their slow Java fallback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 7, time = 1)
public class GemmBench {
    /** m x k x n. */
    @Param({"50x300x300", "32x200x800", "64x100x10000"})
    public String shape;

    private final Kernels kernels = Kernels.get();
    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        var random = new SplittableRandom(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
    }

    @Benchmark
    public float[] gemm() {
        kernels.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        return c;
    }
}
