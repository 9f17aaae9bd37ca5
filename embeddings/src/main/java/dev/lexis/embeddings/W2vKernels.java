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

    private static final class Simd {
        static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
        static final int L = S.length();
        /** Sum of the lanes in a fixed order (see {@link VectorLanes}): single-threaded training is reproducible. */
        static float hsum(FloatVector v) {
            return VectorLanes.sum(v);
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
