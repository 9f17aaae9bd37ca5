package dev.lexis.sequence;

/**
 * A sentence as ids: words, case shapes, suffixes and gold tags (−1 for a tag never seen in training, or when
 * there is no gold tag).
 */
record EncodedSentence(int[] words, int[] cases, int[] suffixes, int[] tags) {
    int length() {
        return words.length;
    }

    static EncodedSentence of(TokenEncoder encoder, String[] tokens, int[] tags) {
        int n = tokens.length;
        int[] w = new int[n];
        int[] c = new int[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = encoder.wordId(tokens[i]);
            c[i] = TokenEncoder.caseShape(tokens[i]);
            s[i] = encoder.suffixId(tokens[i]);
        }
        return new EncodedSentence(w, c, s, tags);
    }
}
