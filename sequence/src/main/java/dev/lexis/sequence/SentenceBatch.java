package dev.lexis.sequence;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A mini-batch of sentences laid out time-major for the recurrent layers: row t · batch + s holds token t of
 * sentence s; sentences sorted longest first; padding ids and targets are −1. Reusable: {@link #fill} grows the
 * arrays only when a larger batch comes.
 */
final class SentenceBatch {
    int batch;
    int steps;
    int tokens;
    int[] lengths = new int[0];
    int[] words = new int[0];
    int[] cases = new int[0];
    int[] suffixes = new int[0];
    int[] columns = new int[0];
    int[] targets = new int[0];
    /** Character n-gram bags, one per row (empty on padding rows): Ops.embeddingBag's offsets, ids and weights. */
    int[] subwordOffsets = new int[1];
    int[] subwordIds = new int[0];
    float[] subwordWeights = new float[0];

    /**
     * Fills the batch with {@code sentences} (already sorted longest first).
     *
     * @param singletons  per word id, whether it was seen once in training (for word dropout), or null
     * @param wordDropout probability of replacing a singleton by {@code <unk>} (id 0)
     */
    void fill(List<EncodedSentence> sentences, boolean[] singletons, float wordDropout, SplittableRandom random) {
        batch = sentences.size();
        steps = batch == 0 ? 0 : sentences.get(0).length();
        int n = Math.max(1, batch * steps);
        if (words.length < n) {
            words = new int[n];
            cases = new int[n];
            suffixes = new int[n];
            columns = new int[n];
            targets = new int[n];
        }
        if (lengths.length < batch) {
            lengths = new int[batch];
        }
        tokens = 0;
        boolean subwords = false;
        for (int s = 0; s < batch; s++) {
            subwords |= sentences.get(s).subwords() != null;
            EncodedSentence e = sentences.get(s);
            int len = e.length();
            assert len <= steps : "sentences must be sorted longest first";
            lengths[s] = len;
            tokens += len;
            for (int t = 0; t < steps; t++) {
                int r = t * batch + s;
                if (t < len) {
                    int w = e.words()[t];
                    if (singletons != null && wordDropout > 0 && singletons[w] && random.nextDouble() < wordDropout) {
                        w = 0;
                    }
                    words[r] = w;
                    cases[r] = e.cases()[t];
                    suffixes[r] = e.suffixes()[t];
                    columns[r] = e.columns() == null ? 0 : e.columns()[t];
                    targets[r] = e.tags() == null ? -1 : e.tags()[t];
                } else {
                    words[r] = -1;
                    cases[r] = -1;
                    suffixes[r] = -1;
                    columns[r] = -1;
                    targets[r] = -1;
                }
            }
        }
        if (subwords) {
            fillSubwords(sentences, n);
        }
    }

    /** Row r's bag: the n-gram buckets of its token, each weighted 1/count (their mean); padding rows: empty. */
    private void fillSubwords(List<EncodedSentence> sentences, int rows) {
        if (subwordOffsets.length < rows + 1) {
            subwordOffsets = new int[rows + 1];
        }
        int total = 0;
        for (EncodedSentence e : sentences) {
            if (e.subwords() == null) {
                continue;   // an empty sentence
            }
            for (int[] b : e.subwords()) {
                total += b.length;
            }
        }
        if (subwordIds.length < total) {
            subwordIds = new int[total];
            subwordWeights = new float[total];
        }
        int k = 0;
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < batch; s++) {
                subwordOffsets[t * batch + s] = k;
                EncodedSentence e = sentences.get(s);
                if (t < e.length()) {
                    int[] b = e.subwords()[t];
                    float w = 1f / b.length;
                    for (int id : b) {
                        subwordIds[k] = id;
                        subwordWeights[k++] = w;
                    }
                }
            }
        }
        subwordOffsets[steps * batch] = k;
    }
}
