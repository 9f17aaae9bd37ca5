package dev.lexis.embeddings;

/** A query named a word that the vectors do not contain; the message names the word. */
public final class UnknownWordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String word;

    /**
     * @param word      the unknown word
     * @param vocabSize the number of words in the vocabulary
     */
    public UnknownWordException(String word, int vocabSize) {
        super("unknown word \"" + word + "\": not in the vocabulary (" + vocabSize + " words)");
        this.word = word;
    }

    /**
     * For vectors with a subword model: the word is outside the vocabulary and none of its character n-grams is
     * known either.
     *
     * @param word      the unknown word
     * @param vocabSize the number of words in the vocabulary
     * @param subwords  true: say that no n-gram of the word is known
     */
    public UnknownWordException(String word, int vocabSize, boolean subwords) {
        super("unknown word \"" + word + "\": not in the vocabulary (" + vocabSize + " words)"
                + (subwords ? " and none of its character n-grams is known" : ""));
        this.word = word;
    }

    /** @return the word that was not found */
    public String word() {
        return word;
    }
}
