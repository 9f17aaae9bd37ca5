package dev.lexis.lm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import dev.lexis.nn.kernel.Kernels;
import dev.lexis.nn.kernel.VectorLanes;

/**
 * {@link OutputKernel} on the JDK's Vector API: register tiles of 4 rows × 4 vectors, all FMAs along the
 * vocabulary dimension, the backward pass in chunks of 1024 words so that a chunk of the weights is still in
 * the L2 cache when it is updated right after its use in dz.
 */
final class VectorOutputKernel implements OutputKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int CHUNK = Math.max(4 * L, 1024 / (4 * L) * (4 * L));
    private static final Kernels NN = Kernels.get();

    @Override
    public String name() {
        return "vector (FloatVector, " + S.vectorBitSize() + " bits)";
    }

    @Override
    public int kAlign() {
        return 4;
    }

    @Override
    public int vAlign() {
        return 4 * L;
    }

    // z (rows × kp), ut (kp × vp), b (vp), y (rows × vp)
    @Override
    public void scores(float[] z, int rows, int kp, float[] ut, float[] b, int vp, float[] y) {
        for (int v = 0; v < vp; v += 4 * L) {
            FloatVector b0 = FloatVector.fromArray(S, b, v);
            FloatVector b1 = FloatVector.fromArray(S, b, v + L);
            FloatVector b2 = FloatVector.fromArray(S, b, v + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, v + 3 * L);
            int i = 0;
            for (; i + 4 <= rows; i += 4) {
                FloatVector a00 = b0, a01 = b1, a02 = b2, a03 = b3;
                FloatVector a10 = b0, a11 = b1, a12 = b2, a13 = b3;
                FloatVector a20 = b0, a21 = b1, a22 = b2, a23 = b3;
                FloatVector a30 = b0, a31 = b1, a32 = b2, a33 = b3;
                int z0 = i * kp;
                int z1 = z0 + kp;
                int z2 = z1 + kp;
                int z3 = z2 + kp;
                for (int k = 0; k < kp; k++) {
                    int uo = k * vp + v;
                    FloatVector u0 = FloatVector.fromArray(S, ut, uo);
                    FloatVector u1 = FloatVector.fromArray(S, ut, uo + L);
                    FloatVector u2 = FloatVector.fromArray(S, ut, uo + 2 * L);
                    FloatVector u3 = FloatVector.fromArray(S, ut, uo + 3 * L);
                    FloatVector x = FloatVector.broadcast(S, z[z0 + k]);
                    a00 = x.fma(u0, a00);
                    a01 = x.fma(u1, a01);
                    a02 = x.fma(u2, a02);
                    a03 = x.fma(u3, a03);
                    x = FloatVector.broadcast(S, z[z1 + k]);
                    a10 = x.fma(u0, a10);
                    a11 = x.fma(u1, a11);
                    a12 = x.fma(u2, a12);
                    a13 = x.fma(u3, a13);
                    x = FloatVector.broadcast(S, z[z2 + k]);
                    a20 = x.fma(u0, a20);
                    a21 = x.fma(u1, a21);
                    a22 = x.fma(u2, a22);
                    a23 = x.fma(u3, a23);
                    x = FloatVector.broadcast(S, z[z3 + k]);
                    a30 = x.fma(u0, a30);
                    a31 = x.fma(u1, a31);
                    a32 = x.fma(u2, a32);
                    a33 = x.fma(u3, a33);
                }
                int y0 = i * vp + v;
                a00.intoArray(y, y0);
                a01.intoArray(y, y0 + L);
                a02.intoArray(y, y0 + 2 * L);
                a03.intoArray(y, y0 + 3 * L);
                y0 += vp;
                a10.intoArray(y, y0);
                a11.intoArray(y, y0 + L);
                a12.intoArray(y, y0 + 2 * L);
                a13.intoArray(y, y0 + 3 * L);
                y0 += vp;
                a20.intoArray(y, y0);
                a21.intoArray(y, y0 + L);
                a22.intoArray(y, y0 + 2 * L);
                a23.intoArray(y, y0 + 3 * L);
                y0 += vp;
                a30.intoArray(y, y0);
                a31.intoArray(y, y0 + L);
                a32.intoArray(y, y0 + 2 * L);
                a33.intoArray(y, y0 + 3 * L);
            }
            for (; i < rows; i++) {
                FloatVector a0 = b0, a1 = b1, a2 = b2, a3 = b3;
                int zo = i * kp;
                for (int k = 0; k < kp; k++) {
                    int uo = k * vp + v;
                    FloatVector x = FloatVector.broadcast(S, z[zo + k]);
                    a0 = x.fma(FloatVector.fromArray(S, ut, uo), a0);
                    a1 = x.fma(FloatVector.fromArray(S, ut, uo + L), a1);
                    a2 = x.fma(FloatVector.fromArray(S, ut, uo + 2 * L), a2);
                    a3 = x.fma(FloatVector.fromArray(S, ut, uo + 3 * L), a3);
                }
                int y0 = i * vp + v;
                a0.intoArray(y, y0);
                a1.intoArray(y, y0 + L);
                a2.intoArray(y, y0 + 2 * L);
                a3.intoArray(y, y0 + 3 * L);
            }
        }
    }

    @Override
    public double softmax(float[] y, int rows, int vp, int[] targets, int tOff, float scale, double[] logp) {
        double total = 0;
        for (int i = 0; i < rows; i++) {
            int o = i * vp;
            int t = targets[tOff + i];
            float yt = y[o + t];
            FloatVector mx = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int v = 0; v < vp; v += L) {
                mx = mx.max(FloatVector.fromArray(S, y, o + v));
            }
            float max = mx.reduceLanes(VectorOperators.MAX);
            // nn's exp kernel, not lanewise(EXP): that one gives other bits before and after JIT compilation
            double sum = Kernels.get().expShifted(y, o, max, y, o, vp);
            double lp = yt - max - Math.log(sum);
            logp[i] = lp;
            total += lp;
            if (scale != 0f) {
                FloatVector f = FloatVector.broadcast(S, (float) (scale / sum));
                for (int v = 0; v < vp; v += L) {
                    FloatVector.fromArray(S, y, o + v).mul(f).intoArray(y, o + v);
                }
                y[o + t] -= scale;
            }
        }
        return total;
    }

    @Override
    public void backward(float[] dy, float[] z, int rows, int kp, int vp, float[] ut, float[] b, float[] dz,
                         Update u) {
        java.util.Arrays.fill(dz, 0, rows * kp, 0f);
        float[] tmp = new float[16 * L];
        for (int c0 = 0; c0 < vp; c0 += CHUNK) {
            int c1 = Math.min(vp, c0 + CHUNK);
            gradInput(dy, rows, kp, vp, ut, dz, c0, c1, tmp);
            updateWeights(dy, z, rows, kp, vp, ut, u, c0, c1);
            updateBias(dy, rows, vp, b, u, c0, c1);
        }
    }

    // dz[i][k] += Σ_{v in [c0, c1)} dy[i][v] · ut[k][v]; tiles of 4 rows × 4 weight rows
    private static void gradInput(float[] dy, int rows, int kp, int vp, float[] ut, float[] dz, int c0, int c1,
                                  float[] tmp) {
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int d0 = i * vp;
            int d1 = d0 + vp;
            int d2 = d1 + vp;
            int d3 = d2 + vp;
            for (int k = 0; k < kp; k += 4) {
                FloatVector a00 = FloatVector.zero(S), a01 = a00, a02 = a00, a03 = a00;
                FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
                FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
                FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
                int u0 = k * vp;
                int u1 = u0 + vp;
                int u2 = u1 + vp;
                int u3 = u2 + vp;
                for (int v = c0; v < c1; v += L) {
                    FloatVector w0 = FloatVector.fromArray(S, ut, u0 + v);
                    FloatVector w1 = FloatVector.fromArray(S, ut, u1 + v);
                    FloatVector w2 = FloatVector.fromArray(S, ut, u2 + v);
                    FloatVector w3 = FloatVector.fromArray(S, ut, u3 + v);
                    FloatVector g = FloatVector.fromArray(S, dy, d0 + v);
                    a00 = g.fma(w0, a00);
                    a01 = g.fma(w1, a01);
                    a02 = g.fma(w2, a02);
                    a03 = g.fma(w3, a03);
                    g = FloatVector.fromArray(S, dy, d1 + v);
                    a10 = g.fma(w0, a10);
                    a11 = g.fma(w1, a11);
                    a12 = g.fma(w2, a12);
                    a13 = g.fma(w3, a13);
                    g = FloatVector.fromArray(S, dy, d2 + v);
                    a20 = g.fma(w0, a20);
                    a21 = g.fma(w1, a21);
                    a22 = g.fma(w2, a22);
                    a23 = g.fma(w3, a23);
                    g = FloatVector.fromArray(S, dy, d3 + v);
                    a30 = g.fma(w0, a30);
                    a31 = g.fma(w1, a31);
                    a32 = g.fma(w2, a32);
                    a33 = g.fma(w3, a33);
                }
                // the accumulators go to the scratch array and are summed from there: a vector passed to a
                // method the JIT does not inline is boxed (allocated), 16 times per tile
                a00.intoArray(tmp, 0);
                a01.intoArray(tmp, L);
                a02.intoArray(tmp, 2 * L);
                a03.intoArray(tmp, 3 * L);
                a10.intoArray(tmp, 4 * L);
                a11.intoArray(tmp, 5 * L);
                a12.intoArray(tmp, 6 * L);
                a13.intoArray(tmp, 7 * L);
                a20.intoArray(tmp, 8 * L);
                a21.intoArray(tmp, 9 * L);
                a22.intoArray(tmp, 10 * L);
                a23.intoArray(tmp, 11 * L);
                a30.intoArray(tmp, 12 * L);
                a31.intoArray(tmp, 13 * L);
                a32.intoArray(tmp, 14 * L);
                a33.intoArray(tmp, 15 * L);
                int o = i * kp + k;
                for (int r = 0; r < 4; r++) {
                    for (int q = 0; q < 4; q++) {
                        dz[o + r * kp + q] += VectorLanes.sumStored(tmp, (4 * r + q) * L);
                    }
                }
            }
        }
        for (; i < rows; i++) {
            int d0 = i * vp;
            for (int k = 0; k < kp; k++) {
                FloatVector a = FloatVector.zero(S);
                int u0 = k * vp;
                for (int v = c0; v < c1; v += L) {
                    a = FloatVector.fromArray(S, dy, d0 + v).fma(FloatVector.fromArray(S, ut, u0 + v), a);
                }
                a.intoArray(tmp, 0);
                dz[i * kp + k] += VectorLanes.sumStored(tmp, 0);
            }
        }
    }

    // ut[k][v] takes a step with gradient Σ_i z[i][k] · dy[i][v], for v in [c0, c1); tiles of 4 weight rows ×
    // 4 vectors
    private static void updateWeights(float[] dy, float[] z, int rows, int kp, int vp, float[] ut, Update u,
                                      int c0, int c1) {
        for (int k = 0; k < kp; k += 4) {
            for (int v = c0; v < c1; v += 4 * L) {
                FloatVector a00 = FloatVector.zero(S), a01 = a00, a02 = a00, a03 = a00;
                FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
                FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
                FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
                for (int i = 0; i < rows; i++) {
                    int d = i * vp + v;
                    FloatVector g0 = FloatVector.fromArray(S, dy, d);
                    FloatVector g1 = FloatVector.fromArray(S, dy, d + L);
                    FloatVector g2 = FloatVector.fromArray(S, dy, d + 2 * L);
                    FloatVector g3 = FloatVector.fromArray(S, dy, d + 3 * L);
                    int zo = i * kp + k;
                    FloatVector x = FloatVector.broadcast(S, z[zo]);
                    a00 = x.fma(g0, a00);
                    a01 = x.fma(g1, a01);
                    a02 = x.fma(g2, a02);
                    a03 = x.fma(g3, a03);
                    x = FloatVector.broadcast(S, z[zo + 1]);
                    a10 = x.fma(g0, a10);
                    a11 = x.fma(g1, a11);
                    a12 = x.fma(g2, a12);
                    a13 = x.fma(g3, a13);
                    x = FloatVector.broadcast(S, z[zo + 2]);
                    a20 = x.fma(g0, a20);
                    a21 = x.fma(g1, a21);
                    a22 = x.fma(g2, a22);
                    a23 = x.fma(g3, a23);
                    x = FloatVector.broadcast(S, z[zo + 3]);
                    a30 = x.fma(g0, a30);
                    a31 = x.fma(g1, a31);
                    a32 = x.fma(g2, a32);
                    a33 = x.fma(g3, a33);
                }
                int o = k * vp + v;
                step(ut, o, a00, u, true);
                step(ut, o + L, a01, u, true);
                step(ut, o + 2 * L, a02, u, true);
                step(ut, o + 3 * L, a03, u, true);
                step(ut, o + vp, a10, u, true);
                step(ut, o + vp + L, a11, u, true);
                step(ut, o + vp + 2 * L, a12, u, true);
                step(ut, o + vp + 3 * L, a13, u, true);
                step(ut, o + 2 * vp, a20, u, true);
                step(ut, o + 2 * vp + L, a21, u, true);
                step(ut, o + 2 * vp + 2 * L, a22, u, true);
                step(ut, o + 2 * vp + 3 * L, a23, u, true);
                step(ut, o + 3 * vp, a30, u, true);
                step(ut, o + 3 * vp + L, a31, u, true);
                step(ut, o + 3 * vp + 2 * L, a32, u, true);
                step(ut, o + 3 * vp + 3 * L, a33, u, true);
            }
        }
    }

    private static void updateBias(float[] dy, int rows, int vp, float[] b, Update u, int c0, int c1) {
        for (int v = c0; v < c1; v += L) {
            FloatVector g = FloatVector.zero(S);
            for (int i = 0; i < rows; i++) {
                g = g.add(FloatVector.fromArray(S, dy, i * vp + v));
            }
            stepBias(b, v, g, u);
        }
    }

    private static void step(float[] w, int o, FloatVector g, Update u, boolean decay) {
        FloatVector x = FloatVector.fromArray(S, w, o);
        if (decay && u.weightDecay != 0f) {
            g = x.fma(FloatVector.broadcast(S, u.weightDecay), g);
        }
        if (!u.adam) {
            g.fma(FloatVector.broadcast(S, -u.lr), x).intoArray(w, o);
            return;
        }
        FloatVector m = FloatVector.fromArray(S, u.mW, o).mul(u.beta1).add(g.mul(1 - u.beta1));
        FloatVector v = FloatVector.fromArray(S, u.vW, o).mul(u.beta2).add(g.mul(g).mul(1 - u.beta2));
        m.intoArray(u.mW, o);
        v.intoArray(u.vW, o);
        x.sub(m.mul(u.lrAdam).div(v.sqrt().add(u.eps))).intoArray(w, o);
    }

    private static void stepBias(float[] w, int o, FloatVector g, Update u) {
        FloatVector x = FloatVector.fromArray(S, w, o);
        if (!u.adam) {
            g.fma(FloatVector.broadcast(S, -u.lr), x).intoArray(w, o);
            return;
        }
        FloatVector m = FloatVector.fromArray(S, u.mB, o).mul(u.beta1).add(g.mul(1 - u.beta1));
        FloatVector v = FloatVector.fromArray(S, u.vB, o).mul(u.beta2).add(g.mul(g).mul(1 - u.beta2));
        m.intoArray(u.mB, o);
        v.intoArray(u.vB, o);
        x.sub(m.mul(u.lrAdam).div(v.sqrt().add(u.eps))).intoArray(w, o);
    }

    /**
     * nn's tanh kernel (1 − 2 / (e^2x + 1) from basic arithmetic), not {@code lanewise(TANH)}: that one gives
     * other bits before and after JIT compilation, so a one-thread run was not reproducible within one JVM.
     */
    @Override
    public void tanh(float[] x, int off, int n) {
        NN.tanh(x, off, x, off, n);
    }
}
