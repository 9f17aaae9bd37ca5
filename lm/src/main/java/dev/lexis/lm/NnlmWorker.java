package dev.lexis.lm;

import dev.lexis.nn.kernel.Kernels;
import java.util.Arrays;

/**
 * One thread's state for the NNLM: scratch buffers for a mini-batch (allocated once), the forward pass, and
 * the backward pass fused with the parameter update (Bengio et al. 2003, section 2 and the equations of
 * section 3: output gradients, then the hidden layer, then the rows of C that were used).
 *
 * <p>Shapes (rows = n-grams of the batch): contexts (rows × history) the previous word ids, oldest first;
 * x (rows × in) the concatenated context embeddings, oldest word first, then with FOFE (Zhang et al. 2015)
 * the block Σ_{k&lt;K} α^k C(w_{t−1−k}); a (rows × hidden) = tanh(d + x·H); z (rows × kp) = [a, x if direct, 0 padding]; y (rows × vp) the
 * scores, then their gradients.
 */
final class NnlmWorker {
    private final NnlmWeights w;
    private final OutputKernel kernel;
    private final Kernels nn = Kernels.get();
    private final int maxRows;
    final int[] contexts;
    final int[] targets;
    final double[] logp;
    private final float[] x;
    private final float[] a;
    private final float[] z;
    private final float[] y;
    private final float[] dz;
    private final float[] da;
    private final float[] dx;
    private final float[] dh;
    private final float[] dd;
    // dropout: per-unit scale 0 or 1 / (1 − p) of x (rows × in) and of the tanh outputs (rows × hidden)
    private final float dropout;
    private final float[] maskX;
    private final float[] maskA;
    /** Seed of this step's dropout masks (set per mini-batch, so runs are reproducible whatever the thread). */
    long dropoutSeed;
    // FOFE only: the mini-batch's gradient of C accumulated per word (vocab × dim, rows zeroed after their
    // step), so that each word's row takes one step per mini-batch however often it occurs in the histories
    private final float[] gC;
    private final boolean[] touched;
    private final int[] touchedIds;
    final OutputKernel.Update update = new OutputKernel.Update();
    // Adam state of the small parameters (shared between workers like the weights)
    float[] mC, vC, mH, vH, mD, vD;

    NnlmWorker(NnlmWeights w, OutputKernel kernel, int maxRows, boolean training) {
        this.w = w;
        this.kernel = kernel;
        this.maxRows = maxRows;
        this.contexts = new int[maxRows * w.history];
        this.targets = new int[maxRows];
        this.logp = new double[maxRows];
        this.x = new float[maxRows * w.in];
        this.a = new float[maxRows * w.hidden];
        this.z = new float[maxRows * w.kp];
        this.y = w.hs ? new float[0] : new float[maxRows * w.vp];
        this.dz = training ? new float[maxRows * w.kp] : new float[w.hs ? w.kp : 0];
        this.da = training ? new float[maxRows * w.hidden] : null;
        this.dx = training ? new float[maxRows * w.in] : null;
        this.dh = training ? new float[w.in * w.hidden] : null;
        this.dd = training ? new float[w.hidden] : null;
        this.dropout = training ? (float) w.config.dropout() : 0f;
        this.maskX = dropout > 0 ? new float[maxRows * w.in] : null;
        this.maskA = dropout > 0 ? new float[maxRows * w.hidden] : null;
        boolean accumulate = training && w.fofeWindow > 0;
        this.gC = accumulate ? new float[w.vocab * w.dim] : null;
        this.touched = accumulate ? new boolean[w.vocab] : null;
        this.touchedIds = accumulate ? new int[w.vocab] : null;
    }

    // SplitMix64 (Steele et al. 2014): a stateless stream of 64-bit values from a seed
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Fills {@code mask[0, n)} with 0 (probability p) or 1 / (1 − p), from {@code seed}. */
    private long fillMask(float[] mask, int n, long state) {
        float keep = 1f / (1f - dropout);
        long threshold = (long) (dropout * (1L << 24));
        for (int i = 0; i < n; i++) {
            state += 0x9e3779b97f4a7c15L;
            mask[i] = (mix(state) >>> 40) < threshold ? 0f : keep;
        }
        return state;
    }

    int maxRows() {
        return maxRows;
    }

    /**
     * Fills row r with the target at stream position t and the {@code history} ids before it (padded with
     * {@code </s>} before the start).
     */
    void load(int r, int[] stream, int t) {
        int hist = w.history;
        for (int j = 0; j < hist; j++) {
            int p = t - hist + j;
            contexts[r * hist + j] = p >= 0 ? stream[p] : LmVocabulary.EOS_ID;
        }
        targets[r] = stream[t];
    }

    /** Sets row r's history from the last ids of {@code context} (left padding {@code </s>}). */
    void loadContext(int r, int[] context, int target) {
        int hist = w.history;
        for (int j = 0; j < hist; j++) {
            int p = context.length - hist + j;
            contexts[r * hist + j] = p >= 0 ? context[p] : LmVocabulary.EOS_ID;
        }
        targets[r] = target;
    }

    private void forwardHidden(int rows, boolean train) {
        int dim = w.dim;
        int in = w.in;
        int hid = w.hidden;
        int ctx = w.context;
        int hist = w.history;
        int first = hist - ctx;
        int fofe = w.fofeWindow;
        boolean drop = train && dropout > 0;
        if (drop) {
            long state = fillMask(maskX, rows * in, dropoutSeed);
            fillMask(maskA, rows * hid, state);
        }
        for (int r = 0; r < rows; r++) {
            int ro = r * hist;
            for (int j = 0; j < ctx; j++) {
                System.arraycopy(w.c, contexts[ro + first + j] * dim, x, r * in + j * dim, dim);
            }
            if (fofe > 0) {
                // the FOFE code z = Σ_k α^k e(w_{t−1−k}) projected by C (Zhang et al. 2015, eq. 1 times C)
                int fo = r * in + ctx * dim;
                Arrays.fill(x, fo, fo + dim, 0f);
                for (int k = 0; k < fofe; k++) {
                    nn.axpy(w.fofeWeights[k], w.c, contexts[ro + hist - 1 - k] * dim, x, fo, dim);
                }
            }
            if (drop) {
                for (int i = r * in; i < (r + 1) * in; i++) {
                    x[i] *= maskX[i];
                }
            }
            System.arraycopy(w.d, 0, a, r * hid, hid);
            for (int i = 0; i < in; i++) {
                float xi = x[r * in + i];
                if (xi != 0f) {
                    nn.axpy(xi, w.h, i * hid, a, r * hid, hid);
                }
            }
        }
        kernel.tanh(a, 0, rows * hid);
        for (int r = 0; r < rows; r++) {
            if (drop) {
                for (int j = 0; j < hid; j++) {
                    z[r * w.kp + j] = a[r * hid + j] * maskA[r * hid + j];
                }
            } else {
                System.arraycopy(a, r * hid, z, r * w.kp, hid);
            }
            if (w.config.direct()) {
                System.arraycopy(x, r * in, z, r * w.kp + hid, in);
            }
        }
    }

    /** Forward pass only: ln p(target) of each row into {@link #logp}; returns their sum. */
    double evaluate(int rows) {
        return evaluate(rows, false);
    }

    /**
     * Forward pass only, with {@code train}: with the dropout masks of {@link #dropoutSeed} (those a
     * {@link #trainStep(int)} with that seed uses; for gradient checks).
     */
    double evaluate(int rows, boolean train) {
        forwardHidden(rows, train);
        if (!w.hs) {
            kernel.scores(z, rows, w.kp, w.out, w.outBias, w.vp, y);
            return kernel.softmax(y, rows, w.vp, targets, 0, 0f, logp);
        }
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double lp = 0;
            int target = targets[r];
            for (int p = w.offsets[target]; p < w.offsets[target + 1]; p++) {
                int node = w.points[p];
                float s = nn.dot(z, r * w.kp, w.out, node * w.k, w.k) + w.outBias[node];
                lp += logSigmoid(w.codes[p] == 0 ? s : -s);
            }
            logp[r] = lp;
            total += lp;
        }
        return total;
    }

    /** Scores y (rows × vp) of the full softmax for the loaded rows (forward only). */
    float[] scores(int rows) {
        forwardHidden(rows, false);
        kernel.scores(z, rows, w.kp, w.out, w.outBias, w.vp, y);
        return y;
    }

    /** σ(z · node + b) for every inner node, for row 0 (hierarchical softmax). */
    float[] innerNodeProbabilities() {
        forwardHidden(1, false);
        float[] s = new float[w.vocab - 1];
        for (int node = 0; node < s.length; node++) {
            float v = nn.dot(z, 0, w.out, node * w.k, w.k) + w.outBias[node];
            s[node] = (float) (1 / (1 + Math.exp(-v)));
        }
        return s;
    }

    static double logSigmoid(double s) {
        return s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s));
    }

    /**
     * One training step on the loaded rows: forward (with dropout if configured, masks from
     * {@link #dropoutSeed}), mean loss, backward fused with the update of every parameter (the learning rate
     * and Adam settings are in {@link #update}).
     *
     * @return Σ ln p(target) over the rows (the loss is its negative mean)
     */
    double trainStep(int rows) {
        forwardHidden(rows, true);
        float scale = 1f / rows;
        double total;
        if (!w.hs) {
            kernel.scores(z, rows, w.kp, w.out, w.outBias, w.vp, y);
            total = kernel.softmax(y, rows, w.vp, targets, 0, scale, logp);
            if (!Double.isFinite(total)) {
                return total;
            }
            kernel.backward(y, z, rows, w.kp, w.vp, w.out, w.outBias, dz, update);
        } else {
            total = hierarchicalStep(rows, scale);
            if (!Double.isFinite(total)) {
                return total;
            }
        }
        backwardHidden(rows);
        return total;
    }

    // like word2vec: each node on the target's path trains σ(z · node) towards 1 − code; the node row is
    // updated right after its contribution to dz (so dz uses the weights before the update)
    private double hierarchicalStep(int rows, float scale) {
        int k = w.k;
        int kp = w.kp;
        Arrays.fill(dz, 0, rows * kp, 0f);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int target = targets[r];
            double lp = 0;
            for (int p = w.offsets[target]; p < w.offsets[target + 1]; p++) {
                int node = w.points[p];
                int no = node * k;
                float s = nn.dot(z, r * kp, w.out, no, k) + w.outBias[node];
                float label = 1 - w.codes[p];
                lp += logSigmoid(label == 1 ? s : -s);
                float f = (float) (1 / (1 + Math.exp(-s)));
                float g = (f - label) * scale;
                nn.axpy(g, w.out, no, dz, r * kp, k);
                rowStep(w.out, no, z, r * kp, g, k, update.mW, update.vW);
                w.outBias[node] = biasStep(w.outBias[node], g, update.mB, update.vB, node);
            }
            logp[r] = lp;
            total += lp;
        }
        return total;
    }

    /** w[wo + j] takes a step with gradient g · src[so + j] (+ weight decay), SGD or Adam. */
    private void rowStep(float[] wt, int wo, float[] src, int so, float g, int n, float[] m, float[] v) {
        OutputKernel.Update u = update;
        if (!u.adam) {
            float lr = u.lr;
            float wd = u.weightDecay;
            if (wd == 0f) {
                nn.axpy(-lr * g, src, so, wt, wo, n);
            } else {
                for (int j = 0; j < n; j++) {
                    wt[wo + j] -= lr * (g * src[so + j] + wd * wt[wo + j]);
                }
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            float gj = g * src[so + j] + u.weightDecay * wt[wo + j];
            float mj = u.beta1 * m[wo + j] + (1 - u.beta1) * gj;
            float vj = u.beta2 * v[wo + j] + (1 - u.beta2) * gj * gj;
            m[wo + j] = mj;
            v[wo + j] = vj;
            wt[wo + j] -= u.lrAdam * mj / ((float) Math.sqrt(vj) + u.eps);
        }
    }

    private float biasStep(float b, float g, float[] m, float[] v, int i) {
        OutputKernel.Update u = update;
        if (!u.adam) {
            return b - u.lr * g;
        }
        float mj = u.beta1 * m[i] + (1 - u.beta1) * g;
        float vj = u.beta2 * v[i] + (1 - u.beta2) * g * g;
        m[i] = mj;
        v[i] = vj;
        return b - u.lrAdam * mj / ((float) Math.sqrt(vj) + u.eps);
    }

    // from dz: da = dz[0, hidden) ⊙ (1 − a²); dx = da · Hᵀ (+ dz[hidden, hidden + in) if direct); then H, d and
    // the used rows of C take their step
    private void backwardHidden(int rows) {
        int hid = w.hidden;
        int in = w.in;
        int kp = w.kp;
        int ctx = w.context;
        boolean direct = w.config.direct();
        boolean drop = dropout > 0;
        Arrays.fill(dh, 0f);
        Arrays.fill(dd, 0f);
        for (int r = 0; r < rows; r++) {
            int ao = r * hid;
            for (int j = 0; j < hid; j++) {
                float aj = a[ao + j];
                float g = drop ? dz[r * kp + j] * maskA[ao + j] : dz[r * kp + j];
                da[ao + j] = g * (1 - aj * aj);
            }
            for (int i = 0; i < in; i++) {
                float g = nn.dot(da, ao, w.h, i * hid, hid);
                g = direct ? g + dz[r * kp + hid + i] : g;
                // x holds the dropped-out embeddings: the gradient of C's row is the mask times that of x
                dx[r * in + i] = drop ? g * maskX[r * in + i] : g;
                float xi = x[r * in + i];
                if (xi != 0f) {
                    nn.axpy(xi, da, ao, dh, i * hid, hid);
                }
            }
            for (int j = 0; j < hid; j++) {
                dd[j] += da[ao + j];
            }
        }
        denseStep(w.h, dh, mH, vH, true);
        denseStep(w.d, dd, mD, vD, false);
        if (w.fofeWindow > 0) {
            embeddingStepAccumulated(rows);
            return;
        }
        int hist = w.history;
        int first = hist - ctx;
        int dim = w.dim;
        // the plain model: one step per occurrence of a word in the contexts (unchanged since the first release)
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < ctx; j++) {
                embeddingStep(contexts[r * hist + first + j] * dim, dx, r * in + j * dim);
            }
        }
    }

    // FOFE: dx's context blocks go to their words' rows, the FOFE block to each of the K history words with
    // weight α^k; then every word seen takes one step with the sum (the mini-batch gradient of C)
    private void embeddingStepAccumulated(int rows) {
        int dim = w.dim;
        int in = w.in;
        int ctx = w.context;
        int hist = w.history;
        int first = hist - ctx;
        int fofe = w.fofeWindow;
        int n = 0;
        for (int r = 0; r < rows; r++) {
            int ro = r * hist;
            for (int j = 0; j < ctx; j++) {
                int id = contexts[ro + first + j];
                if (!touched[id]) {
                    touched[id] = true;
                    touchedIds[n++] = id;
                }
                nn.axpy(1f, dx, r * in + j * dim, gC, id * dim, dim);
            }
            int fo = r * in + ctx * dim;
            for (int k = 0; k < fofe; k++) {
                int id = contexts[ro + hist - 1 - k];
                if (!touched[id]) {
                    touched[id] = true;
                    touchedIds[n++] = id;
                }
                nn.axpy(w.fofeWeights[k], dx, fo, gC, id * dim, dim);
            }
        }
        for (int i = 0; i < n; i++) {
            int id = touchedIds[i];
            int co = id * dim;
            embeddingStep(co, gC, co);
            Arrays.fill(gC, co, co + dim, 0f);
            touched[id] = false;
        }
    }

    /** Row C[co, co + dim) takes a step with gradient g[go, go + dim) (+ weight decay), SGD or Adam. */
    private void embeddingStep(int co, float[] g, int go) {
        OutputKernel.Update u = update;
        int dim = w.dim;
        if (!u.adam) {
            float lr = u.lr;
            float wd = u.weightDecay;
            for (int e = 0; e < dim; e++) {
                w.c[co + e] -= lr * (g[go + e] + wd * w.c[co + e]);
            }
        } else {
            for (int e = 0; e < dim; e++) {
                float gj = g[go + e] + u.weightDecay * w.c[co + e];
                float mj = u.beta1 * mC[co + e] + (1 - u.beta1) * gj;
                float vj = u.beta2 * vC[co + e] + (1 - u.beta2) * gj * gj;
                mC[co + e] = mj;
                vC[co + e] = vj;
                w.c[co + e] -= u.lrAdam * mj / ((float) Math.sqrt(vj) + u.eps);
            }
        }
    }

    private void denseStep(float[] wt, float[] g, float[] m, float[] v, boolean decay) {
        OutputKernel.Update u = update;
        float wd = decay ? u.weightDecay : 0f;
        if (!u.adam) {
            float lr = u.lr;
            for (int j = 0; j < wt.length; j++) {
                wt[j] -= lr * (g[j] + wd * wt[j]);
            }
            return;
        }
        for (int j = 0; j < wt.length; j++) {
            float gj = g[j] + wd * wt[j];
            float mj = u.beta1 * m[j] + (1 - u.beta1) * gj;
            float vj = u.beta2 * v[j] + (1 - u.beta2) * gj * gj;
            m[j] = mj;
            v[j] = vj;
            wt[j] -= u.lrAdam * mj / ((float) Math.sqrt(vj) + u.eps);
        }
    }
}
