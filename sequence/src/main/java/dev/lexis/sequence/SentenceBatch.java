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
    int[] targets = new int[0];

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
            targets = new int[n];
        }
        if (lengths.length < batch) {
            lengths = new int[batch];
        }
        tokens = 0;
        for (int s = 0; s < batch; s++) {
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
                    targets[r] = e.tags() == null ? -1 : e.tags()[t];
                } else {
                    words[r] = -1;
                    cases[r] = -1;
                    suffixes[r] = -1;
                    targets[r] = -1;
                }
            }
        }
    }
}
