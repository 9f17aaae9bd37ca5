package dev.lexis.nn.kernel;

/**
 * The hot loops of Lexis in one place: dot products, axpy, scaling, reductions, element-wise loops and GEMM,
 * all on flat {@code float[]} arrays with explicit offsets (and leading dimensions for matrices).
 *
 * <p>Two implementations are held to the same tests: a plain scalar one (reductions with four accumulators,
 * element-wise loops left plain so that the JIT vectorizes them) and one on the JDK Vector API
 * ({@code jdk.incubator.vector}, {@code FloatVector.SPECIES_PREFERRED}, fused multiply-add). {@link #get()}
 * returns the one chosen once at start-up: the Vector API one when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else the scalar one; the choice is logged once (System.Logger
 * {@code dev.lexis.nn.kernel}, level INFO). The system property {@code lexis.nn.kernels=scalar} forces the scalar
 * implementation. {@code lexis.nn.threads=N} sets how many threads a large GEMM may use (default: the number of
 * available processors): the calling thread and N − 1 helper threads ({@code lexis-gemm-*}, daemons that poll
 * briefly between products, then park) claim its parts from a shared counter; when the helpers are busy with
 * another caller's product the caller computes all parts itself, so concurrent callers (data-parallel workers)
 * never wait on each other. Every element of C is the same sum in the same order however the product is split
 * over threads and blocks, so the thread count does not change the result. Results do not depend on whether the
 * JIT has compiled the Vector API calls yet (fixed-order lane sums, an own vectorized exp), so seeded runs
 * repeat bit for bit on the same machine and thread count.
 *
 * <p>Matrices are row-major: element (i, j) of a matrix with leading dimension {@code ld} at offset {@code off}
 * sits at {@code off + i * ld + j}. Implementations are stateless and thread-safe.
 */
public interface Kernels {

    /** The implementation chosen at start-up (see the class comment). */
    static Kernels get() {
        return KernelSelection.CHOSEN;
    }

    /** The scalar implementation (always available). */
    static Kernels scalar() {
        return KernelSelection.SCALAR;
    }

    /**
     * The Vector API implementation, or the scalar one when {@code jdk.incubator.vector} is not available
     * (see {@link #vectorAvailable()}).
     */
    static Kernels vector() {
        return KernelSelection.VECTOR != null ? KernelSelection.VECTOR : KernelSelection.SCALAR;
    }

    /** Whether the Vector API implementation could be loaded in this JVM. */
    static boolean vectorAvailable() {
        return KernelSelection.VECTOR != null;
    }

    /** A short description, e.g. {@code "vector (FloatVector, 512 bits, FMA)"} or {@code "scalar"}. */
    String name();

    /** Σ x[xOff + i] · y[yOff + i] for i &lt; n. */
    float dot(float[] x, int xOff, float[] y, int yOff, int n);

    /** y[yOff + i] += a · x[xOff + i] for i &lt; n. */
    void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n);

    /** x[off + i] *= a for i &lt; n. */
    void scale(float a, float[] x, int off, int n);

    /** Σ x[off + i] for i &lt; n. */
    float sum(float[] x, int off, int n);

    /** Σ x[off + i]² for i &lt; n. */
    float sumOfSquares(float[] x, int off, int n);

    /** max x[off + i] for i &lt; n ({@code -Infinity} when n = 0). */
    float max(float[] x, int off, int n);

    /** z[zOff + i] = x[xOff + i] + y[yOff + i] for i &lt; n (z may alias x or y). */
    void add(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n);

    /** z[zOff + i] = x[xOff + i] · y[yOff + i] for i &lt; n (z may alias x or y). */
    void mul(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n);

    /** z[zOff + i] += x[xOff + i] · y[yOff + i] for i &lt; n. */
    void mulAdd(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n);

    /** y[yOff + i] = 1 / (1 + e^−x[xOff + i]) for i &lt; n (y may alias x); within a few ulps of the exact value. */
    void sigmoid(float[] x, int xOff, float[] y, int yOff, int n);

    /** y[yOff + i] = tanh x[xOff + i] for i &lt; n (y may alias x). */
    void tanh(float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * y[yOff + i] = e^(x[xOff + i] − shift) for i &lt; n, returning their sum (the softmax numerators and
     * denominator when shift is the row maximum). y may alias x.
     */
    float expShifted(float[] x, int xOff, float shift, float[] y, int yOff, int n);

    /**
     * General matrix multiply, C = alpha · op(A) · op(B) + beta · C, with op(X) = X or Xᵀ.
     *
     * <p>Shapes: op(A) is (m × k), op(B) is (k × n), C is (m × n). A is stored as (m × k) with leading dimension
     * {@code lda} when {@code transA} is false, else as (k × m); likewise B is stored (k × n) or, transposed,
     * (n × k). A and B are only read, and their rows may overlap ({@code lda} smaller than the row length is
     * allowed, which lets a 1-D convolution read its im2col matrix straight from the padded input). C must not
     * overlap itself ({@code ldc ≥ n}) nor A or B. When {@code beta} is 0, C is overwritten (NaNs in it are
     * ignored). Large products run on several threads (see the class comment).
     *
     * @throws IllegalArgumentException when a dimension is negative, {@code ldc < n}, or an operand does not fit
     *     its array
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);
}
