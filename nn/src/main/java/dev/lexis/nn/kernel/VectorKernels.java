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
 * <p>GEMM: A · Bᵀ (both stored with k contiguous) with fewer than {@value #DOT_MAX_ROWS} rows or fewer than L
 * columns runs as tiles of 4 × 2 vector dot products, reading both in place. Everything else packs (for A · Bᵀ
 * at least 16 rows wide this measured 1.2–6× faster than the dot-product tiles, whose lane sums dominate at
 * the models' small k): per block of at most {@value #KC} values of k, op(B) is copied in blocks
 * of {@value #NC} columns into contiguous (kc × 2L) panels, and, when C has at least {@value #PACK_A_PANELS}
 * panels of columns to repay the copy, op(A) in blocks of {@value #MC} rows into contiguous (kc × 8) tiles (a
 * transpose, when needed, happens while packing; otherwise A is read in place through a row and a column
 * stride). Register-tiled micro-kernels keep a tile of C (8 rows × 2 vectors; then 4, 2 and 1 rows, and
 * 1-vector panels for the last columns) in 16 vector registers while they broadcast elements of A against
 * vectors of B, one row tile across all panels of a block. With unit-stride packed operands the JIT removes the
 * bounds checks from their inner loops.
 */
final class VectorKernels extends GemmDriver {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Largest depth of one k block. The models' k (100 … 300) then fits one block: fewer passes over C, which
     * measured faster than L1-sized (128-deep) panels although a (320 × 2L) panel of B is 40 KiB.
     */
    static final int KC = 320;
    /** Rows of the main micro-kernel: 8 (16 accumulators) needs 32 vector registers (AVX-512). */
    private static final int MAIN_ROWS = L >= 16 ? 8 : 4;
    /** Rows of A packed per block (a multiple of 8): (MC × KC) floats, 160 KiB, stay in L2. */
    static final int MC = 128;
    /** Columns of B packed per block (a multiple of 2L): (KC × NC) floats, 320 KiB with 512-bit vectors, L2. */
    static final int NC = 16 * L;
    /** Per-thread packing buffers: A block, B block, and one C tile for partial panels. */
    private static final ThreadLocal<float[][]> PACKS =
            ThreadLocal.withInitial(() -> new float[][] {new float[MC * KC], new float[KC * NC], new float[8 * 2 * L]});
    /** Lanes of the dot-product accumulators, summed in a fixed order by {@link #lanes}. */
    private static final ThreadLocal<float[]> RED = ThreadLocal.withInitial(() -> new float[8 * L]);
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
        return L;   // a part may end in a panel of L columns, which runs at full speed (a 1-vector kernel)
    }

    @Override
    int rowAlign() {
        return MAIN_ROWS;
    }

    @Override
    boolean dotProducts(boolean transA, boolean transB, int m, int n, int k) {
        // A · Bᵀ: packing Bᵀ costs about one transposed copy per value of B, repaid over the rows of A; with few
        // rows, or fewer columns than one vector (padding), the dot-product tiles that read both in place win
        return transB && !transA && (m < DOT_MAX_ROWS || n < L);
    }

    @Override
    void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc, boolean dot) {
        if ((long) (i1 - i0) * (j1 - j0) * k < SMALL_WORK || (transB && !transA && k < L)) {
            // tiny products (XOR), or dot products shorter than one vector (the backward of a 2-class output
            // layer): vector set-up and tails cost more than they save
            SCALAR.block(transA, transB, i0, i1, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                    dot);
            return;
        }
        // beta = 0: the first k block stores instead of accumulating (no pass to clear C, no loads of C)
        boolean overwrite = beta == 0f;
        if (!overwrite) {
            scaleBlock(beta, c, cOff, ldc, i0, i1, j0, j1);
        }
        if (dot) {
            blockDot(i0, i1, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, !overwrite);
            return;
        }
        packed(transA, transB, i0, i1, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, !overwrite);
    }

    /**
     * The broadcast path (A · B, Aᵀ · B, Aᵀ · Bᵀ): k is cut into blocks of at most {@value #KC} of equal depth;
     * per k block, B is packed in blocks of {@value #NC} columns as (kc × 2L) panels (the last one zero-padded,
     * (kc × L) when it has at most L columns) and A in blocks of {@value #MC} rows as (kc × 8) tiles (then 4, 2,
     * 1 rows), each contiguous, so that the micro-kernels read both with unit stride and the JIT removes their
     * bounds checks. Every element of C is the same sum in the same order whatever the block and thread split.
     */
    private static void packed(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float[] c, int cOff, int ldc, boolean load) {
        float[][] packs = PACKS.get();
        float[] ap = packs[0];
        float[] bp = packs[1];
        float[] tile = packs[2];
        int rows = i1 - i0;
        int w = j1 - j0;
        // a packed tile of A costs one copy of its values and saves address arithmetic on every panel of B it
        // meets: below PACK_A_PANELS panels the kernels broadcast from A in place
        boolean packA = ceilDiv(w, 2 * L) >= PACK_A_PANELS;
        int ars = transA ? 1 : lda;
        int acs = transA ? lda : 1;
        float[] at = packA ? ap : a;
        int kBlocks = ceilDiv(k, KC);
        for (int kb = 0; kb < kBlocks; kb++) {
            int p0 = (int) ((long) k * kb / kBlocks);
            int kc = (int) ((long) k * (kb + 1) / kBlocks) - p0;
            boolean accumulate = load || kb > 0;
            boolean oneRowBlock = rows <= MC;
            if (packA && oneRowBlock) {
                packA(transA, a, aOff, lda, i0, rows, p0, kc, ap);
            }
            for (int jc = 0; jc < w; jc += NC) {
                int nc = Math.min(NC, w - jc);
                packB(transB, b, bOff, ldb, p0, kc, j0 + jc, nc, bp);
                for (int ic = 0; ic < rows; ic += MC) {
                    int mc = Math.min(MC, rows - ic);
                    if (packA && !oneRowBlock) {
                        packA(transA, a, aOff, lda, i0 + ic, mc, p0, kc, ap);
                    }
                    // row tile by row tile across all panels of the block: C is written in 8 row streams (not
                    // 64 as panel by panel), which measured faster when C and B do not fit in L2
                    int full = nc / (2 * L) * (2 * L);
                    int cols = nc - full;
                    int i = 0;
                    int ao = 0;
                    while (i < mc) {
                        int r = tileRows(mc - i);
                        int aTile = packA ? ao : aOff + (i0 + ic + i) * ars + p0 * acs;
                        int cTile = cOff + (i0 + ic + i) * ldc + j0 + jc;
                        for (int jr = 0; jr < full; jr += 2 * L) {
                            kernel(r, 2, packA, at, aTile, ars, acs, bp, jr * kc, kc, c, cTile + jr, ldc, alpha,
                                    accumulate);
                        }
                        if (cols == L) {
                            kernel(r, 1, packA, at, aTile, ars, acs, bp, full * kc, kc, c, cTile + full, ldc, alpha,
                                    accumulate);
                        } else if (cols > 0) {
                            // a partial panel: through a (r × 2L) buffer holding the valid part of C, so that the
                            // kernels' full-vector loads and stores stay inside arrays and the sums are those of
                            // a full panel
                            final int tl = 2 * L;
                            if (accumulate) {
                                for (int q = 0; q < r; q++) {
                                    System.arraycopy(c, cTile + full + q * ldc, tile, q * tl, cols);
                                }
                            }
                            kernel(r, cols > L ? 2 : 1, packA, at, aTile, ars, acs, bp, full * kc, kc, tile, 0, tl,
                                    alpha, accumulate);
                            for (int q = 0; q < r; q++) {
                                System.arraycopy(tile, q * tl, c, cTile + full + q * ldc, cols);
                            }
                        }
                        i += r;
                        ao += r * kc;
                    }
                }
            }
        }
    }

    private static final int PACK_A_PANELS = 4;
    /** A · Bᵀ with fewer rows than this runs as dot products (see {@link #dotProducts}). */
    private static final int DOT_MAX_ROWS = 16;

    /** Rows of the next row tile when {@code left} rows are left: 8 (4 without AVX-512), then 4, 2, 1. */
    private static int tileRows(int left) {
        return left >= MAIN_ROWS ? MAIN_ROWS : left >= 4 ? 4 : left >= 2 ? 2 : 1;
    }

    /**
     * One micro-kernel call: C tile (r × v·L) at c[co + q·ldc] = alpha · A tile · B panel (+ C when load). The A
     * tile is packed ({@code packedA}: element (q, p) at a[ao + p·r + q]) or read in place (at
     * a[ao + q·ars + p·acs]); the B panel is packed (element (p, j) at b[bo + p·v·L + j]).
     */
    private static void kernel(int r, int v, boolean packedA, float[] a, int ao, int ars, int acs, float[] b, int bo,
                               int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        if (packedA) {
            switch (r * 2 + v) {
                case 18 -> p8x2(a, ao, b, bo, kc, c, co, ldc, alpha, load);
                case 17 -> p8x1(a, ao, b, bo, kc, c, co, ldc, alpha, load);
                case 10 -> p4x2(a, ao, b, bo, kc, c, co, ldc, alpha, load);
                case 9 -> p4x1(a, ao, b, bo, kc, c, co, ldc, alpha, load);
                case 6 -> p2x2(a, ao, b, bo, kc, c, co, ldc, alpha, load);
                case 5 -> p2x1(a, ao, b, bo, kc, c, co, ldc, alpha, load);
                case 4 -> p1x2(a, ao, b, bo, kc, c, co, ldc, alpha, load);
                default -> p1x1(a, ao, b, bo, kc, c, co, ldc, alpha, load);
            }
        } else {
            switch (r * 2 + v) {
                case 18 -> s8x2(a, ao, ars, acs, b, bo, kc, c, co, ldc, alpha, load);
                case 17 -> s8x1(a, ao, ars, acs, b, bo, kc, c, co, ldc, alpha, load);
                case 10 -> s4x2(a, ao, ars, acs, b, bo, kc, c, co, ldc, alpha, load);
                case 9 -> s4x1(a, ao, ars, acs, b, bo, kc, c, co, ldc, alpha, load);
                case 6 -> s2x2(a, ao, ars, acs, b, bo, kc, c, co, ldc, alpha, load);
                case 5 -> s2x1(a, ao, ars, acs, b, bo, kc, c, co, ldc, alpha, load);
                case 4 -> s1x2(a, ao, ars, acs, b, bo, kc, c, co, ldc, alpha, load);
                default -> s1x1(a, ao, ars, acs, b, bo, kc, c, co, ldc, alpha, load);
            }
        }
    }

    /**
     * Packs rows i0..i0+mc, columns p0..p0+kc of op(A) as consecutive tiles: (kc × 8) tiles while 8 rows are left
     * (4 without AVX-512), then one each of 4, 2 and 1 rows as needed; element (r, p) of a tile of R rows at
     * offset o sits at {@code o + p·R + r}.
     */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
                              float[] ap) {
        int i = 0;
        int o = 0;
        while (i < mc) {
            int r = tileRows(mc - i);
            if (transA) {
                // op(A)(i, p) = a[p * lda + i]: r contiguous values per p
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + i0 + i;
                    int dst = o + p * r;
                    for (int q = 0; q < r; q++) {
                        ap[dst + q] = a[src + q];
                    }
                }
            } else {
                for (int q = 0; q < r; q++) {
                    int src = aOff + (i0 + i + q) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        ap[o + p * r + q] = a[src + p];
                    }
                }
            }
            o += r * kc;
            i += r;
        }
    }

    /**
     * Packs rows p0..p0+kc, columns j0..j0+nc of op(B) as (kc × 2L) panels, one after the other; element (p, q)
     * of the panel at column jr sits at {@code jr·kc + p·2L + q}. A last panel of at most L columns is
     * (kc × L); padding columns are 0.
     */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                              float[] bp) {
        int full = nc / (2 * L) * (2 * L);
        if (!transB) {
            // row by row of B: one contiguous read stream, one write stream per panel
            for (int p = 0; p < kc; p++) {
                int src = bOff + (p0 + p) * ldb + j0;
                int dst = p * 2 * L;
                for (int jr = 0; jr < full; jr += 2 * L) {
                    FloatVector.fromArray(S, b, src + jr).intoArray(bp, dst + jr * kc);
                    FloatVector.fromArray(S, b, src + jr + L).intoArray(bp, dst + jr * kc + L);
                }
            }
        }
        for (int jr = (!transB) ? full : 0; jr < nc; jr += 2 * L) {
            int cols = Math.min(2 * L, nc - jr);
            int width = cols > L ? 2 * L : L;
            int o = jr * kc;
            if (transB) {
                // op(B)(p, j) = b[j * ldb + p]: each stored row is one column of the panel
                if (cols < width) {
                    java.util.Arrays.fill(bp, o, o + kc * width, 0f);
                }
                for (int q = 0; q < cols; q++) {
                    int src = bOff + (j0 + jr + q) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        bp[o + p * width + q] = b[src + p];
                    }
                }
            } else if (cols == 2 * L) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr;
                    FloatVector.fromArray(S, b, src).intoArray(bp, o + p * 2 * L);
                    FloatVector.fromArray(S, b, src + L).intoArray(bp, o + p * 2 * L + L);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int dst = o + p * width;
                    System.arraycopy(b, bOff + (p0 + p) * ldb + j0 + jr, bp, dst, cols);
                    java.util.Arrays.fill(bp, dst + cols, dst + width, 0f);
                }
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
        int tail = p;
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
        // the last values of k, when the masked loads could not run, go into the lanes the masked FMA adds them to
        for (; p < k; p++) {
            int q = p - tail;
            red[0 * L + q] = Math.fma(a[ao + 0 * lda + p], b[bo + 0 * ldb + p], red[0 * L + q]);
            red[1 * L + q] = Math.fma(a[ao + 0 * lda + p], b[bo + 1 * ldb + p], red[1 * L + q]);
            red[2 * L + q] = Math.fma(a[ao + 1 * lda + p], b[bo + 0 * ldb + p], red[2 * L + q]);
            red[3 * L + q] = Math.fma(a[ao + 1 * lda + p], b[bo + 1 * ldb + p], red[3 * L + q]);
            red[4 * L + q] = Math.fma(a[ao + 2 * lda + p], b[bo + 0 * ldb + p], red[4 * L + q]);
            red[5 * L + q] = Math.fma(a[ao + 2 * lda + p], b[bo + 1 * ldb + p], red[5 * L + q]);
            red[6 * L + q] = Math.fma(a[ao + 3 * lda + p], b[bo + 0 * ldb + p], red[6 * L + q]);
            red[7 * L + q] = Math.fma(a[ao + 3 * lda + p], b[bo + 1 * ldb + p], red[7 * L + q]);
        }
        float t00 = lanes(red, 0 * L);
        float t01 = lanes(red, 1 * L);
        float t10 = lanes(red, 2 * L);
        float t11 = lanes(red, 3 * L);
        float t20 = lanes(red, 4 * L);
        float t21 = lanes(red, 5 * L);
        float t30 = lanes(red, 6 * L);
        float t31 = lanes(red, 7 * L);
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
        int tail = p;
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
        // the last values of k, when the masked loads could not run, go into the lanes the masked FMA adds them to
        for (; p < k; p++) {
            int q = p - tail;
            red[0 * L + q] = Math.fma(a[ao + 0 * lda + p], b[bo + 0 * ldb + p], red[0 * L + q]);
            red[1 * L + q] = Math.fma(a[ao + 0 * lda + p], b[bo + 1 * ldb + p], red[1 * L + q]);
        }
        float t00 = lanes(red, 0 * L);
        float t01 = lanes(red, 1 * L);
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
        int tail = p;
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
        // the last values of k, when the masked loads could not run, go into the lanes the masked FMA adds them to
        for (; p < k; p++) {
            int q = p - tail;
            red[0 * L + q] = Math.fma(a[ao + 0 * lda + p], b[bo + 0 * ldb + p], red[0 * L + q]);
            red[1 * L + q] = Math.fma(a[ao + 1 * lda + p], b[bo + 0 * ldb + p], red[1 * L + q]);
            red[2 * L + q] = Math.fma(a[ao + 2 * lda + p], b[bo + 0 * ldb + p], red[2 * L + q]);
            red[3 * L + q] = Math.fma(a[ao + 3 * lda + p], b[bo + 0 * ldb + p], red[3 * L + q]);
        }
        float t00 = lanes(red, 0 * L);
        float t10 = lanes(red, 1 * L);
        float t20 = lanes(red, 2 * L);
        float t30 = lanes(red, 3 * L);
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
        int tail = p;
        if (p < k && ao + 0 * lda + p + L <= a.length && bo + 0 * ldb + p + L <= b.length) {
            // masked loads are fast only while the whole vector lies inside the array
            VectorMask<Float> m = S.indexInRange(p, k);
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * ldb + p, m);
            FloatVector a0 = FloatVector.fromArray(S, a, ao + 0 * lda + p, m);
            s00 = a0.fma(b0, s00);
            p = k;
        }
        s00.intoArray(red, 0 * L);
        // the last values of k, when the masked loads could not run, go into the lanes the masked FMA adds them to
        for (; p < k; p++) {
            int q = p - tail;
            red[0 * L + q] = Math.fma(a[ao + 0 * lda + p], b[bo + 0 * ldb + p], red[0 * L + q]);
        }
        float t00 = lanes(red, 0 * L);
        store(c, co + 0 * ldc + 0, alpha * t00, load);
    }

    // packed A tile (8 x kc) at a[ao + p*8 + r]; packed B panel (kc x 2L) at b[bo + p*2L];
    // C tile (8 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void p8x2(float[] a, int ao, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S); FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S); FloatVector c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + 1 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * 8]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p * 8 + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p * 8 + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p * 8 + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + p * 8 + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + p * 8 + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ao + p * 8 + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ao + p * 8 + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.fma(al, FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c11.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L)).intoArray(c, co + 1 * ldc + 1 * L);
            c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c21.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L)).intoArray(c, co + 2 * ldc + 1 * L);
            c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c31.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L)).intoArray(c, co + 3 * ldc + 1 * L);
            c40.fma(al, FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
            c41.fma(al, FloatVector.fromArray(S, c, co + 4 * ldc + 1 * L)).intoArray(c, co + 4 * ldc + 1 * L);
            c50.fma(al, FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
            c51.fma(al, FloatVector.fromArray(S, c, co + 5 * ldc + 1 * L)).intoArray(c, co + 5 * ldc + 1 * L);
            c60.fma(al, FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
            c61.fma(al, FloatVector.fromArray(S, c, co + 6 * ldc + 1 * L)).intoArray(c, co + 6 * ldc + 1 * L);
            c70.fma(al, FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
            c71.fma(al, FloatVector.fromArray(S, c, co + 7 * ldc + 1 * L)).intoArray(c, co + 7 * ldc + 1 * L);
        } else {
            c00.mul(al).intoArray(c, co);
            c01.mul(al).intoArray(c, co + 1 * L);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c11.mul(al).intoArray(c, co + 1 * ldc + 1 * L);
            c20.mul(al).intoArray(c, co + 2 * ldc);
            c21.mul(al).intoArray(c, co + 2 * ldc + 1 * L);
            c30.mul(al).intoArray(c, co + 3 * ldc);
            c31.mul(al).intoArray(c, co + 3 * ldc + 1 * L);
            c40.mul(al).intoArray(c, co + 4 * ldc);
            c41.mul(al).intoArray(c, co + 4 * ldc + 1 * L);
            c50.mul(al).intoArray(c, co + 5 * ldc);
            c51.mul(al).intoArray(c, co + 5 * ldc + 1 * L);
            c60.mul(al).intoArray(c, co + 6 * ldc);
            c61.mul(al).intoArray(c, co + 6 * ldc + 1 * L);
            c70.mul(al).intoArray(c, co + 7 * ldc);
            c71.mul(al).intoArray(c, co + 7 * ldc + 1 * L);
        }
    }

    // packed A tile (8 x kc) at a[ao + p*8 + r]; packed B panel (kc x 1L) at b[bo + p*1L];
    // C tile (8 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void p8x1(float[] a, int ao, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (L));
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * 8]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p * 8 + 1]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p * 8 + 2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p * 8 + 3]);
            c30 = a3.fma(b0, c30);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + p * 8 + 4]);
            c40 = a4.fma(b0, c40);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + p * 8 + 5]);
            c50 = a5.fma(b0, c50);
            FloatVector a6 = FloatVector.broadcast(S, a[ao + p * 8 + 6]);
            c60 = a6.fma(b0, c60);
            FloatVector a7 = FloatVector.broadcast(S, a[ao + p * 8 + 7]);
            c70 = a7.fma(b0, c70);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c40.fma(al, FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
            c50.fma(al, FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
            c60.fma(al, FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
            c70.fma(al, FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
        } else {
            c00.mul(al).intoArray(c, co);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c20.mul(al).intoArray(c, co + 2 * ldc);
            c30.mul(al).intoArray(c, co + 3 * ldc);
            c40.mul(al).intoArray(c, co + 4 * ldc);
            c50.mul(al).intoArray(c, co + 5 * ldc);
            c60.mul(al).intoArray(c, co + 6 * ldc);
            c70.mul(al).intoArray(c, co + 7 * ldc);
        }
    }

    // packed A tile (4 x kc) at a[ao + p*4 + r]; packed B panel (kc x 2L) at b[bo + p*2L];
    // C tile (4 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void p4x2(float[] a, int ao, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + 1 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * 4]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p * 4 + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p * 4 + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p * 4 + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.fma(al, FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c11.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L)).intoArray(c, co + 1 * ldc + 1 * L);
            c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c21.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L)).intoArray(c, co + 2 * ldc + 1 * L);
            c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c31.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L)).intoArray(c, co + 3 * ldc + 1 * L);
        } else {
            c00.mul(al).intoArray(c, co);
            c01.mul(al).intoArray(c, co + 1 * L);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c11.mul(al).intoArray(c, co + 1 * ldc + 1 * L);
            c20.mul(al).intoArray(c, co + 2 * ldc);
            c21.mul(al).intoArray(c, co + 2 * ldc + 1 * L);
            c30.mul(al).intoArray(c, co + 3 * ldc);
            c31.mul(al).intoArray(c, co + 3 * ldc + 1 * L);
        }
    }

    // packed A tile (4 x kc) at a[ao + p*4 + r]; packed B panel (kc x 1L) at b[bo + p*1L];
    // C tile (4 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void p4x1(float[] a, int ao, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (L));
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * 4]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p * 4 + 1]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p * 4 + 2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p * 4 + 3]);
            c30 = a3.fma(b0, c30);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
        } else {
            c00.mul(al).intoArray(c, co);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c20.mul(al).intoArray(c, co + 2 * ldc);
            c30.mul(al).intoArray(c, co + 3 * ldc);
        }
    }

    // packed A tile (2 x kc) at a[ao + p*2 + r]; packed B panel (kc x 2L) at b[bo + p*2L];
    // C tile (2 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void p2x2(float[] a, int ao, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + 1 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * 2]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p * 2 + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.fma(al, FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c11.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L)).intoArray(c, co + 1 * ldc + 1 * L);
        } else {
            c00.mul(al).intoArray(c, co);
            c01.mul(al).intoArray(c, co + 1 * L);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c11.mul(al).intoArray(c, co + 1 * ldc + 1 * L);
        }
    }

    // packed A tile (2 x kc) at a[ao + p*2 + r]; packed B panel (kc x 1L) at b[bo + p*1L];
    // C tile (2 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void p2x1(float[] a, int ao, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (L));
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * 2]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p * 2 + 1]);
            c10 = a1.fma(b0, c10);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
        } else {
            c00.mul(al).intoArray(c, co);
            c10.mul(al).intoArray(c, co + 1 * ldc);
        }
    }

    // packed A tile (1 x kc) at a[ao + p*1 + r]; packed B panel (kc x 2L) at b[bo + p*2L];
    // C tile (1 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void p1x2(float[] a, int ao, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + 1 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * 1]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.fma(al, FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
        } else {
            c00.mul(al).intoArray(c, co);
            c01.mul(al).intoArray(c, co + 1 * L);
        }
    }

    // packed A tile (1 x kc) at a[ao + p*1 + r]; packed B panel (kc x 1L) at b[bo + p*1L];
    // C tile (1 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void p1x1(float[] a, int ao, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (L));
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * 1]);
            c00 = a0.fma(b0, c00);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        } else {
            c00.mul(al).intoArray(c, co);
        }
    }

    // op(A) tile (8 x kc) in place: element (r, p) at a[ao + r*ars + p*acs]; packed B panel (kc x 2L) at
    // b[bo + p*2L]; C tile (8 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void s8x2(float[] a, int ao, int ars, int acs, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S); FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S); FloatVector c71 = FloatVector.zero(S);
        final int r2 = 2 * ars;
        final int r3 = 3 * ars;
        final int r4 = 4 * ars;
        final int r5 = 5 * ars;
        final int r6 = 6 * ars;
        final int r7 = 7 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + 1 * L);
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
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.fma(al, FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c11.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L)).intoArray(c, co + 1 * ldc + 1 * L);
            c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c21.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L)).intoArray(c, co + 2 * ldc + 1 * L);
            c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c31.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L)).intoArray(c, co + 3 * ldc + 1 * L);
            c40.fma(al, FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
            c41.fma(al, FloatVector.fromArray(S, c, co + 4 * ldc + 1 * L)).intoArray(c, co + 4 * ldc + 1 * L);
            c50.fma(al, FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
            c51.fma(al, FloatVector.fromArray(S, c, co + 5 * ldc + 1 * L)).intoArray(c, co + 5 * ldc + 1 * L);
            c60.fma(al, FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
            c61.fma(al, FloatVector.fromArray(S, c, co + 6 * ldc + 1 * L)).intoArray(c, co + 6 * ldc + 1 * L);
            c70.fma(al, FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
            c71.fma(al, FloatVector.fromArray(S, c, co + 7 * ldc + 1 * L)).intoArray(c, co + 7 * ldc + 1 * L);
        } else {
            c00.mul(al).intoArray(c, co);
            c01.mul(al).intoArray(c, co + 1 * L);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c11.mul(al).intoArray(c, co + 1 * ldc + 1 * L);
            c20.mul(al).intoArray(c, co + 2 * ldc);
            c21.mul(al).intoArray(c, co + 2 * ldc + 1 * L);
            c30.mul(al).intoArray(c, co + 3 * ldc);
            c31.mul(al).intoArray(c, co + 3 * ldc + 1 * L);
            c40.mul(al).intoArray(c, co + 4 * ldc);
            c41.mul(al).intoArray(c, co + 4 * ldc + 1 * L);
            c50.mul(al).intoArray(c, co + 5 * ldc);
            c51.mul(al).intoArray(c, co + 5 * ldc + 1 * L);
            c60.mul(al).intoArray(c, co + 6 * ldc);
            c61.mul(al).intoArray(c, co + 6 * ldc + 1 * L);
            c70.mul(al).intoArray(c, co + 7 * ldc);
            c71.mul(al).intoArray(c, co + 7 * ldc + 1 * L);
        }
    }

    // op(A) tile (8 x kc) in place: element (r, p) at a[ao + r*ars + p*acs]; packed B panel (kc x 1L) at
    // b[bo + p*1L]; C tile (8 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void s8x1(float[] a, int ao, int ars, int acs, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        final int r2 = 2 * ars;
        final int r3 = 3 * ars;
        final int r4 = 4 * ars;
        final int r5 = 5 * ars;
        final int r6 = 6 * ars;
        final int r7 = 7 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (L));
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = a3.fma(b0, c30);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + r4]);
            c40 = a4.fma(b0, c40);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + r5]);
            c50 = a5.fma(b0, c50);
            FloatVector a6 = FloatVector.broadcast(S, a[ao + r6]);
            c60 = a6.fma(b0, c60);
            FloatVector a7 = FloatVector.broadcast(S, a[ao + r7]);
            c70 = a7.fma(b0, c70);
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c40.fma(al, FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
            c50.fma(al, FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
            c60.fma(al, FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
            c70.fma(al, FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
        } else {
            c00.mul(al).intoArray(c, co);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c20.mul(al).intoArray(c, co + 2 * ldc);
            c30.mul(al).intoArray(c, co + 3 * ldc);
            c40.mul(al).intoArray(c, co + 4 * ldc);
            c50.mul(al).intoArray(c, co + 5 * ldc);
            c60.mul(al).intoArray(c, co + 6 * ldc);
            c70.mul(al).intoArray(c, co + 7 * ldc);
        }
    }

    // op(A) tile (4 x kc) in place: element (r, p) at a[ao + r*ars + p*acs]; packed B panel (kc x 2L) at
    // b[bo + p*2L]; C tile (4 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void s4x2(float[] a, int ao, int ars, int acs, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        final int r2 = 2 * ars;
        final int r3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + 1 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.fma(al, FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c11.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L)).intoArray(c, co + 1 * ldc + 1 * L);
            c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c21.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L)).intoArray(c, co + 2 * ldc + 1 * L);
            c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c31.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L)).intoArray(c, co + 3 * ldc + 1 * L);
        } else {
            c00.mul(al).intoArray(c, co);
            c01.mul(al).intoArray(c, co + 1 * L);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c11.mul(al).intoArray(c, co + 1 * ldc + 1 * L);
            c20.mul(al).intoArray(c, co + 2 * ldc);
            c21.mul(al).intoArray(c, co + 2 * ldc + 1 * L);
            c30.mul(al).intoArray(c, co + 3 * ldc);
            c31.mul(al).intoArray(c, co + 3 * ldc + 1 * L);
        }
    }

    // op(A) tile (4 x kc) in place: element (r, p) at a[ao + r*ars + p*acs]; packed B panel (kc x 1L) at
    // b[bo + p*1L]; C tile (4 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void s4x1(float[] a, int ao, int ars, int acs, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        final int r2 = 2 * ars;
        final int r3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (L));
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = a3.fma(b0, c30);
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
        } else {
            c00.mul(al).intoArray(c, co);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c20.mul(al).intoArray(c, co + 2 * ldc);
            c30.mul(al).intoArray(c, co + 3 * ldc);
        }
    }

    // op(A) tile (2 x kc) in place: element (r, p) at a[ao + r*ars + p*acs]; packed B panel (kc x 2L) at
    // b[bo + p*2L]; C tile (2 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void s2x2(float[] a, int ao, int ars, int acs, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + 1 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.fma(al, FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
            c11.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L)).intoArray(c, co + 1 * ldc + 1 * L);
        } else {
            c00.mul(al).intoArray(c, co);
            c01.mul(al).intoArray(c, co + 1 * L);
            c10.mul(al).intoArray(c, co + 1 * ldc);
            c11.mul(al).intoArray(c, co + 1 * ldc + 1 * L);
        }
    }

    // op(A) tile (2 x kc) in place: element (r, p) at a[ao + r*ars + p*acs]; packed B panel (kc x 1L) at
    // b[bo + p*1L]; C tile (2 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void s2x1(float[] a, int ao, int ars, int acs, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (L));
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + ars]);
            c10 = a1.fma(b0, c10);
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c10.fma(al, FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
        } else {
            c00.mul(al).intoArray(c, co);
            c10.mul(al).intoArray(c, co + 1 * ldc);
        }
    }

    // op(A) tile (1 x kc) in place: element (r, p) at a[ao + r*ars + p*acs]; packed B panel (kc x 2L) at
    // b[bo + p*2L]; C tile (1 x 2L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void s1x2(float[] a, int ao, int ars, int acs, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + 1 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.fma(al, FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
        } else {
            c00.mul(al).intoArray(c, co);
            c01.mul(al).intoArray(c, co + 1 * L);
        }
    }

    // op(A) tile (1 x kc) in place: element (r, p) at a[ao + r*ars + p*acs]; packed B panel (kc x 1L) at
    // b[bo + p*1L]; C tile (1 x 1L) at c[co + r*ldc] = alpha * A·B (+ C when load)
    private static void s1x1(float[] a, int ao, int ars, int acs, float[] b, int bo, int kc, float[] c, int co, int ldc, float alpha, boolean load) {
        FloatVector c00 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (L));
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            ao += acs;
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (load) {
            c00.fma(al, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        } else {
            c00.mul(al).intoArray(c, co);
        }
    }
}
