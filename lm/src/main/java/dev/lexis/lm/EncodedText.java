package dev.lexis.lm;

/**
 * A text as one stream of vocabulary ids (see {@link LmVocabulary} for the conventions).
 *
 * @param source where it came from (a file name, for messages)
 * @param ids    the ids, each sentence followed by {@link LmVocabulary#EOS_ID}; not copied
 * @param oov    how many tokens were not in the vocabulary and became {@link LmVocabulary#UNK}
 */
public record EncodedText(String source, int[] ids, long oov) {
    public EncodedText {
        if (ids == null) {
            throw new IllegalArgumentException("ids must not be null");
        }
    }

    /** The number of tokens, {@link LmVocabulary#EOS} included. */
    public int length() {
        return ids.length;
    }
}
