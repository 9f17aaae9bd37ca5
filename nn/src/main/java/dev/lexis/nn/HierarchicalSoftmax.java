package dev.lexis.nn;

import static dev.lexis.nn.Ops.K;

import java.util.Arrays;

/**
 * Hierarchical softmax over a binary (Huffman) tree (Morin &amp; Bengio 2005; Mikolov et al. 2013): the
 * probability of a word is the product of binary decisions along its path from the root, each a logistic
 * regression of the hidden vector on one inner node's weight row.
 *
 * <p>The tree is given as plain arrays, indexed by word id: {@code codes[w]} holds the 0/1 branch taken at
 * each inner node on w's path, and {@code points[w]} the indices of those inner nodes, rows of an inner-node
 * weight matrix of shape (vocabSize − 1, dim). As in word2vec.c, code 0 is the label 1 for the sigmoid: the
 * probability of the path is Π σ((1 − 2·code) · h·v_point), and the loss per word is
 * Σ −log σ((1 − 2·code) · h·v_point). The gradient of each node's score is σ(h·v) − (1 − code).
 */
public final class HierarchicalSoftmax {
    private HierarchicalSoftmax() {
    }

    /** {@link #loss(Var, Var, int[][], int[][], int[])} on {@code tape.param(innerWeights)}. */
    public static Var loss(Var hidden, Parameter innerWeights, int[][] codes, int[][] points, int[] targets) {
        return loss(hidden, hidden.tape.param(innerWeights), codes, points, targets);
    }

    /**
     * The mean over the batch of −log P(target | hidden).
     *
     * @param hidden (batch, dim) hidden vectors, one per example
     * @param innerWeights (vocabSize − 1, dim); when it is a sparse-row parameter only the inner nodes on the
     *     targets' paths get gradients (touched rows)
     * @param codes codes[w]: 0/1 branches on word w's path (word2vec's {@code code})
     * @param points points[w]: inner-node rows on word w's path (word2vec's {@code point}), same length as
     *     codes[w]
     * @param targets the word of each example (batch values); read again in backward
     */
    public static Var loss(Var hidden, Var innerWeights, int[][] codes, int[][] points, int[] targets) {
        Tape tape = hidden.tape;
        tape.check(hidden);
        tape.check(innerWeights);
        int batch = hidden.value.rows();
        int dim = hidden.value.cols();
        if (innerWeights.rank() != 2 || innerWeights.dim(1) != dim) {
            throw new IllegalArgumentException("hierarchical softmax: inner weights " + Arrays.toString(innerWeights.shape())
                    + " must be (vocabSize - 1, " + dim + ")");
        }
        if (targets.length < batch) {
            throw new IllegalArgumentException("hierarchical softmax: " + targets.length + " targets for " + batch
                    + " hidden vectors");
        }
        int nodes = innerWeights.dim(0);
        int pathTotal = 0;
        for (int b = 0; b < batch; b++) {
            int w = targets[b];
            if (w < 0 || w >= codes.length || w >= points.length) {
                throw new IllegalArgumentException("hierarchical softmax: target " + w + " of example " + b
                        + " has no path (tree of " + codes.length + " words)");
            }
            if (codes[w].length != points[w].length) {
                throw new IllegalArgumentException("hierarchical softmax: word " + w + " has " + codes[w].length
                        + " codes but " + points[w].length + " points");
            }
            pathTotal += codes[w].length;
        }
        Var out = tape.op(BACKWARD, hidden, innerWeights, null, new int[0], false);
        out.ids = targets;
        out.aux = new int[][][] {codes, points};
        float[] f = out.scratch(0, pathTotal);
        float[] h = hidden.value.data();
        float[] v = innerWeights.value.data();
        int vo = innerWeights.value.offset();
        double loss = 0;
        int k = 0;
        for (int b = 0; b < batch; b++) {
            int w = targets[b];
            int[] code = codes[w];
            int[] point = points[w];
            int ho = hidden.value.offset() + b * dim;
            for (int j = 0; j < code.length; j++) {
                int node = point[j];
                if (node < 0 || node >= nodes) {
                    throw new IllegalArgumentException("hierarchical softmax: inner node " + node + " on the path of word "
                            + w + " is outside the " + nodes + " rows of the inner weights");
                }
                float score = K.dot(h, ho, v, vo + node * dim, dim);
                f[k++] = score;
                // −log σ(s·score) = softplus(−s·score), s = 1 − 2·code
                float z = code[j] == 0 ? score : -score;
                loss += softplus(-z);
            }
        }
        out.i0 = batch;
        out.value.set(0, (float) (loss / batch));
        return out;
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static final Backward BACKWARD = out -> {
        Var hidden = out.in0;
        Var inner = out.in1;
        int[][][] tree = (int[][][]) out.aux;
        int[][] codes = tree[0];
        int[][] points = tree[1];
        int batch = out.i0;
        int dim = hidden.value.cols();
        float scale = out.grad.get(0) / batch;
        float[] f = out.scratch[0];
        Tensor dh = hidden.requiresGrad ? hidden.gradBuffer() : null;
        Gradients.Entry entry = inner.entry;
        Tensor dv = !inner.requiresGrad ? null : entry != null ? entry.grad : inner.gradBuffer();
        float[] h = hidden.value.data();
        float[] v = inner.value.data();
        int vo = inner.value.offset();
        int k = 0;
        for (int b = 0; b < batch; b++) {
            int w = out.ids[b];
            int[] code = codes[w];
            int[] point = points[w];
            int ho = hidden.value.offset() + b * dim;
            for (int j = 0; j < code.length; j++) {
                int node = point[j];
                float g = scale * (Ops.sigmoid(f[k++]) - (1 - code[j]));
                if (dh != null) {
                    K.axpy(g, v, vo + node * dim, dh.data(), dh.offset() + b * dim, dim);
                }
                if (dv != null) {
                    if (entry != null) {
                        entry.touchRow(node);
                    }
                    K.axpy(g, h, ho, dv.data(), dv.offset() + node * dim, dim);
                }
            }
        }
    };

    /**
     * log P(word | hidden) in double for one hidden vector of {@code dim} values at {@code hidden[offset]}
     * (no tape), e.g. for perplexity.
     */
    public static double logProbability(float[] hidden, int offset, Tensor innerWeights, int[] code, int[] point) {
        int dim = innerWeights.cols();
        double lp = 0;
        for (int j = 0; j < code.length; j++) {
            float score = K.dot(hidden, offset, innerWeights.data(), innerWeights.offset() + point[j] * dim, dim);
            float z = code[j] == 0 ? score : -score;
            lp -= softplus(-z);
        }
        return lp;
    }
}
