package dev.lexis.classify;

import dev.lexis.nn.kernel.Kernels;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The TextCNN's parameters and its fused forward and backward passes (Kim 2014).
 *
 * <p>Shapes, with E = embedding dim, K = channels (2 in multichannel mode, else 1), D = K·E the input row
 * width, F = feature maps per width, Q = number of widths, W = Σ widths, C = classes, V = vocabulary:
 * <pre>
 * embStatic, embTuned  (V, E)        either may be null (mode); a token's input row is the one present, or in
 *                                    multichannel mode [static | tuned] side by side (D = 2E)
 * convW                (W·F, D)      row (blockStart[q] + j)·F + f = filter f of width q, its j-th word; in
 *                                    multichannel mode columns 0…E−1 see the static channel and E…2E−1 the tuned
 *                                    one: each filter has its own weights per channel and the two results are
 *                                    added (Kim 2014, §2: "each filter is applied to both channels and the results
 *                                    are added"), a two-channel convolution
 * convWt               (D, W·F)      convW transposed, for the forward GEMM ({@link #syncForwardWeights()})
 * convB                (Q·F)
 * outW                 (C, Q·F)      softmax weights (max-norm applies to these rows)
 * outB                 (C)
 * </pre>
 *
 * <p>Forward for a batch: the sentences are laid out in one input matrix X (P, D) separated by gaps of
 * {@code gap ≥ padding} zero rows, so one GEMM Z = X · convWᵀ (P, W·F) gives every filter word at every
 * position (B not transposed: the GEMM's fastest path); a filter's output at window start t is
 * {@code convB + Σ_j Z[t + j, block(q, j)]}. ReLU and max-over-time fuse into {@code max(0, max_t …)} with the
 * arg-max kept; dropout; softmax.
 *
 * <p>Backward uses that max-pooling passes the gradient to one position per filter: for each filter with a
 * positive maximum at t, {@code dConvW[row] += g · X[t + j]} and {@code dX[t + j] += g · convW[row]} are
 * axpys of length D (dX: E, the tuned channel only) — about 1/25 of the forward cost, where a dense convolution
 * backward would cost twice the forward. The embedding gradient is then gathered by token id (sparse rows).
 */
final class CnnNet {
    final int vocab;
    final int dim;
    /** Embedding channels: 2 when both embeddings are present (multichannel), else 1. */
    final int channels;
    /** Width of an input row and of a filter word: {@code channels · dim}. */
    final int inDim;
    /** Column of the tuned channel within an input row (and within {@code dx}): E in multichannel mode, else 0. */
    final int tunedOffset;
    final int maps;
    final int[] widths;
    final int[] blockStart;
    final int convRows;
    final int classes;
    final int padding;
    final int stride;
    final int gap;
    final int features;

    float[] embStatic;
    float[] embTuned;
    final float[] convW;
    final float[] convWt;
    final float[] convB;
    final float[] outW;
    final float[] outB;

    static final Kernels K = Kernels.get();

    CnnNet(int vocab, int dim, int maps, int[] widths, int classes, int padding, int stride,
           float[] embStatic, float[] embTuned) {
        this.vocab = vocab;
        this.dim = dim;
        this.channels = embStatic != null && embTuned != null ? 2 : 1;
        this.inDim = channels * dim;
        this.tunedOffset = channels == 2 ? dim : 0;
        this.maps = maps;
        this.widths = widths.clone();
        this.blockStart = new int[widths.length];
        int w = 0;
        for (int q = 0; q < widths.length; q++) {
            blockStart[q] = w;
            w += widths[q];
        }
        this.convRows = w * maps;
        this.classes = classes;
        this.padding = padding;
        this.stride = stride;
        this.gap = Math.max(1, padding);
        this.features = widths.length * maps;
        this.embStatic = embStatic;
        this.embTuned = embTuned;
        this.convW = new float[convRows * inDim];
        this.convWt = new float[convRows * inDim];
        this.convB = new float[features];
        this.outW = new float[classes * features];
        this.outB = new float[classes];
    }

    /**
     * Initialises the convolution and softmax weights (uniform, fan-in scaled as PyTorch's default). The gradient
     * check uses it (non-zero softmax weights); training uses {@link #initWeightsKim}.
     */
    void initWeights(SplittableRandom random) {
        for (int q = 0; q < widths.length; q++) {
            double bound = 1 / Math.sqrt(widths[q] * inDim);
            for (int j = 0; j < widths[q]; j++) {
                for (int f = 0; f < maps; f++) {
                    int row = ((blockStart[q] + j) * maps + f) * inDim;
                    for (int e = 0; e < inDim; e++) {
                        convW[row + e] = (float) ((random.nextDouble() * 2 - 1) * bound);
                    }
                }
            }
            for (int f = 0; f < maps; f++) {
                convB[q * maps + f] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
        }
        double bound = 1 / Math.sqrt(features);
        for (int i = 0; i < outW.length; i++) {
            outW[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        for (int i = 0; i < outB.length; i++) {
            outB[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        syncForwardWeights();
    }

    /**
     * Initialises the weights as Kim (2014)'s code does: each filter of width w uniform in ±√(6 / (fanIn +
     * fanOut)) with fanIn = w·D (D = channels·E) and fanOut = F·w·D / (pooled positions of the longest training
     * sentence, {@code maxTokens + 2·padding − w + 1}) (Glorot's bound for a convolution followed by pooling); the
     * filter biases, the softmax weights and its biases zero.
     *
     * @param maxTokens tokens of the longest training sentence
     */
    void initWeightsKim(SplittableRandom random, int maxTokens) {
        for (int q = 0; q < widths.length; q++) {
            int w = widths[q];
            double fanIn = (double) w * inDim;
            double positions = Math.max(1, maxTokens + 2 * padding - w + 1);
            double fanOut = maps * fanIn / positions;
            double bound = Math.sqrt(6 / (fanIn + fanOut));
            for (int j = 0; j < w; j++) {
                for (int f = 0; f < maps; f++) {
                    int row = ((blockStart[q] + j) * maps + f) * inDim;
                    for (int e = 0; e < inDim; e++) {
                        convW[row + e] = (float) ((random.nextDouble() * 2 - 1) * bound);
                    }
                }
            }
        }
        Arrays.fill(convB, 0f);
        Arrays.fill(outW, 0f);
        Arrays.fill(outB, 0f);
        syncForwardWeights();
    }

    /** Copies convW (W·F, D) into its transpose convWt (D, W·F); call after every change of convW. */
    void syncForwardWeights() {
        syncForwardWeights(0, convRows);
    }

    /** {@link #syncForwardWeights()} for rows {@code from … to} of convW. */
    void syncForwardWeights(int from, int to) {
        for (int r = from; r < to; r++) {
            int row = r * inDim;
            for (int e = 0; e < inDim; e++) {
                convWt[e * convRows + r] = convW[row + e];
            }
        }
    }

    /** Rows of the input matrix for sentences of the given lengths. */
    int rowsFor(int[][] ids, int from, int to) {
        int p = gap;
        for (int i = from; i < to; i++) {
            p += ids[i].length + gap;
        }
        return p;
    }

    /** Scratch for one forward/backward over up to a batch of sentences; grows as needed, never shrinks. */
    static final class Workspace {
        float[] x = new float[0];
        float[] z = new float[0];
        int[] rowToken = new int[0];
        int[] start = new int[0];
        int[] length = new int[0];
        float[] pooled = new float[0];
        int[] argmax = new int[0];
        float[] mask = new float[0];
        float[] probs = new float[0];
        float[] conv = new float[0];
        float[] dx = new float[0];
        float[] dPooled = new float[0];

        void ensure(CnnNet net, int rows, int sentences) {
            if (x.length < rows * net.inDim) {
                int r = Math.max(rows, x.length / Math.max(1, net.inDim) * 3 / 2);
                x = new float[r * net.inDim];
                z = new float[r * net.convRows];
                rowToken = new int[r];
            }
            if (start.length < sentences) {
                start = new int[sentences];
                length = new int[sentences];
                pooled = new float[sentences * net.features];
                argmax = new int[sentences * net.features];
                mask = new float[sentences * net.features];
                probs = new float[sentences * net.classes];
                dPooled = new float[sentences * net.features];
            }
            if (conv.length < net.maps) {
                conv = new float[net.maps];
            }
        }

        void ensureDx(CnnNet net, int rows) {
            if (dx.length < rows * net.inDim) {
                dx = new float[x.length];
            }
        }
    }

    /**
     * Forward for sentences {@code ids[from … to)} (token ids, -1 = unknown word: a zero row): fills
     * {@code ws.probs} (n, C) and, for training, the dropout mask drawn from {@code random}.
     *
     * <p>Dropout as in Kim's code (Hinton et al. 2012), not inverted: in training each pooled feature is kept
     * (×1) with probability {@code 1 − dropout} or zeroed; without {@code random} every feature is scaled by
     * {@code 1 − dropout}. The max-norm bound thus applies to the weights that see unscaled features, as Kim's
     * does. A trained model folds the scale into its softmax weights and runs with {@code dropout} 0.
     *
     * @param random null for inference (features scaled by {@code 1 − dropout}, no mask drawn)
     */
    void forward(int[][] ids, int from, int to, Workspace ws, double dropout, SplittableRandom random) {
        int n = to - from;
        int rows = rowsFor(ids, from, to);
        ws.ensure(this, rows, n);
        float[] x = ws.x;
        Arrays.fill(x, 0, rows * inDim, 0f);
        Arrays.fill(ws.rowToken, 0, rows, -1);
        int r = gap;
        for (int i = 0; i < n; i++) {
            int[] s = ids[from + i];
            ws.start[i] = r;
            ws.length[i] = s.length;
            for (int id : s) {
                if (id >= 0) {
                    ws.rowToken[r] = id;
                    if (embStatic != null) {
                        System.arraycopy(embStatic, id * dim, x, r * inDim, dim);
                    }
                    if (embTuned != null) {
                        System.arraycopy(embTuned, id * dim, x, r * inDim + tunedOffset, dim);
                    }
                }
                r++;
            }
            r += gap;
        }
        // Z (rows, W·F) = X (rows, D) · convWt (D, W·F)
        K.gemm(false, false, rows, convRows, inDim, 1f, x, 0, inDim, convWt, 0, convRows, 0f, ws.z, 0, convRows);
        float[] z = ws.z;
        float[] conv = ws.conv;
        for (int i = 0; i < n; i++) {
            int len = ids[from + i].length;
            int s0 = ws.start[i] - padding;
            for (int q = 0; q < widths.length; q++) {
                int w = widths[q];
                int pOff = i * features + q * maps;
                Arrays.fill(ws.pooled, pOff, pOff + maps, 0f);
                Arrays.fill(ws.argmax, pOff, pOff + maps, -1);
                int span = len + 2 * padding - w;
                int outputs = span < 0 ? 0 : span / stride + 1;
                for (int o = 0; o < outputs; o++) {
                    int t = s0 + o * stride;
                    System.arraycopy(convB, q * maps, conv, 0, maps);
                    for (int j = 0; j < w; j++) {
                        K.axpy(1f, z, (t + j) * convRows + (blockStart[q] + j) * maps, conv, 0, maps);
                    }
                    for (int f = 0; f < maps; f++) {
                        if (conv[f] > ws.pooled[pOff + f]) {     // ReLU and max-over-time: max(0, max_t conv)
                            ws.pooled[pOff + f] = conv[f];
                            ws.argmax[pOff + f] = t;
                        }
                    }
                }
            }
        }
        float keep = (float) (1 - dropout);
        for (int i = 0; i < n; i++) {
            int pOff = i * features;
            if (random != null && dropout > 0) {
                for (int k = 0; k < features; k++) {
                    ws.mask[pOff + k] = random.nextDouble() < keep ? 1f : 0f;
                }
            } else {
                Arrays.fill(ws.mask, pOff, pOff + features, keep);
            }
            int cOff = i * classes;
            for (int c = 0; c < classes; c++) {
                float sum = outB[c];
                int wOff = c * features;
                for (int k = 0; k < features; k++) {
                    sum += outW[wOff + k] * ws.pooled[pOff + k] * ws.mask[pOff + k];
                }
                ws.probs[cOff + c] = sum;
            }
            softmax(ws.probs, cOff, classes);
        }
    }

    /** Gradient buffers of one worker (same shapes as the parameters; embeddings by touched row). */
    static final class Gradients {
        final float[] convW;
        final float[] convB;
        final float[] outW;
        final float[] outB;

        Gradients(CnnNet net) {
            this(new float[net.convW.length], new float[net.convB.length], new float[net.outW.length],
                    new float[net.outB.length]);
        }

        /** Over existing arrays (the optimizer's gradient arrays), sized as the net's parameters. */
        Gradients(float[] convW, float[] convB, float[] outW, float[] outB) {
            this.convW = convW;
            this.convB = convB;
            this.outW = outW;
            this.outB = outB;
        }

        void clear() {
            Arrays.fill(convW, 0f);
            Arrays.fill(convB, 0f);
            Arrays.fill(outW, 0f);
            Arrays.fill(outB, 0f);
        }

        void addTo(Gradients total) {
            K.axpy(1f, convW, 0, total.convW, 0, convW.length);
            K.axpy(1f, convB, 0, total.convB, 0, convB.length);
            K.axpy(1f, outW, 0, total.outW, 0, outW.length);
            K.axpy(1f, outB, 0, total.outB, 0, outB.length);
        }
    }

    /**
     * Backward for the sentences of the last {@link #forward} call, numbered {@code lo … hi} within it
     * (0-based), with labels {@code y[from + i]}: adds the gradient of {@code lossScale · Σ cross-entropy} to
     * {@code g}; returns the summed loss. With {@code needDx}, also fills {@code ws.dx} for the rows of these
     * sentences: the input gradient (rows, D), of which the columns {@code tunedOffset … tunedOffset + E} are
     * filled (the tuned channel's, to be gathered into the tuned embedding; the static channel gets none).
     */
    double backward(int[] y, int from, int lo, int hi, Workspace ws, Gradients g, float lossScale, boolean needDx) {
        double loss = 0;
        float[] dp = ws.dPooled;
        for (int i = lo; i < hi; i++) {
            int cOff = i * classes;
            int pOff = i * features;
            int target = y[from + i];
            loss -= Math.log(Math.max(ws.probs[cOff + target], 1e-30f));
            Arrays.fill(dp, pOff, pOff + features, 0f);
            for (int c = 0; c < classes; c++) {
                float dl = (ws.probs[cOff + c] - (c == target ? 1f : 0f)) * lossScale;
                g.outB[c] += dl;
                int wOff = c * features;
                for (int k = 0; k < features; k++) {
                    float h = ws.pooled[pOff + k] * ws.mask[pOff + k];
                    g.outW[wOff + k] += dl * h;
                    dp[pOff + k] += dl * outW[wOff + k];
                }
            }
            for (int k = 0; k < features; k++) {
                dp[pOff + k] *= ws.mask[pOff + k];
            }
            if (needDx) {
                Arrays.fill(ws.dx, ws.start[i] * inDim, (ws.start[i] + ws.length[i]) * inDim, 0f);
            }
            for (int q = 0; q < widths.length; q++) {
                for (int f = 0; f < maps; f++) {
                    int k = q * maps + f;
                    int t = ws.argmax[pOff + k];
                    float d = dp[pOff + k];
                    if (t < 0 || d == 0f) {
                        continue;
                    }
                    g.convB[k] += d;
                    for (int j = 0; j < widths[q]; j++) {
                        int row = t + j;
                        int wRow = ((blockStart[q] + j) * maps + f) * inDim;
                        if (ws.rowToken[row] < 0) {
                            continue;                       // padding or unknown word: a zero row
                        }
                        K.axpy(d, ws.x, row * inDim, g.convW, wRow, inDim);
                        if (needDx) {             // the tuned channel's columns only
                            K.axpy(d, convW, wRow + tunedOffset, ws.dx, row * inDim + tunedOffset, dim);
                        }
                    }
                }
            }
        }
        return loss;
    }

    static void softmax(float[] z, int off, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) {
            max = Math.max(max, z[i]);
        }
        float sum = 0;
        for (int i = off; i < off + n; i++) {
            z[i] = (float) Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = off; i < off + n; i++) {
            z[i] /= sum;
        }
    }
}
