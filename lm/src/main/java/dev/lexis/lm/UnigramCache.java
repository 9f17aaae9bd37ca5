package dev.lexis.lm;

/**
 * A unigram cache (Kuhn and De Mori 1990, "A Cache-Based Natural Language Model for Speech Recognition",
 * IEEE PAMI 12(6)): p_cache(w_t) = c_t(w_t) / min(t, N), c_t(w) the number of times w occurs among the N
 * tokens before position t of the stream ({@code </s>} and {@code <unk>} included, like every token). It is
 * not a language model on its own — a word not seen in the window gets probability 0, and so does every word at
 * the start of the stream — but a component of a mixture with one (weights by
 * {@link InterpolatedModel#tuneWeights(double[][])} on held-out text): it raises the probability of the words
 * the current document has just used, which Brown's stream of whole documents rewards.
 */
public final class UnigramCache {
    private UnigramCache() {
    }

    /**
     * The natural-log cache probability of each token of a stream given the {@code window} tokens before it
     * ({@link Double#NEGATIVE_INFINITY} where the token is not among them, and at position 0).
     *
     * @param ids       vocabulary ids, each in [0, vocabSize)
     * @param vocabSize the vocabulary size
     * @param window    N, the number of previous tokens counted (&gt;= 1)
     * @return an array as long as {@code ids}
     * @throws IllegalArgumentException if the window is &lt; 1 or an id is out of range
     */
    public static double[] logProbabilities(int[] ids, int vocabSize, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("cache window must be >= 1 tokens, got " + window);
        }
        LmFiles.checkIds(ids, vocabSize);
        int[] counts = new int[vocabSize];
        double[] out = new double[ids.length];
        for (int t = 0; t < ids.length; t++) {
            int seen = Math.min(t, window);
            int c = counts[ids[t]];
            out[t] = c == 0 ? Double.NEGATIVE_INFINITY : Math.log((double) c / seen);
            counts[ids[t]]++;
            if (t >= window) {
                counts[ids[t - window]]--;
            }
        }
        return out;
    }
}
