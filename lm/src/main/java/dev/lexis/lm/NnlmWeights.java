package dev.lexis.lm;

import dev.lexis.nn.HuffmanTree;
import java.util.SplittableRandom;

/**
 * The parameters of an NNLM on flat arrays (mutable; shared by the training workers, never changed once a
 * {@link NeuralLanguageModel} holds them).
 *
 * <pre>
 * c        (vocab × dim)          the word feature matrix C; row w is word w's embedding
 * h        (in × hidden)          hidden weights H, in = contextSize · dim (+ dim with FOFE: x's last block is
 *                                 Σ_k α^k C(w_{t−1−k}), k &lt; K); pre-activation = d + x · h
 * d        (hidden)               hidden bias
 * softmax: out (kp × vp)          output weights, column v = word v's weights over z = [tanh(..); x if direct]
 *          outBias (vp)           b; padding columns −1e30
 * hs:      out ((vocab−1) × k)    one row per inner node of the Huffman tree
 *          outBias (vocab−1)
 * </pre>
 */
final class NnlmWeights {
    final NnlmConfig config;
    final int vocab;
    final int context;
    /** Previous words a row reads: n − 1, or the FOFE window K if longer. */
    final int history;
    /** K, the FOFE window; 0 without FOFE. */
    final int fofeWindow;
    /** α^k for k &lt; K: the FOFE weight of the word k + 1 positions back; empty without FOFE. */
    final float[] fofeWeights;
    final int dim;
    final int hidden;
    final int in;
    final int k;
    final int kp;
    final int vp;
    final boolean hs;
    final float[] c;
    final float[] h;
    final float[] d;
    final float[] out;
    final float[] outBias;
    final int[] codes;
    final int[] points;
    final int[] offsets;

    NnlmWeights(NnlmConfig config, LmVocabulary vocabulary, OutputKernel kernel) {
        this.config = config;
        this.vocab = vocabulary.size();
        this.context = config.contextSize();
        this.history = config.historySize();
        this.fofeWindow = config.effectiveFofeWindow();
        this.fofeWeights = new float[fofeWindow];
        for (int k = 0; k < fofeWindow; k++) {
            fofeWeights[k] = (float) Math.pow(config.fofe(), k);
        }
        this.dim = config.embeddingDim();
        this.hidden = config.hiddenSize();
        this.in = (context + (fofeWindow > 0 ? 1 : 0)) * dim;
        this.k = hidden + (config.direct() ? in : 0);
        this.hs = config.outputLayer() == NnlmConfig.OutputLayer.HIERARCHICAL_SOFTMAX;
        this.c = new float[vocab * dim];
        this.h = new float[in * hidden];
        this.d = new float[hidden];
        if (hs) {
            this.kp = k;
            this.vp = vocab;
            this.out = new float[(vocab - 1) * k];
            this.outBias = new float[vocab - 1];
            long[] counts = vocabulary.counts();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = Math.max(1, counts[i]);
            }
            HuffmanTree tree = HuffmanTree.of(counts);
            this.codes = tree.flatCodes();
            this.points = tree.flatPoints();
            this.offsets = tree.offsets();
        } else {
            this.kp = roundUp(k, kernel.kAlign());
            this.vp = roundUp(vocab, kernel.vAlign());
            this.out = new float[kp * vp];
            this.outBias = new float[vp];
            for (int v = vocab; v < vp; v++) {
                outBias[v] = -1e30f;
            }
            this.codes = null;
            this.points = null;
            this.offsets = null;
        }
    }

    static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    /**
     * Random initial weights: C ~ N(0, 1) (as PyTorch's embedding), H and the output weights uniform in
     * ±1/√fan-in, d = 0, and the output bias = ln of the unigram frequency (full softmax), so that training
     * starts from the unigram model.
     */
    void initialize(LmVocabulary vocabulary, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) gaussian(random);
        }
        double hr = 1 / Math.sqrt(in);
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) ((random.nextDouble() * 2 - 1) * hr);
        }
        double or = 1 / Math.sqrt(k);
        if (hs) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) ((random.nextDouble() * 2 - 1) * or);
            }
        } else {
            for (int kk = 0; kk < k; kk++) {
                for (int v = 0; v < vocab; v++) {
                    out[kk * vp + v] = (float) ((random.nextDouble() * 2 - 1) * or);
                }
            }
            long[] counts = vocabulary.counts();
            double total = 0;
            for (long n : counts) {
                total += n + 1;
            }
            for (int v = 0; v < vocab; v++) {
                outBias[v] = (float) Math.log((counts[v] + 1) / total);
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A deep copy. */
    NnlmWeights copy(LmVocabulary vocabulary) {
        NnlmWeights copy = new NnlmWeights(config, vocabulary, kp, vp);
        copy.copyFrom(this);
        return copy;
    }

    private NnlmWeights(NnlmConfig config, LmVocabulary vocabulary, int kp, int vp) {
        this(config, vocabulary, new FixedAlign(kp, vp));
    }

    /** Copies all values from {@code other} (same shapes). */
    void copyFrom(NnlmWeights other) {
        System.arraycopy(other.c, 0, c, 0, c.length);
        System.arraycopy(other.h, 0, h, 0, h.length);
        System.arraycopy(other.d, 0, d, 0, d.length);
        System.arraycopy(other.out, 0, out, 0, out.length);
        System.arraycopy(other.outBias, 0, outBias, 0, outBias.length);
    }

    /** Output weight of word (or inner node) row r and input j, whatever the layout. */
    float outWeight(int r, int j) {
        return hs ? out[r * k + j] : out[j * vp + r];
    }

    void setOutWeight(int r, int j, float value) {
        if (hs) {
            out[r * k + j] = value;
        } else {
            out[j * vp + r] = value;
        }
    }

    /** The number of output rows: vocab (softmax) or vocab − 1 inner nodes (hs). */
    int outRows() {
        return hs ? vocab - 1 : vocab;
    }

    boolean allFinite() {
        for (float[] a : new float[][] {c, h, d, out}) {
            for (float x : a) {
                if (!Float.isFinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Alignment-only stand-in, so a copy keeps the layout of its original whatever kernel is current. */
    private record FixedAlign(int kp, int vp) implements OutputKernel {
        @Override
        public String name() {
            return "layout";
        }

        @Override
        public int kAlign() {
            return kp;
        }

        @Override
        public int vAlign() {
            return vp;
        }

        @Override
        public void scores(float[] z, int rows, int kp, float[] ut, float[] b, int vp, float[] y) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double softmax(float[] y, int rows, int vp, int[] targets, int tOff, float scale, double[] logp) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void backward(float[] dy, float[] z, int rows, int kp, int vp, float[] ut, float[] b, float[] dz,
                             Update update) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void tanh(float[] x, int off, int n) {
            throw new UnsupportedOperationException();
        }
    }
}
