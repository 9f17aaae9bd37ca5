package dev.lexis.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the JDK Vector API ({@code jdk.incubator.vector}) with {@code FloatVector.SPECIES_PREFERRED} and
 * fused multiply-add. Loaded reflectively by {@link KernelSelection}, so that a JVM without the module never
 * touches this class.
 *
 * <p>GEMM: op(B) is read in place when it is stored (k × n). A · Bᵀ (both stored with k contiguous) runs as
 * tiles of 4 × 2 vector dot products. For Aᵀ · Bᵀ, Bᵀ is first packed into a thread-local (k × width) buffer.
 * A is never packed: the micro-kernels broadcast its elements through a row stride and a column stride, which
 * covers both A and Aᵀ. The micro-kernels keep a tile of C (8 rows × 2
 * vectors, then 4, 2 and 1 rows; 1-vector and masked tails for the last columns) in registers over a block of
 * {@value #KC} values of k, so that the B panel stays in L1 while every row tile of A passes over it.
 */
final class VectorKernels extends GemmDriver {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Depth of one k block: a (KC × 2L) panel of B is 16 KiB with 512-bit vectors. */
    static final int KC = 128;
    /** Rows of the main micro-kernel: 8 (16 accumulators) needs 32 vector registers (AVX-512). */
    private static final int MAIN_ROWS = L >= 16 ? 8 : 4;
    private static final ThreadLocal<float[]> PACK = ThreadLocal.withInitial(() -> new float[4096]);
    /** Columns of B packed per block when B is wide (a multiple of 2L). */
    static final int NC = 16 * L;
    static final boolean PACK_WIDE = !Boolean.getBoolean("lexis.nn.noPack");
    /** B rows at least this far apart (in floats) are packed: beyond it each row of a panel is on its own page. */
    static final int PACK_MIN_LD = 4096;
    private static final ThreadLocal<float[]> PACK_B = ThreadLocal.withInitial(() -> new float[KC * NC]);
    /** Lanes of the dot-product accumulators, summed in a fixed order by {@link #lanes}. */
    private static final ThreadLocal<float[]> RED = ThreadLocal.withInitial(() -> new float[8 * L]);
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[4 * L]);
    private static final ThreadLocal<float[]> TAIL = ThreadLocal.withInitial(() -> new float[(KC + 4) * L]);
    /** Below this many multiply-adds a block runs on the scalar kernels. */
    static final long SMALL_WORK = 4096;
    private static final ScalarKernels SCALAR = new ScalarKernels();

    @Override
    public String name() {
        return "vector (FloatVector " + S.vectorBitSize() + " bits, FMA)";
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        float s = 0f;
        if (n >= 2 * L) {
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = FloatVector.zero(S);
            for (; i + 2 * L <= n; i += 2 * L) {
                acc0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc0);
                acc1 = FloatVector.fromArray(S, x, xOff + i + L).fma(FloatVector.fromArray(S, y, yOff + i + L), acc1);
            }
            for (; i + L <= n; i += L) {
                acc0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc0);
            }
            FloatVector h = acc0.add(acc1);
            // the fixed-order lane sum of hsum, written out: a vector passed to a call that the JIT does not
            // inline is boxed (allocated)
            if (L > 8) {
                h = h.add(h.rearrange(SWAP8));
            }
            if (L > 4) {
                h = h.add(h.rearrange(SWAP4));
            }
            if (L > 2) {
                h = h.add(h.rearrange(SWAP2));
            }
            if (L > 1) {
                h = h.add(h.rearrange(SWAP1));
            }
            s = L > 16 ? hsum(h) : h.lane(0);
        }
        for (; i < n; i++) {
            s = Math.fma(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    @Override
    public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        if (n >= L) {
            FloatVector av = FloatVector.broadcast(S, a);
            for (; i + L <= n; i += L) {
                av.fma(FloatVector.fromArray(S, x, xOff + i), FloatVector.fromArray(S, y, yOff + i))
                        .intoArray(y, yOff + i);
            }
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(a, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(float a, float[] x, int off, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, x, off + i).mul(a).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] *= a;
        }
    }

    @Override
    public float sum(float[] x, int off, int n) {
        int i = 0;
        float s = 0f;
        if (n >= L) {
            FloatVector acc = FloatVector.zero(S);
            for (; i + L <= n; i += L) {
                acc = acc.add(FloatVector.fromArray(S, x, off + i));
            }
            FloatVector h = acc;
            // the fixed-order lane sum of hsum, written out: a vector passed to a call that the JIT does not
            // inline is boxed (allocated)
            if (L > 8) {
                h = h.add(h.rearrange(SWAP8));
            }
            if (L > 4) {
                h = h.add(h.rearrange(SWAP4));
            }
            if (L > 2) {
                h = h.add(h.rearrange(SWAP2));
            }
            if (L > 1) {
                h = h.add(h.rearrange(SWAP1));
            }
            s = L > 16 ? hsum(h) : h.lane(0);
        }
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    @Override
    public float sumOfSquares(float[] x, int off, int n) {
        return dot(x, off, x, off, n);
    }

    @Override
    public float max(float[] x, int off, int n) {
        int i = 0;
        float m = Float.NEGATIVE_INFINITY;
        if (n >= L) {
            FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (; i + L <= n; i += L) {
                acc = acc.max(FloatVector.fromArray(S, x, off + i));
            }
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, x, xOff + i).add(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
        for (; i < n; i++) {
            z[zOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    @Override
    public void mul(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
        for (; i < n; i++) {
            z[zOff + i] = x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public void mulAdd(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i),
                    FloatVector.fromArray(S, z, zOff + i)).intoArray(z, zOff + i);
        }
        for (; i < n; i++) {
            z[zOff + i] = Math.fma(x[xOff + i], y[yOff + i], z[zOff + i]);
        }
    }

    @Override
    public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector e = exp(FloatVector.fromArray(S, x, xOff + i).neg());
            FloatVector.broadcast(S, 1f).div(e.add(1f)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = (float) (1.0 / (1.0 + Math.exp(-x[xOff + i])));
        }
    }

    @Override
    public void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            // tanh x = 1 − 2 / (e^2x + 1): absolute error about 1e-7, also near 0
            FloatVector e = exp(FloatVector.fromArray(S, x, xOff + i).mul(2f));
            FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e.add(1f))).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = (float) Math.tanh(x[xOff + i]);
        }
    }

    @Override
    public float expShifted(float[] x, int xOff, float shift, float[] y, int yOff, int n) {
        int i = 0;
        float s = 0f;
        if (n >= L) {
            FloatVector acc = FloatVector.zero(S);
            for (; i + L <= n; i += L) {
                FloatVector e = exp(FloatVector.fromArray(S, x, xOff + i).sub(shift));
                e.intoArray(y, yOff + i);
                acc = acc.add(e);
            }
            FloatVector h = acc;
            // the fixed-order lane sum of hsum, written out: a vector passed to a call that the JIT does not
            // inline is boxed (allocated)
            if (L > 8) {
                h = h.add(h.rearrange(SWAP8));
            }
            if (L > 4) {
                h = h.add(h.rearrange(SWAP4));
            }
            if (L > 2) {
                h = h.add(h.rearrange(SWAP2));
            }
            if (L > 1) {
                h = h.add(h.rearrange(SWAP1));
            }
            s = L > 16 ? hsum(h) : h.lane(0);
        }
        for (; i < n; i++) {
            float e = (float) Math.exp(x[xOff + i] - shift);
            y[yOff + i] = e;
            s += e;
        }
        return s;
    }

    /**
     * The sum of the lanes in a fixed pairwise order, so that the result is the same bits whether the JIT has
     * compiled the Vector API calls or they still run in their Java fallback ({@code reduceLanes(ADD)} may add
     * in a different order in each, and training runs must be reproducible).
     */
    static float hsum(FloatVector v) {
        // butterfly: lane i += lane i ^ h for h = L/2 … 1, with constant shuffles (a shuffle computed in a loop
        // is not compiled to a permute and runs in the allocating fallback)
        if (L > 16) {
            return v.reduceLanes(VectorOperators.ADD); // vectors wider than 512 bits: order not fixed
        }
        if (L > 8) {
            v = v.add(v.rearrange(SWAP8));
        }
        if (L > 4) {
            v = v.add(v.rearrange(SWAP4));
        }
        if (L > 2) {
            v = v.add(v.rearrange(SWAP2));
        }
        if (L > 1) {
            v = v.add(v.rearrange(SWAP1));
        }
        return v.lane(0);
    }

    /**
     * Σ r[o … o + L) in a fixed order (four interleaved partial sums), for accumulators stored by the dot-product
     * tiles: a scalar method, so it never boxes vectors even when the JIT does not inline it.
     */
    static float lanes(float[] r, int o) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        int i = 0;
        for (; i + 4 <= L; i += 4) {
            s0 += r[o + i];
            s1 += r[o + i + 1];
            s2 += r[o + i + 2];
            s3 += r[o + i + 3];
        }
        for (; i < L; i++) {
            s0 += r[o + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static final VectorShuffle<Float> SWAP8 = L > 8 ? VectorShuffle.fromOp(S, i -> i ^ 8) : null;
    private static final VectorShuffle<Float> SWAP4 = L > 4 ? VectorShuffle.fromOp(S, i -> i ^ 4) : null;
    private static final VectorShuffle<Float> SWAP2 = L > 2 ? VectorShuffle.fromOp(S, i -> i ^ 2) : null;
    private static final VectorShuffle<Float> SWAP1 = L > 1 ? VectorShuffle.fromOp(S, i -> i ^ 1) : null;

    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145752f;
    private static final float LN2_LO = 1.42860677e-6f;
    /** 1.5 · 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUND = 12582912f;

    /**
     * e^x lane-wise from basic arithmetic only (range reduction x = n·ln 2 + r, |r| ≤ ln 2 / 2, a degree-6
     * Taylor polynomial for e^r, then 2^n through the exponent bits), within about 2 ulps for x in
     * [−87.3, 88]; inputs are clamped to that range (so e^−1000 gives 1.2e−38, not 0). Not
     * {@code lanewise(EXP)}: its compiled and fallback versions differ in the last bits.
     */
    static FloatVector exp(FloatVector x) {
        x = x.max(-87.3f).min(88f);
        FloatVector n = x.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, 1f / 720f);
        p = p.fma(r, FloatVector.broadcast(S, 1f / 120f));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 24f));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 6f));
        p = p.fma(r, FloatVector.broadcast(S, 0.5f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        IntVector bits = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.reinterpretAsFloats());
    }

    @Override
    int columnAlign() {
        return 2 * L;
    }

    @Override
    int rowAlign() {
        return MAIN_ROWS;
    }

    @Override
    void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc) {
        if ((long) (i1 - i0) * (j1 - j0) * k < SMALL_WORK || (transB && !transA && k < L)) {
            // tiny products (XOR), or dot products shorter than one vector (the backward of a 2-class output
            // layer): vector set-up and tails cost more than they save
            SCALAR.block(transA, transB, i0, i1, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        // beta = 0: the first k block stores instead of accumulating (no pass to clear C, no loads of C)
        boolean overwrite = beta == 0f;
        if (!overwrite) {
            scaleBlock(beta, c, cOff, ldc, i0, i1, j0, j1);
        }
        if (transB && !transA) {
            blockDot(i0, i1, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, !overwrite);
            return;
        }
        int w = j1 - j0;
        float[] bb;
        int bBase;
        int ldbb;
        if (transB) {
            bb = packTransposed(b, bOff, ldb, j0, w, k);
            bBase = 0;
            ldbb = w;
        } else {
            bb = b;
            bBase = bOff + j0;
            ldbb = ldb;
        }
        int ars = transA ? 1 : lda;
        int acs = transA ? lda : 1;
        int cBase = cOff + j0;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean load = p0 > 0 || !overwrite;
            int aP = aOff + p0 * acs;
            int bP = bBase + p0 * ldbb;
            int j = 0;
            int fullPanels = w / (2 * L) * (2 * L);
            if (PACK_WIDE && fullPanels >= NC && ldbb >= PACK_MIN_LD) {
                // wide B: copy (kc × NC) blocks into contiguous panels first, so the micro-kernels stream
                // sequential memory instead of kc rows that lie a whole row of B apart
                float[] packed = packBuffer(kc * NC);
                for (; j + NC <= fullPanels; j += NC) {
                    for (int p = 0; p < kc; p++) {
                        int src = bP + p * ldbb + j;
                        for (int q = 0; q < NC; q += 2 * L) {
                            System.arraycopy(bb, src + q, packed, q * kc + p * 2 * L, 2 * L);
                        }
                    }
                    for (int q = 0; q < NC; q += 2 * L) {
                        panel(a, aP, ars, acs, i0, i1, packed, q * kc, 2 * L, c, cBase + j + q, ldc, kc, alpha, load);
                    }
                }
            }
            for (; j + 2 * L <= w; j += 2 * L) {
                panel(a, aP, ars, acs, i0, i1, bb, bP + j, ldbb, c, cBase + j, ldc, kc, alpha, load);
            }
            for (; j + L <= w; j += L) {
                int i = i0;
                for (; i + 4 <= i1; i += 4) {
                    k4x1(a, aP + i * ars, ars, acs, bb, bP + j, ldbb, c, cBase + i * ldc + j, ldc, kc, alpha, load);
                }
                for (; i < i1; i++) {
                    k1x1(a, aP + i * ars, ars, acs, bb, bP + j, ldbb, c, cBase + i * ldc + j, ldc, kc, alpha, load);
                }
            }
            if (j < w) {
                tail(a, aP, ars, acs, i0, i1, bb, bP + j, ldbb, w - j, c, cBase + j, ldc, kc, alpha, load);
            }
        }
    }

    /**
     * C = A · Bᵀ with both stored row-major (m × k) and (n × k): tiles of 4 × 2 dot products along k, so that
     * both operands stream contiguously and nothing is packed. (Not 4 × 4: every Vector API method must stay
     * small enough for the C1 compiler, which otherwise gives up on it and leaves it in the slow fallback.)
     */
    private static void blockDot(int i0, int i1, int j0, int j1, int k, float alpha,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] c, int cOff, int ldc, boolean load) {
        float[] red = RED.get();
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = j0;
            for (; j + 2 <= j1; j += 2) {
                d4x2(a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, k, alpha, load, red);
            }
            for (; j < j1; j++) {
                d4x1(a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, k, alpha, load, red);
            }
        }
        for (; i < i1; i++) {
            int j = j0;
            for (; j + 2 <= j1; j += 2) {
                d1x2(a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, k, alpha, load, red);
            }
            for (; j < j1; j++) {
                d1x1(a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, k, alpha, load, red);
            }
        }
    }

    private static void store(float[] c, int index, float value, boolean load) {
        c[index] = load ? c[index] + value : value;
    }

    /** All row tiles of rows i0..i1 against one (kc × 2L) panel of B at b[bo + p·ldb]. */
    private static void panel(float[] a, int aP, int ars, int acs, int i0, int i1, float[] b, int bo, int ldb,
                              float[] c, int cBase, int ldc, int kc, float alpha, boolean load) {
        int i = i0;
        if (MAIN_ROWS == 8) {
            for (; i + 8 <= i1; i += 8) {
                k8x2(a, aP + i * ars, ars, acs, b, bo, ldb, c, cBase + i * ldc, ldc, kc, alpha, load);
            }
        }
        for (; i + 4 <= i1; i += 4) {
            k4x2(a, aP + i * ars, ars, acs, b, bo, ldb, c, cBase + i * ldc, ldc, kc, alpha, load);
        }
        for (; i + 2 <= i1; i += 2) {
            k2x2(a, aP + i * ars, ars, acs, b, bo, ldb, c, cBase + i * ldc, ldc, kc, alpha, load);
        }
        for (; i < i1; i++) {
            k1x2(a, aP + i * ars, ars, acs, b, bo, ldb, c, cBase + i * ldc, ldc, kc, alpha, load);
        }
    }

    private static float[] packBuffer(int size) {
        float[] buf = PACK_B.get();
        if (buf.length < size) {
            buf = new float[size];
            PACK_B.set(buf);
        }
        return buf;
    }

    /**
     * The last {@code cols} (&lt; L) columns of a k block: packs the B panel zero-padded to (kc × L) so that every
     * load is a full in-bounds vector, computes tiles into a buffer, and adds the valid lanes to C.
     */
    private static void tail(float[] a, int aP, int ars, int acs, int i0, int i1, float[] b, int bP, int ldb, int cols,
                             float[] c, int cBase, int ldc, int kc, float alpha, boolean load) {
        float[] buf = TAIL.get();
        for (int p = 0; p < kc; p++) {
            System.arraycopy(b, bP + p * ldb, buf, p * L, cols);
            java.util.Arrays.fill(buf, p * L + cols, (p + 1) * L, 0f);
        }
        float[] tile = TILE.get();
        for (int i = i0; i < i1; ) {
            int rows = i + 4 <= i1 ? 4 : 1;
            if (rows == 4) {
                k4x1t(a, aP + i * ars, ars, acs, buf, kc, tile);
            } else {
                k1x1t(a, aP + i * ars, ars, acs, buf, kc, tile);
            }
            for (int r = 0; r < rows; r++) {
                int o = cBase + (i + r) * ldc;
                for (int q = 0; q < cols; q++) {
                    float v = alpha * tile[r * L + q];
                    c[o + q] = load ? c[o + q] + v : v;
                }
            }
            i += rows;
        }
    }

    /** Packs columns j0..j0+w of op(B) = Bᵀ (B stored n × k) into a thread-local (k × w) row-major buffer. */
    private static float[] packTransposed(float[] b, int bOff, int ldb, int j0, int w, int k) {
        float[] buf = PACK.get();
        int need = k * w;
        if (buf.length < need) {
            buf = new float[Math.max(need, buf.length * 2)];
            PACK.set(buf);
        }
        // 16 source rows at a time: 16 sequential read streams, contiguous 16-value writes
        for (int jb = 0; jb < w; jb += 16) {
            int je = Math.min(w, jb + 16);
            for (int p = 0; p < k; p++) {
                int dst = p * w;
                for (int j = jb; j < je; j++) {
                    buf[dst + j] = b[bOff + (j0 + j) * ldb + p];
                }
            }
        }
        return buf;
    }

    // op(A) tile (8 x kc): element (r, p) at a[ao + r*ars + p*acs]; B panel (kc x 2L) at b[bo + p*ldb];
    // C tile (8 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void k8x2(float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        final int r2 = 2 * ars;
        final int r3 = 3 * ars;
        final int r4 = 4 * ars;
        final int r5 = 5 * ars;
        final int r6 = 6 * ars;
        final int r7 = 7 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + r4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + r5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ao + r6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ao + r7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
            bo += ldb;
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        int o = co;
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c01.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c10.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c11.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c20.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c21.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c30.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c31.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c40.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c41.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c50.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c51.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c60.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c61.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c70.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c71.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
        } else {
            c00.mul(al).intoArray(c, o);
            c01.mul(al).intoArray(c, o + L);
            o += ldc;
            c10.mul(al).intoArray(c, o);
            c11.mul(al).intoArray(c, o + L);
            o += ldc;
            c20.mul(al).intoArray(c, o);
            c21.mul(al).intoArray(c, o + L);
            o += ldc;
            c30.mul(al).intoArray(c, o);
            c31.mul(al).intoArray(c, o + L);
            o += ldc;
            c40.mul(al).intoArray(c, o);
            c41.mul(al).intoArray(c, o + L);
            o += ldc;
            c50.mul(al).intoArray(c, o);
            c51.mul(al).intoArray(c, o + L);
            o += ldc;
            c60.mul(al).intoArray(c, o);
            c61.mul(al).intoArray(c, o + L);
            o += ldc;
            c70.mul(al).intoArray(c, o);
            c71.mul(al).intoArray(c, o + L);
        }
    }

    // op(A) tile (4 x kc): element (r, p) at a[ao + r*ars + p*acs]; B panel (kc x 2L) at b[bo + p*ldb];
    // C tile (4 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void k4x2(float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        final int r2 = 2 * ars;
        final int r3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            bo += ldb;
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        int o = co;
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c01.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c10.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c11.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c20.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c21.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c30.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c31.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
        } else {
            c00.mul(al).intoArray(c, o);
            c01.mul(al).intoArray(c, o + L);
            o += ldc;
            c10.mul(al).intoArray(c, o);
            c11.mul(al).intoArray(c, o + L);
            o += ldc;
            c20.mul(al).intoArray(c, o);
            c21.mul(al).intoArray(c, o + L);
            o += ldc;
            c30.mul(al).intoArray(c, o);
            c31.mul(al).intoArray(c, o + L);
        }
    }

    // op(A) tile (2 x kc): element (r, p) at a[ao + r*ars + p*acs]; B panel (kc x 2L) at b[bo + p*ldb];
    // C tile (2 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void k2x2(float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            bo += ldb;
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        int o = co;
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c01.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
            o += ldc;
            c10.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c11.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
        } else {
            c00.mul(al).intoArray(c, o);
            c01.mul(al).intoArray(c, o + L);
            o += ldc;
            c10.mul(al).intoArray(c, o);
            c11.mul(al).intoArray(c, o + L);
        }
    }

    // op(A) tile (1 x kc): element (r, p) at a[ao + r*ars + p*acs]; B panel (kc x 2L) at b[bo + p*ldb];
    // C tile (1 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void k1x2(float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            bo += ldb;
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        int o = co;
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            c01.fma(al, FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
        } else {
            c00.mul(al).intoArray(c, o);
            c01.mul(al).intoArray(c, o + L);
        }
    }

    // op(A) tile (4 x kc): element (r, p) at a[ao + r*ars + p*acs]; B panel (kc x 1L) at b[bo + p*ldb];
    // C tile (4 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void k4x1(float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        final int r2 = 2 * ars;
        final int r3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = a3.fma(b0, c30);
            bo += ldb;
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        int o = co;
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            o += ldc;
            c10.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            o += ldc;
            c20.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
            o += ldc;
            c30.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
        } else {
            c00.mul(al).intoArray(c, o);
            o += ldc;
            c10.mul(al).intoArray(c, o);
            o += ldc;
            c20.mul(al).intoArray(c, o);
            o += ldc;
            c30.mul(al).intoArray(c, o);
        }
    }

    // op(A) tile (1 x kc): element (r, p) at a[ao + r*ars + p*acs]; B panel (kc x 1L) at b[bo + p*ldb];
    // C tile (1 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void k1x1(float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            bo += ldb;
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        int o = co;
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, o)).intoArray(c, o);
        } else {
            c00.mul(al).intoArray(c, o);
        }
    }

    // op(A) tile (4 x kc) as in k4x1; B panel (kc x L) packed at b[bo + p*L]; result rows r at tile[r*L] (overwritten)
    private static void k4x1t(float[] a, int ao, int ars, int acs, float[] b, int kc, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S), c3 = FloatVector.zero(S);
        int bo = 0;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            c0 = FloatVector.broadcast(S, a[ao]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ao + ars]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ao + 2 * ars]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ao + 3 * ars]).fma(b0, c3);
            bo += L;
            ao += acs;
        }
        c0.intoArray(tile, 0 * L);
        c1.intoArray(tile, 1 * L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
    }

    // op(A) tile (1 x kc) as in k1x1; B panel (kc x L) packed at b[bo + p*L]; result rows r at tile[r*L] (overwritten)
    private static void k1x1t(float[] a, int ao, int ars, int acs, float[] b, int kc, float[] tile) {
        FloatVector c0 = FloatVector.zero(S);
        int bo = 0;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            c0 = FloatVector.broadcast(S, a[ao]).fma(b0, c0);
            bo += L;
            ao += acs;
        }
        c0.intoArray(tile, 0 * L);
    }

    // A rows (4 x k) at a[ao + r*lda]; B rows (2 x k) at b[bo + q*ldb]; C tile (4 x 2) at c[co + r*ldc + q]
    private static void d4x2(float[] a, int ao, int lda, float[] b, int bo, int ldb, float[] c, int co, int ldc, int k, float alpha, boolean load, float[] red) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S);
        int p = 0;
        for (; p + L <= k; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + 1 * ldb + p);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p);
            s00 = a0.fma(b0, s00); s01 = a0.fma(b1, s01);
            FloatVector a1 = FloatVector.fromArray(S, a, ao + 1 * lda + p);
            s10 = a1.fma(b0, s10); s11 = a1.fma(b1, s11);
            FloatVector a2 = FloatVector.fromArray(S, a, ao + 2 * lda + p);
            s20 = a2.fma(b0, s20); s21 = a2.fma(b1, s21);
            FloatVector a3 = FloatVector.fromArray(S, a, ao + 3 * lda + p);
            s30 = a3.fma(b0, s30); s31 = a3.fma(b1, s31);
        }
        if (p < k && ao + 3 * lda + p + L <= a.length && bo + 1 * ldb + p + L <= b.length) {
            // masked loads are fast only while the whole vector lies inside the array
            VectorMask<Float> m = S.indexInRange(p, k);
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p, m);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + 1 * ldb + p, m);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p, m);
            s00 = a0.fma(b0, s00); s01 = a0.fma(b1, s01);
            FloatVector a1 = FloatVector.fromArray(S, a, ao + 1 * lda + p, m);
            s10 = a1.fma(b0, s10); s11 = a1.fma(b1, s11);
            FloatVector a2 = FloatVector.fromArray(S, a, ao + 2 * lda + p, m);
            s20 = a2.fma(b0, s20); s21 = a2.fma(b1, s21);
            FloatVector a3 = FloatVector.fromArray(S, a, ao + 3 * lda + p, m);
            s30 = a3.fma(b0, s30); s31 = a3.fma(b1, s31);
            p = k;
        }
        s00.intoArray(red, 0 * L);
        s01.intoArray(red, 1 * L);
        s10.intoArray(red, 2 * L);
        s11.intoArray(red, 3 * L);
        s20.intoArray(red, 4 * L);
        s21.intoArray(red, 5 * L);
        s30.intoArray(red, 6 * L);
        s31.intoArray(red, 7 * L);
        float t00 = lanes(red, 0 * L);
        float t01 = lanes(red, 1 * L);
        float t10 = lanes(red, 2 * L);
        float t11 = lanes(red, 3 * L);
        float t20 = lanes(red, 4 * L);
        float t21 = lanes(red, 5 * L);
        float t30 = lanes(red, 6 * L);
        float t31 = lanes(red, 7 * L);
        for (; p < k; p++) {
            t00 = Math.fma(a[ao + 0 * lda + p], b[bo + 0 * ldb + p], t00);
            t01 = Math.fma(a[ao + 0 * lda + p], b[bo + 1 * ldb + p], t01);
            t10 = Math.fma(a[ao + 1 * lda + p], b[bo + 0 * ldb + p], t10);
            t11 = Math.fma(a[ao + 1 * lda + p], b[bo + 1 * ldb + p], t11);
            t20 = Math.fma(a[ao + 2 * lda + p], b[bo + 0 * ldb + p], t20);
            t21 = Math.fma(a[ao + 2 * lda + p], b[bo + 1 * ldb + p], t21);
            t30 = Math.fma(a[ao + 3 * lda + p], b[bo + 0 * ldb + p], t30);
            t31 = Math.fma(a[ao + 3 * lda + p], b[bo + 1 * ldb + p], t31);
        }
        store(c, co + 0 * ldc + 0, alpha * t00, load);
        store(c, co + 0 * ldc + 1, alpha * t01, load);
        store(c, co + 1 * ldc + 0, alpha * t10, load);
        store(c, co + 1 * ldc + 1, alpha * t11, load);
        store(c, co + 2 * ldc + 0, alpha * t20, load);
        store(c, co + 2 * ldc + 1, alpha * t21, load);
        store(c, co + 3 * ldc + 0, alpha * t30, load);
        store(c, co + 3 * ldc + 1, alpha * t31, load);
    }

    // A rows (1 x k) at a[ao + r*lda]; B rows (2 x k) at b[bo + q*ldb]; C tile (1 x 2) at c[co + r*ldc + q]
    private static void d1x2(float[] a, int ao, int lda, float[] b, int bo, int ldb, float[] c, int co, int ldc, int k, float alpha, boolean load, float[] red) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
        int p = 0;
        for (; p + L <= k; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + 1 * ldb + p);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p);
            s00 = a0.fma(b0, s00); s01 = a0.fma(b1, s01);
        }
        if (p < k && ao + 0 * lda + p + L <= a.length && bo + 1 * ldb + p + L <= b.length) {
            // masked loads are fast only while the whole vector lies inside the array
            VectorMask<Float> m = S.indexInRange(p, k);
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p, m);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + 1 * ldb + p, m);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p, m);
            s00 = a0.fma(b0, s00); s01 = a0.fma(b1, s01);
            p = k;
        }
        s00.intoArray(red, 0 * L);
        s01.intoArray(red, 1 * L);
        float t00 = lanes(red, 0 * L);
        float t01 = lanes(red, 1 * L);
        for (; p < k; p++) {
            t00 = Math.fma(a[ao + 0 * lda + p], b[bo + 0 * ldb + p], t00);
            t01 = Math.fma(a[ao + 0 * lda + p], b[bo + 1 * ldb + p], t01);
        }
        store(c, co + 0 * ldc + 0, alpha * t00, load);
        store(c, co + 0 * ldc + 1, alpha * t01, load);
    }

    // A rows (4 x k) at a[ao + r*lda]; B rows (1 x k) at b[bo + q*ldb]; C tile (4 x 1) at c[co + r*ldc + q]
    private static void d4x1(float[] a, int ao, int lda, float[] b, int bo, int ldb, float[] c, int co, int ldc, int k, float alpha, boolean load, float[] red) {
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S);
        int p = 0;
        for (; p + L <= k; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p);
            s00 = a0.fma(b0, s00);
            FloatVector a1 = FloatVector.fromArray(S, a, ao + 1 * lda + p);
            s10 = a1.fma(b0, s10);
            FloatVector a2 = FloatVector.fromArray(S, a, ao + 2 * lda + p);
            s20 = a2.fma(b0, s20);
            FloatVector a3 = FloatVector.fromArray(S, a, ao + 3 * lda + p);
            s30 = a3.fma(b0, s30);
        }
        if (p < k && ao + 3 * lda + p + L <= a.length && bo + 0 * ldb + p + L <= b.length) {
            // masked loads are fast only while the whole vector lies inside the array
            VectorMask<Float> m = S.indexInRange(p, k);
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p, m);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p, m);
            s00 = a0.fma(b0, s00);
            FloatVector a1 = FloatVector.fromArray(S, a, ao + 1 * lda + p, m);
            s10 = a1.fma(b0, s10);
            FloatVector a2 = FloatVector.fromArray(S, a, ao + 2 * lda + p, m);
            s20 = a2.fma(b0, s20);
            FloatVector a3 = FloatVector.fromArray(S, a, ao + 3 * lda + p, m);
            s30 = a3.fma(b0, s30);
            p = k;
        }
        s00.intoArray(red, 0 * L);
        s10.intoArray(red, 1 * L);
        s20.intoArray(red, 2 * L);
        s30.intoArray(red, 3 * L);
        float t00 = lanes(red, 0 * L);
        float t10 = lanes(red, 1 * L);
        float t20 = lanes(red, 2 * L);
        float t30 = lanes(red, 3 * L);
        for (; p < k; p++) {
            t00 = Math.fma(a[ao + 0 * lda + p], b[bo + 0 * ldb + p], t00);
            t10 = Math.fma(a[ao + 1 * lda + p], b[bo + 0 * ldb + p], t10);
            t20 = Math.fma(a[ao + 2 * lda + p], b[bo + 0 * ldb + p], t20);
            t30 = Math.fma(a[ao + 3 * lda + p], b[bo + 0 * ldb + p], t30);
        }
        store(c, co + 0 * ldc + 0, alpha * t00, load);
        store(c, co + 1 * ldc + 0, alpha * t10, load);
        store(c, co + 2 * ldc + 0, alpha * t20, load);
        store(c, co + 3 * ldc + 0, alpha * t30, load);
    }

    // A rows (1 x k) at a[ao + r*lda]; B rows (1 x k) at b[bo + q*ldb]; C tile (1 x 1) at c[co + r*ldc + q]
    private static void d1x1(float[] a, int ao, int lda, float[] b, int bo, int ldb, float[] c, int co, int ldc, int k, float alpha, boolean load, float[] red) {
        FloatVector s00 = FloatVector.zero(S);
        int p = 0;
        for (; p + L <= k; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p);
            s00 = a0.fma(b0, s00);
        }
        if (p < k && ao + 0 * lda + p + L <= a.length && bo + 0 * ldb + p + L <= b.length) {
            // masked loads are fast only while the whole vector lies inside the array
            VectorMask<Float> m = S.indexInRange(p, k);
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p, m);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p, m);
            s00 = a0.fma(b0, s00);
            p = k;
        }
        s00.intoArray(red, 0 * L);
        float t00 = lanes(red, 0 * L);
        for (; p < k; p++) {
            t00 = Math.fma(a[ao + 0 * lda + p], b[bo + 0 * ldb + p], t00);
        }
        store(c, co + 0 * ldc + 0, alpha * t00, load);
    }

}
