package dev.lexis.embeddings;

import dev.lexis.nn.kernel.VectorLanes;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The word2vec hot loops, written as small matrix products so that the output rows of one hidden vector share
 * its loads: rows have a stride {@code n} that is a multiple of {@link VecMath#LANES} (zero-padded), so every
 * loop runs whole vectors.
 * Each method picks the Vector API or a scalar loop once ({@link VecMath#VECTOR}, a constant to the JIT).
 */
final class W2vKernels {

    private W2vKernels() {
    }

    /** Length of the scratch array {@link #dots} needs. */
    static final int DOTS_SCRATCH = 4 * VecMath.LANES;

    /**
     * out[i] = a[offs[i] .. +n] · b[bOff .. +n] for i &lt; count.
     *
     * @param tmp scratch of {@link #DOTS_SCRATCH} floats (the caller's own: the lanes are summed from it)
     */
    static void dots(float[] a, int[] offs, int count, float[] b, int bOff, int n, float[] out, float[] tmp) {
        if (VecMath.VECTOR) {
            Simd.dots(a, offs, count, b, bOff, n, out, tmp);
            return;
        }
        for (int i = 0; i < count; i++) {
            out[i] = VecMath.scalarDot(a, offs[i], b, bOff, n);
        }
    }

    /**
     * Update for one hidden vector h = hid[0 .. n] (CBOW's context mean, or one Skip-gram context row) and its m
     * output rows o_t = out[toffs[t] .. +n]:
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

    /**
     * hid[0 .. n] = scale · Σ_j w[j] · src[offs[j] .. +n] (subwords: the rows of several words, each weighted by
     * 1 / its number of rows). With every weight 1 the result equals {@link #sumRows} bit for bit (x · 1 is exact).
     */
    static void weightedSumRows(float[] src, int[] offs, float[] w, int k, float scale, float[] hid, int n) {
        if (VecMath.VECTOR) {
            Simd.weightedSumRows(src, offs, w, k, scale, hid, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (int j = 0; j < k; j++) {
                s += w[j] * src[offs[j] + i];
            }
            hid[i] = s * scale;
        }
    }

    private static final class Simd {
        static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
        static final int L = S.length();
        /**
         * Sum of the lanes tmp[o .. o + L) in a fixed order ({@link VectorLanes#sumStored}), so that single-threaded
         * training is reproducible whether the JIT has compiled the vector code or not. The accumulators are stored
         * to the caller's scratch array and summed from there: a vector passed to a method the JIT does not inline
         * is boxed, and that once allocated ~400 MB/s in the training threads.
         */
        static float lanes(float[] tmp, int o) {
            return VectorLanes.sumStored(tmp, o);
        }

        static void dots(float[] a, int[] offs, int count, float[] b, int bOff, int n, float[] out, float[] tmp) {
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
                s0.intoArray(tmp, 0);
                s1.intoArray(tmp, L);
                s2.intoArray(tmp, 2 * L);
                s3.intoArray(tmp, 3 * L);
                out[i] = lanes(tmp, 0);
                out[i + 1] = lanes(tmp, L);
                out[i + 2] = lanes(tmp, 2 * L);
                out[i + 3] = lanes(tmp, 3 * L);
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
                s0.intoArray(tmp, 0);
                s1.intoArray(tmp, L);
                out[i] = lanes(tmp, 0);
                out[i + 1] = lanes(tmp, L);
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
                s0.add(s1).intoArray(tmp, 0);
                out[i] = lanes(tmp, 0);
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

        static void weightedSumRows(float[] src, int[] offs, float[] w, int k, float scale, float[] hid, int n) {
            for (int c = 0; c < n; c += L) {
                FloatVector s = FloatVector.zero(S);
                for (int j = 0; j < k; j++) {
                    s = FloatVector.fromArray(S, src, offs[j] + c).fma(FloatVector.broadcast(S, w[j]), s);
                }
                s.mul(scale).intoArray(hid, c);
            }
        }
    }
}
