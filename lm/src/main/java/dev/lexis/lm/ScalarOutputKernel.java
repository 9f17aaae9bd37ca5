package dev.lexis.lm;

/** Plain-Java {@link OutputKernel}: the reference for the Vector API kernel, and the fallback. */
final class ScalarOutputKernel implements OutputKernel {
    private static final int CHUNK = 1024;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int kAlign() {
        return 4;
    }

    @Override
    public int vAlign() {
        return 16;
    }

    @Override
    public void scores(float[] z, int rows, int kp, float[] ut, float[] b, int vp, float[] y) {
        for (int i = 0; i < rows; i++) {
            int yo = i * vp;
            System.arraycopy(b, 0, y, yo, vp);
            for (int k = 0; k < kp; k++) {
                float a = z[i * kp + k];
                if (a == 0f) {
                    continue;
                }
                int uo = k * vp;
                for (int v = 0; v < vp; v++) {
                    y[yo + v] += a * ut[uo + v];
                }
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
            float max = Float.NEGATIVE_INFINITY;
            for (int v = 0; v < vp; v++) {
                max = Math.max(max, y[o + v]);
            }
            double sum = 0;
            for (int v = 0; v < vp; v++) {
                float e = (float) Math.exp(y[o + v] - max);
                y[o + v] = e;
                sum += e;
            }
            double lp = yt - max - Math.log(sum);
            logp[i] = lp;
            total += lp;
            if (scale != 0f) {
                float f = (float) (scale / sum);
                for (int v = 0; v < vp; v++) {
                    y[o + v] *= f;
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
        for (int c0 = 0; c0 < vp; c0 += CHUNK) {
            int c1 = Math.min(vp, c0 + CHUNK);
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < kp; k++) {
                    float s = 0;
                    int uo = k * vp;
                    int yo = i * vp;
                    for (int v = c0; v < c1; v++) {
                        s += dy[yo + v] * ut[uo + v];
                    }
                    dz[i * kp + k] += s;
                }
            }
            float[] g = new float[c1 - c0];
            for (int k = 0; k < kp; k++) {
                java.util.Arrays.fill(g, 0f);
                for (int i = 0; i < rows; i++) {
                    float a = z[i * kp + k];
                    int yo = i * vp;
                    for (int v = c0; v < c1; v++) {
                        g[v - c0] += a * dy[yo + v];
                    }
                }
                int uo = k * vp;
                apply(ut, u.mW, u.vW, uo + c0, g, c1 - c0, u, true);
            }
            java.util.Arrays.fill(g, 0f);
            for (int i = 0; i < rows; i++) {
                int yo = i * vp;
                for (int v = c0; v < c1; v++) {
                    g[v - c0] += dy[yo + v];
                }
            }
            apply(b, u.mB, u.vB, c0, g, c1 - c0, u, false);
        }
    }

    static void apply(float[] w, float[] m, float[] v, int off, float[] g, int n, Update u, boolean decay) {
        float wd = decay ? u.weightDecay : 0f;
        if (!u.adam) {
            for (int j = 0; j < n; j++) {
                w[off + j] -= u.lr * (g[j] + wd * w[off + j]);
            }
            return;
        }
        float b1 = u.beta1;
        float b2 = u.beta2;
        for (int j = 0; j < n; j++) {
            float gj = g[j] + wd * w[off + j];
            float mj = b1 * m[off + j] + (1 - b1) * gj;
            float vj = b2 * v[off + j] + (1 - b2) * gj * gj;
            m[off + j] = mj;
            v[off + j] = vj;
            w[off + j] -= u.lrAdam * mj / ((float) Math.sqrt(vj) + u.eps);
        }
    }

    @Override
    public void tanh(float[] x, int off, int n) {
        for (int i = off; i < off + n; i++) {
            x[i] = (float) Math.tanh(x[i]);
        }
    }
}
