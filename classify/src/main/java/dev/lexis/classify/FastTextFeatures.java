package dev.lexis.classify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Maps tokens to fastText input rows: the ids of known words, then one hashed bucket per word n-gram
 * (2 ≤ n ≤ wordNgrams) at row {@code words + hash % buckets}, hashing as fastText does (FNV-1a of each
 * token's UTF-8 bytes, combined as {@code h = h * 116049371 + next}); unknown words still take part in n-grams.
 */
final class FastTextFeatures {
    private final Map<String, Integer> wordIds;
    private final int words;
    private final int wordNgrams;
    private final int buckets;

    FastTextFeatures(Map<String, Integer> wordIds, int wordNgrams, int buckets) {
        this.wordIds = wordIds;
        this.words = wordIds.size();
        this.wordNgrams = wordNgrams;
        this.buckets = buckets;
    }

    /** Rows in the input matrix: words plus buckets. */
    int rows() {
        return words + (wordNgrams > 1 ? buckets : 0);
    }

    /** Upper bound on the features of {@code tokenCount} tokens. */
    int maxFeatures(int tokenCount) {
        return tokenCount * wordNgrams;
    }

    /** Writes the feature rows of {@code tokens} to {@code out}; returns how many. */
    int features(List<String> tokens, int[] out) {
        int[] hashes = wordNgrams > 1 ? new int[tokens.size()] : null;
        int n = words(tokens, out, hashes);
        return hashes == null ? n : ngrams(hashes, out, n);
    }

    // the ids of the known words to out[0 ..), and each token's hash (when hashes is not null); returns how many ids.
    // The two loops are methods of their own so that the JIT compiles each once, not first on the stack (OSR)
    private int words(List<String> tokens, int[] out, int[] hashes) {
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            Integer id = wordIds.get(t);
            if (id != null) {
                out[n++] = id;
            }
            if (hashes != null) {
                hashes[i] = hash(t);
            }
        }
        return n;
    }

    // the bucket rows of the word n-grams (2 <= n <= wordNgrams) to out[n ..); returns the new count
    private int ngrams(int[] hashes, int[] out, int n) {
        for (int i = 0; i < hashes.length; i++) {
            long h = hashes[i];                      // fastText: int32 hash widened to uint64 (sign-extended)
            for (int j = i + 1; j < hashes.length && j < i + wordNgrams; j++) {
                h = h * 116049371L + hashes[j];
                out[n++] = words + (int) Long.remainderUnsigned(h, buckets);
            }
        }
        return n;
    }

    /** fastText's string hash: FNV-1a over the UTF-8 bytes, each byte sign-extended as a C {@code char}. */
    static int hash(String token) {
        int h = 0x811C9DC5;
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 16777619;
        }
        return h;
    }
}
