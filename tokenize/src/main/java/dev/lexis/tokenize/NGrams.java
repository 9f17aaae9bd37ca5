package dev.lexis.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Word n-grams of a token sequence: as joined strings, or hashed into buckets the way fastText does for
 * its classifier's {@code -wordNgrams} option (Joulin et al. 2017, "Bag of Tricks for Efficient Text
 * Classification").
 */
public final class NGrams {

    private NGrams() {}

    /**
     * The n-grams of exactly {@code n} consecutive tokens, each joined with {@code separator}, in order of
     * their first token. {@code [the, cat, sat]} with n = 2 and "_" gives {@code [the_cat, cat_sat]}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static List<String> of(List<String> tokens, int n, String separator) {
        return of(tokens, n, n, separator);
    }

    /**
     * All n-grams with {@code minN <= n <= maxN}, ordered by first token, then by length: {@code [a, b, c]}
     * with 1..2 gives {@code [a, a_b, b, b_c, c]}. Fewer tokens than {@code n} give no n-gram of that length.
     *
     * @throws IllegalArgumentException unless {@code 1 <= minN <= maxN}
     */
    public static List<String> of(List<String> tokens, int minN, int maxN, String separator) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(separator, "separator");
        if (minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("need 1 <= minN <= maxN, got minN=" + minN + ", maxN=" + maxN);
        }
        List<String> grams = new ArrayList<>();
        StringBuilder gram = new StringBuilder();
        int size = tokens.size();
        for (int i = 0; i < size; i++) {
            gram.setLength(0);
            for (int n = 1; n <= maxN && i + n <= size; n++) {
                if (n > 1) {
                    gram.append(separator);
                }
                gram.append(tokens.get(i + n - 1));
                if (n >= minN) {
                    grams.add(gram.toString());
                }
            }
        }
        return grams;
    }

    /**
     * fastText's word hash: 32-bit FNV-1a over the UTF-8 bytes of {@code token}, each byte sign-extended
     * (as fastText's {@code Dictionary::hash} does with {@code int8_t}), returned as a signed int.
     */
    public static int fnv1a(String token) {
        int h = 0x811C9DC5;  // 2166136261
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;  // byte -> int sign-extends, like uint32_t(int8_t(c))
            h *= 16777619;
        }
        return h;
    }

    /**
     * Calls {@code bucketAction} with the bucket, in {@code [0, buckets)}, of every word n-gram of length 2 to
     * {@code maxN}, exactly as fastText's {@code Dictionary::addWordNgrams}: for each start i, the hash is
     * extended by {@code h = h * 116049371 + hash[j]} (64-bit, wrapping) and reduced modulo {@code buckets}
     * as an unsigned number. Add the vocabulary size to get fastText's input row.
     *
     * @param tokenHashes per-token hashes, e.g. {@link #fnv1a(String)}
     * @param maxN        longest n-gram; 1 gives nothing
     * @param buckets     number of buckets, {@code >= 1} (fastText's default is 2,000,000)
     * @throws IllegalArgumentException if {@code maxN < 1} or {@code buckets < 1}
     */
    public static void forEachHashed(int[] tokenHashes, int maxN, int buckets, IntConsumer bucketAction) {
        Objects.requireNonNull(tokenHashes, "tokenHashes");
        Objects.requireNonNull(bucketAction, "bucketAction");
        if (maxN < 1) {
            throw new IllegalArgumentException("maxN must be >= 1, got " + maxN);
        }
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1, got " + buckets);
        }
        for (int i = 0; i < tokenHashes.length; i++) {
            long h = tokenHashes[i];  // int32 -> uint64 sign-extends in fastText too
            for (int j = i + 1; j < tokenHashes.length && j < i + maxN; j++) {
                h = h * 116049371L + tokenHashes[j];
                bucketAction.accept((int) Long.remainderUnsigned(h, buckets));
            }
        }
    }

    /** The buckets of {@link #forEachHashed} as an array, in the same order. */
    public static int[] hashed(int[] tokenHashes, int maxN, int buckets) {
        int count = 0;
        for (int i = 0; i < tokenHashes.length; i++) {
            count += Math.max(0, Math.min(tokenHashes.length, i + maxN) - (i + 1));
        }
        int[] out = new int[count];
        int[] next = {0};
        forEachHashed(tokenHashes, maxN, buckets, b -> out[next[0]++] = b);
        return out;
    }
}
