package dev.lexis.sequence;

/**
 * A sentence as ids: words, case shapes, suffixes, character n-gram buckets per token (null when not used), values
 * of the extra input column (null when not used) and gold
 * tags (−1 for a tag never seen in training, or when there is no gold tag).
 */
record EncodedSentence(int[] words, int[] cases, int[] suffixes, int[][] subwords, int[] columns, int[] tags) {
    int length() {
        return words.length;
    }

    static EncodedSentence of(TokenEncoder encoder, String[] tokens, int[] tags) {
        return of(encoder, tokens, null, tags);
    }

    /** @param column the extra input column's values (null when the tagger reads none) */
    static EncodedSentence of(TokenEncoder encoder, String[] tokens, String[] column, int[] tags) {
        int n = tokens.length;
        int[] w = new int[n];
        int[] c = new int[n];
        int[] s = new int[n];
        int[][] sub = null;
        int[] col = column == null ? null : new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = encoder.wordId(tokens[i]);
            c[i] = TokenEncoder.caseShape(tokens[i]);
            s[i] = encoder.suffixId(tokens[i]);
            if (col != null) {
                col[i] = encoder.columnId(column[i]);
            }
            int[] buckets = encoder.subwords(tokens[i]);
            if (buckets != null) {
                if (sub == null) {
                    sub = new int[n][];
                }
                sub[i] = buckets;
            }
        }
        return new EncodedSentence(w, c, s, sub, col, tags);
    }
}
