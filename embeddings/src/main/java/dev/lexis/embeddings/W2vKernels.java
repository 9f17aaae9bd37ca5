package dev.lexis.embeddings;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The word2vec hot loops, written as small matrix products so that one window's work shares loads (the
 * batched idea of Ji et al. 2016, "Parallelizing Word2Vec in Shared and Distributed Memory"): rows have a
 * stride {@code n} that is a multiple of {@link VecMath#LANES} (zero-padded), so every loop runs whole vectors.
 * Each method picks the Vector API or a scalar loop once ({@link VecMath#VECTOR}, a constant to the JIT).
 */
final class W2vKernels {

    private W2vKernels() {
    }

    /**
     * out[i] = a[offs[i] .. +n] · b[bOff .. +n] for i &lt; count.
     */
    static void dots(float[] a, int[] offs, int count, float[] b, int bOff, int n, float[] out) {
        if (VecMath.VECTOR) {
            Simd.dots(a, offs, count, b, bOff, n, out);
            return;
        }
        for (int i = 0; i < count; i++) {
            out[i] = VecMath.scalarDot(a, offs[i], b, bOff, n);
        }
    }

    /**
     * Skip-gram update for one output row o = out[oOff .. +n] shared by k context rows h_j = src[offs[j] .. +n]:
     * e_j += g[j] · o (e_j = e[j*n .. +n], the contexts' error sums) and o += Σ_j g[j] · h_j, with the old o.
     */
    static void sharedRowUpdate(float[] src, int[] offs, int k, float[] g, float[] e, float[] out, int oOff, int n) {
        if (VecMath.VECTOR) {
            Simd.sharedRowUpdate(src, offs, k, g, e, out, oOff, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            float o = out[oOff + i];
            float acc = o;
            for (int j = 0; j < k; j++) {
                e[j * n + i] += g[j] * o;
                acc += g[j] * src[offs[j] + i];
            }
            out[oOff + i] = acc;
        }
    }

    /**
     * CBOW update with the hidden vector h = hid[0 .. n]: for the m output rows o_t = out[toffs[t] .. +n]:
     * e += g[t] · o_t (old o_t) and o_t += g[t] · h.
     */
    static void sharedHiddenUpdate(float[] hid, float[] e, float[] out, int[] toffs, int m, float[] g, int n) {
        if (VecMath.VECTOR) {
            Simd.sharedHiddenUpdate(hid, e, out, toffs, m, g, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            float h = hid[i];
            float acc = e[i];
            for (int t = 0; t < m; t++) {
                int at = toffs[t] + i;
                float o = out[at];
                acc += g[t] * o;
                out[at] = o + g[t] * h;
            }
            e[i] = acc;
        }
    }

    /**
     * Two output rows at once: out1[i] = a_i · b[b1 ..], out2[i] = a_i · b[b2 ..] for the rows a_i = a[offs[i] ..],
     * i &lt; count (each context row is loaded once for both).
     */
    static void dots2(float[] a, int[] offs, int count, float[] b, int b1, int b2, int n, float[] out1, float[] out2) {
        if (VecMath.VECTOR) {
            Simd.dots2(a, offs, count, b, b1, b2, n, out1, out2);
            return;
        }
        for (int i = 0; i < count; i++) {
            out1[i] = VecMath.scalarDot(a, offs[i], b, b1, n);
            out2[i] = VecMath.scalarDot(a, offs[i], b, b2, n);
        }
    }

    /**
     * {@link #sharedRowUpdate} for two distinct output rows o1 = out[o1Off ..], o2 = out[o2Off ..] at once:
     * e_j += g1[j] · o1 + g2[j] · o2, o1 += Σ_j g1[j] · h_j, o2 += Σ_j g2[j] · h_j (old values on the right).
     */
    static void sharedRowUpdate2(float[] src, int[] offs, int k, float[] g1, float[] g2, float[] e, float[] out,
                                 int o1Off, int o2Off, int n) {
        if (VecMath.VECTOR) {
            Simd.sharedRowUpdate2(src, offs, k, g1, g2, e, out, o1Off, o2Off, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            float o1 = out[o1Off + i];
            float o2 = out[o2Off + i];
            float acc1 = o1;
            float acc2 = o2;
            for (int j = 0; j < k; j++) {
                e[j * n + i] += g1[j] * o1 + g2[j] * o2;
                float h = src[offs[j] + i];
                acc1 += g1[j] * h;
                acc2 += g2[j] * h;
            }
            out[o1Off + i] = acc1;
            out[o2Off + i] = acc2;
        }
    }

    /** y[yOff ..] += x[xOff ..] over n. */
    static void add(float[] x, int xOff, float[] y, int yOff, int n) {
        if (VecMath.VECTOR) {
            Simd.add(x, xOff, y, yOff, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    /** hid[0 .. n] = scale · Σ_j src[offs[j] .. +n]. */
    static void sumRows(float[] src, int[] offs, int k, float scale, float[] hid, int n) {
        if (VecMath.VECTOR) {
            Simd.sumRows(src, offs, k, scale, hid, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (int j = 0; j < k; j++) {
                s += src[offs[j] + i];
            }
            hid[i] = s * scale;
        }
    }

    private static final class Simd {
        static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
        static final int L = S.length();
        /** Shuffles for a fixed-order tree sum: lane i + L/2, i + L/4, ..., i + 1. */
        @SuppressWarnings("unchecked")
        static final VectorShuffle<Float>[] FOLD = new VectorShuffle[Integer.numberOfTrailingZeros(L)];

        static {
            for (int i = 0, s = L / 2; s >= 1; s /= 2, i++) {
                final int step = s;
                FOLD[i] = VectorShuffle.fromOp(S, lane -> (lane + step) & (L - 1));
            }
        }

        /**
         * Sum of the lanes in a fixed order. {@code reduceLanes(ADD)} leaves the order open, and the JIT's and the
         * interpreter's orders differ, which would make single-threaded training depend on compilation timing.
         */
        static float hsum(FloatVector v) {
            FloatVector x = v;
            for (VectorShuffle<Float> f : FOLD) {
                x = x.add(x.rearrange(f));
            }
            return x.lane(0);
        }

        static void dots(float[] a, int[] offs, int count, float[] b, int bOff, int n, float[] out) {
            int i = 0;
            for (; i + 3 < count; i += 4) {
                int o0 = offs[i];
                int o1 = offs[i + 1];
                int o2 = offs[i + 2];
                int o3 = offs[i + 3];
                FloatVector s0 = FloatVector.zero(S);
                FloatVector s1 = FloatVector.zero(S);
                FloatVector s2 = FloatVector.zero(S);
                FloatVector s3 = FloatVector.zero(S);
                for (int c = 0; c < n; c += L) {
                    FloatVector bv = FloatVector.fromArray(S, b, bOff + c);
                    s0 = FloatVector.fromArray(S, a, o0 + c).fma(bv, s0);
                    s1 = FloatVector.fromArray(S, a, o1 + c).fma(bv, s1);
                    s2 = FloatVector.fromArray(S, a, o2 + c).fma(bv, s2);
                    s3 = FloatVector.fromArray(S, a, o3 + c).fma(bv, s3);
                }
                out[i] = hsum(s0);
                out[i + 1] = hsum(s1);
                out[i + 2] = hsum(s2);
                out[i + 3] = hsum(s3);
            }
            if (i + 1 < count) {
                int o0 = offs[i];
                int o1 = offs[i + 1];
                FloatVector s0 = FloatVector.zero(S);
                FloatVector s1 = FloatVector.zero(S);
                for (int c = 0; c < n; c += L) {
                    FloatVector bv = FloatVector.fromArray(S, b, bOff + c);
                    s0 = FloatVector.fromArray(S, a, o0 + c).fma(bv, s0);
                    s1 = FloatVector.fromArray(S, a, o1 + c).fma(bv, s1);
                }
                out[i] = hsum(s0);
                out[i + 1] = hsum(s1);
                i += 2;
            }
            if (i < count) {
                int o0 = offs[i];
                FloatVector s0 = FloatVector.zero(S);
                FloatVector s1 = FloatVector.zero(S);
                int c = 0;
                for (; c + L < n; c += 2 * L) {
                    s0 = FloatVector.fromArray(S, a, o0 + c).fma(FloatVector.fromArray(S, b, bOff + c), s0);
                    s1 = FloatVector.fromArray(S, a, o0 + c + L).fma(FloatVector.fromArray(S, b, bOff + c + L), s1);
                }
                if (c < n) {
                    s0 = FloatVector.fromArray(S, a, o0 + c).fma(FloatVector.fromArray(S, b, bOff + c), s0);
                }
                out[i] = hsum(s0.add(s1));
            }
        }

        static void dots2(float[] a, int[] offs, int count, float[] b, int b1, int b2, int n, float[] out1,
                          float[] out2) {
            int i = 0;
            for (; i + 1 < count; i += 2) {
                int o0 = offs[i];
                int o1 = offs[i + 1];
                FloatVector s00 = FloatVector.zero(S);
                FloatVector s01 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S);
                FloatVector s11 = FloatVector.zero(S);
                for (int c = 0; c < n; c += L) {
                    FloatVector x = FloatVector.fromArray(S, b, b1 + c);
                    FloatVector y = FloatVector.fromArray(S, b, b2 + c);
                    FloatVector h0 = FloatVector.fromArray(S, a, o0 + c);
                    FloatVector h1 = FloatVector.fromArray(S, a, o1 + c);
                    s00 = h0.fma(x, s00);
                    s01 = h0.fma(y, s01);
                    s10 = h1.fma(x, s10);
                    s11 = h1.fma(y, s11);
                }
                out1[i] = hsum(s00);
                out2[i] = hsum(s01);
                out1[i + 1] = hsum(s10);
                out2[i + 1] = hsum(s11);
            }
            if (i < count) {
                int o0 = offs[i];
                FloatVector s00 = FloatVector.zero(S);
                FloatVector s01 = FloatVector.zero(S);
                for (int c = 0; c < n; c += L) {
                    FloatVector h0 = FloatVector.fromArray(S, a, o0 + c);
                    s00 = h0.fma(FloatVector.fromArray(S, b, b1 + c), s00);
                    s01 = h0.fma(FloatVector.fromArray(S, b, b2 + c), s01);
                }
                out1[i] = hsum(s00);
                out2[i] = hsum(s01);
            }
        }

        static void sharedRowUpdate2(float[] src, int[] offs, int k, float[] g1, float[] g2, float[] e, float[] out,
                                     int o1Off, int o2Off, int n) {
            for (int c = 0; c < n; c += L) {
                FloatVector o1 = FloatVector.fromArray(S, out, o1Off + c);
                FloatVector o2 = FloatVector.fromArray(S, out, o2Off + c);
                FloatVector acc1 = o1;
                FloatVector acc2 = o2;
                for (int j = 0; j < k; j++) {
                    FloatVector a1 = FloatVector.broadcast(S, g1[j]);
                    FloatVector a2 = FloatVector.broadcast(S, g2[j]);
                    int eo = j * n + c;
                    o2.fma(a2, o1.fma(a1, FloatVector.fromArray(S, e, eo))).intoArray(e, eo);
                    FloatVector h = FloatVector.fromArray(S, src, offs[j] + c);
                    acc1 = h.fma(a1, acc1);
                    acc2 = h.fma(a2, acc2);
                }
                acc1.intoArray(out, o1Off + c);
                acc2.intoArray(out, o2Off + c);
            }
        }

        static void sharedRowUpdate(float[] src, int[] offs, int k, float[] g, float[] e, float[] out, int oOff,
                                    int n) {
            for (int c = 0; c < n; c += L) {
                FloatVector o = FloatVector.fromArray(S, out, oOff + c);
                FloatVector acc = o;
                for (int j = 0; j < k; j++) {
                    FloatVector gj = FloatVector.broadcast(S, g[j]);
                    int eo = j * n + c;
                    o.fma(gj, FloatVector.fromArray(S, e, eo)).intoArray(e, eo);
                    acc = FloatVector.fromArray(S, src, offs[j] + c).fma(gj, acc);
                }
                acc.intoArray(out, oOff + c);
            }
        }

        static void sharedHiddenUpdate(float[] hid, float[] e, float[] out, int[] toffs, int m, float[] g, int n) {
            for (int c = 0; c < n; c += L) {
                FloatVector h = FloatVector.fromArray(S, hid, c);
                FloatVector acc = FloatVector.fromArray(S, e, c);
                for (int t = 0; t < m; t++) {
                    FloatVector gt = FloatVector.broadcast(S, g[t]);
                    int at = toffs[t] + c;
                    FloatVector o = FloatVector.fromArray(S, out, at);
                    acc = o.fma(gt, acc);
                    h.fma(gt, o).intoArray(out, at);
                }
                acc.intoArray(e, c);
            }
        }

        static void add(float[] x, int xOff, float[] y, int yOff, int n) {
            for (int c = 0; c < n; c += L) {
                FloatVector.fromArray(S, x, xOff + c).add(FloatVector.fromArray(S, y, yOff + c)).intoArray(y, yOff + c);
            }
        }

        static void sumRows(float[] src, int[] offs, int k, float scale, float[] hid, int n) {
            for (int c = 0; c < n; c += L) {
                FloatVector s = FloatVector.zero(S);
                for (int j = 0; j < k; j++) {
                    s = s.add(FloatVector.fromArray(S, src, offs[j] + c));
                }
                s.mul(scale).intoArray(hid, c);
            }
        }
    }
}
