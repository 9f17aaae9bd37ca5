package dev.lexis.nn;

import static dev.lexis.nn.Ops.K;

import java.util.Arrays;

/**
 * Negative sampling (Mikolov et al. 2013): instead of a softmax over the vocabulary, a logistic regression
 * telling the true output word from k noise words. Per example the loss is
 * −log σ(h·u_pos) − Σ_neg log σ(−h·u_neg), where u are rows of the output embedding matrix (vocabSize, dim).
 * The noise words are drawn by the caller (word2vec's unigram^0.75 table, {@code UnigramSampler}); as in
 * word2vec.c, a noise word equal to the positive word is skipped.
 */
public final class NegativeSampling {
    private NegativeSampling() {
    }

    /** {@link #loss(Var, Var, int[], int[], int)} on {@code tape.param(outputEmbeddings)}. */
    public static Var loss(Var hidden, Parameter outputEmbeddings, int[] positives, int[] negatives, int k) {
        return loss(hidden, hidden.tape.param(outputEmbeddings), positives, negatives, k);
    }

    /**
     * The mean over the batch of the negative-sampling loss.
     *
     * @param hidden (batch, dim)
     * @param outputEmbeddings (vocabSize, dim); as a sparse-row parameter only the rows of the positive and
     *     noise words get gradients
     * @param positives the true word of each example (batch values)
     * @param negatives k noise words per example, example b's at [b·k, (b+1)·k) (batch · k values)
     * @param k noise words per example (≥ 0)
     */
    public static Var loss(Var hidden, Var outputEmbeddings, int[] positives, int[] negatives, int k) {
        Tape tape = hidden.tape;
        tape.check(hidden);
        tape.check(outputEmbeddings);
        int batch = hidden.value.rows();
        int dim = hidden.value.cols();
        if (outputEmbeddings.rank() != 2 || outputEmbeddings.dim(1) != dim) {
            throw new IllegalArgumentException("negative sampling: output embeddings "
                    + Arrays.toString(outputEmbeddings.shape()) + " must be (vocabSize, " + dim + ")");
        }
        if (k < 0 || positives.length < batch || negatives.length < batch * k) {
            throw new IllegalArgumentException("negative sampling: " + positives.length + " positives and "
                    + negatives.length + " negatives for " + batch + " examples with k=" + k);
        }
        int vocab = outputEmbeddings.dim(0);
        Var out = tape.op(BACKWARD, hidden, outputEmbeddings, null, new int[0], false);
        out.ids = positives;
        out.aux = negatives;
        out.i0 = batch;
        out.i1 = k;
        float[] f = out.scratch(0, batch * (k + 1));
        float[] h = hidden.value.data();
        float[] u = outputEmbeddings.value.data();
        int uo = outputEmbeddings.value.offset();
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int ho = hidden.value.offset() + b * dim;
            int pos = positives[b];
            for (int j = 0; j <= k; j++) {
                int word = j == 0 ? pos : negatives[b * k + j - 1];
                if (word < 0 || word >= vocab) {
                    throw new IllegalArgumentException("negative sampling: word " + word + " (example " + b
                            + ") is outside the " + vocab + " output rows");
                }
                if (j > 0 && word == pos) {
                    continue;
                }
                float score = K.dot(h, ho, u, uo + word * dim, dim);
                f[b * (k + 1) + j] = score;
                loss += j == 0 ? softplus(-score) : softplus(score);
            }
        }
        out.value.set(0, (float) (loss / batch));
        return out;
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static final Backward BACKWARD = out -> {
        Var hidden = out.in0;
        Var emb = out.in1;
        int batch = out.i0;
        int k = out.i1;
        int[] positives = out.ids;
        int[] negatives = (int[]) out.aux;
        int dim = hidden.value.cols();
        float scale = out.grad.get(0) / batch;
        float[] f = out.scratch[0];
        Tensor dh = hidden.requiresGrad ? hidden.gradBuffer() : null;
        Gradients.Entry entry = emb.entry;
        Tensor du = !emb.requiresGrad ? null : entry != null ? entry.grad : emb.gradBuffer();
        float[] h = hidden.value.data();
        float[] u = emb.value.data();
        int uo = emb.value.offset();
        for (int b = 0; b < batch; b++) {
            int ho = hidden.value.offset() + b * dim;
            int pos = positives[b];
            for (int j = 0; j <= k; j++) {
                int word = j == 0 ? pos : negatives[b * k + j - 1];
                if (j > 0 && word == pos) {
                    continue;
                }
                // d/dscore: σ(score) − label, label 1 for the positive word, 0 for noise
                float g = scale * (Ops.sigmoid(f[b * (k + 1) + j]) - (j == 0 ? 1f : 0f));
                if (dh != null) {
                    K.axpy(g, u, uo + word * dim, dh.data(), dh.offset() + b * dim, dim);
                }
                if (du != null) {
                    if (entry != null) {
                        entry.touchRow(word);
                    }
                    K.axpy(g, h, ho, du.data(), du.offset() + word * dim, dim);
                }
            }
        }
    };
}
