package dev.lexis.nn;

import java.util.Arrays;

/**
 * A binary Huffman tree over a vocabulary, built from word counts exactly as the word2vec C tool's
 * {@code CreateBinaryTree} builds it (Mikolov et al. 2013, "Distributed Representations of Words and Phrases
 * and their Compositionality", section 2.1), for hierarchical softmax in word2vec and in the NNLM output.
 *
 * <p>Word {@code id} (0-based, in the order of the counts given) has a path of {@link #codeLength(int)}
 * inner nodes from the root: {@link #points(int)} are the inner-node indices ({@code 0 .. vocabSize-2}, the
 * root is {@code vocabSize - 2}; they index the rows of the output matrix {@code syn1}), and
 * {@link #codes(int)} are the branch bits taken at each of them (0 or 1). A hierarchical-softmax step
 * trains {@code sigma(h . syn1[points[d]])} towards {@code 1 - codes[d]}, as the C tool does.
 *
 * <p>Frequent words get short codes. Ties are broken as in the C tool when the counts are sorted by
 * decreasing count (the usual vocabulary order); unsorted counts are sorted internally by a stable sort, so
 * the tree is the same as the C tool's on the sorted vocabulary. The depth is at most {@link #MAX_CODE_LENGTH}
 * (the C tool's {@code MAX_CODE_LENGTH}); deeper trees (only possible for astronomically skewed counts) are
 * refused with an {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe. For hot loops, {@link #flatCodes()}, {@link #flatPoints()} and
 * {@link #offsets()} give all paths concatenated in plain {@code int[]} arrays (copies, made once).
 */
public final class HuffmanTree {

    /** Maximum code length, as {@code MAX_CODE_LENGTH} in word2vec.c. */
    public static final int MAX_CODE_LENGTH = 40;

    private final int vocabSize;
    private final int[] offsets;   // vocabSize + 1; path of word w is [offsets[w], offsets[w+1])
    private final int[] codes;     // concatenated branch bits
    private final int[] points;    // concatenated inner-node indices

    private HuffmanTree(int vocabSize, int[] offsets, int[] codes, int[] points) {
        this.vocabSize = vocabSize;
        this.offsets = offsets;
        this.codes = codes;
        this.points = points;
    }

    /**
     * Builds the tree.
     *
     * @param counts occurrence count of each word, {@code counts[id] >= 1}; usually sorted by decreasing count
     * @return the tree over {@code counts.length} words
     * @throws IllegalArgumentException if there are fewer than 2 words, a count is below 1, or a code would be
     *                                  longer than {@link #MAX_CODE_LENGTH}
     */
    public static HuffmanTree of(long[] counts) {
        int n = counts.length;
        if (n < 2) {
            throw new IllegalArgumentException("a Huffman tree needs at least 2 words, got " + n);
        }
        // order: word ids by decreasing count (stable), as the C tool's sorted vocabulary
        int[] order = null;
        for (int i = 0; i < n; i++) {
            if (counts[i] < 1) {
                throw new IllegalArgumentException("count of word " + i + " must be >= 1, got " + counts[i]);
            }
            if (i > 0 && counts[i] > counts[i - 1] && order == null) {
                order = new int[0]; // mark: needs sorting
            }
        }
        long[] count = new long[2 * n];
        int[] word = new int[n]; // sorted position -> word id
        if (order == null) {
            for (int i = 0; i < n; i++) {
                word[i] = i;
            }
        } else {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Long.compare(counts[b], counts[a])); // stable merge sort
            for (int i = 0; i < n; i++) {
                word[i] = boxed[i];
            }
        }
        for (int i = 0; i < n; i++) {
            count[i] = counts[word[i]];
        }
        Arrays.fill(count, n, 2 * n, Long.MAX_VALUE / 4);
        int[] parent = new int[2 * n];
        byte[] binary = new byte[2 * n];
        int pos1 = n - 1;
        int pos2 = n;
        for (int a = 0; a < n - 1; a++) {
            int min1;
            int min2;
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min1 = pos1--;
            } else {
                min1 = pos2++;
            }
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min2 = pos1--;
            } else {
                min2 = pos2++;
            }
            count[n + a] = count[min1] + count[min2];
            parent[min1] = n + a;
            parent[min2] = n + a;
            binary[min2] = 1;
        }
        int root = 2 * n - 2;
        int[] lengths = new int[n];
        long total = 0;
        for (int s = 0; s < n; s++) {
            int len = 0;
            for (int b = s; b != root; b = parent[b]) {
                len++;
            }
            if (len > MAX_CODE_LENGTH) {
                throw new IllegalArgumentException("Huffman code of word " + word[s] + " has length " + len
                        + " > " + MAX_CODE_LENGTH + "; the counts are too skewed");
            }
            lengths[word[s]] = len;
            total += len;
        }
        int[] offsets = new int[n + 1];
        for (int w = 0; w < n; w++) {
            offsets[w + 1] = offsets[w] + lengths[w];
        }
        int[] codes = new int[(int) total];
        int[] points = new int[(int) total];
        for (int s = 0; s < n; s++) {
            int w = word[s];
            int len = lengths[w];
            int base = offsets[w];
            // walk leaf -> root, store root -> leaf (reversed), as the C tool does
            int i = len - 1;
            for (int b = s; b != root; b = parent[b]) {
                codes[base + i] = binary[b];
                points[base + i] = parent[b] - n;
                i--;
            }
        }
        return new HuffmanTree(n, offsets, codes, points);
    }

    /** @return the number of words (leaves) */
    public int vocabSize() {
        return vocabSize;
    }

    /** @return the number of inner nodes, {@code vocabSize - 1} (rows of the output matrix) */
    public int innerNodeCount() {
        return vocabSize - 1;
    }

    /** @return the code length (path depth) of word {@code id} */
    public int codeLength(int id) {
        checkId(id);
        return offsets[id + 1] - offsets[id];
    }

    /** @return the branch bits of word {@code id}, from the root down (a copy) */
    public int[] codes(int id) {
        checkId(id);
        return Arrays.copyOfRange(codes, offsets[id], offsets[id + 1]);
    }

    /** @return the inner-node indices on the path of word {@code id}, from the root down (a copy) */
    public int[] points(int id) {
        checkId(id);
        return Arrays.copyOfRange(points, offsets[id], offsets[id + 1]);
    }

    /** @return all codes concatenated; word w's are at {@code [offsets()[w], offsets()[w+1])} (a copy) */
    public int[] flatCodes() {
        return codes.clone();
    }

    /** @return all points concatenated, aligned with {@link #flatCodes()} (a copy) */
    public int[] flatPoints() {
        return points.clone();
    }

    /** @return {@code vocabSize + 1} start offsets into the flat arrays (a copy) */
    public int[] offsets() {
        return offsets.clone();
    }

    private void checkId(int id) {
        if (id < 0 || id >= vocabSize) {
            throw new IllegalArgumentException("word id " + id + " out of range [0, " + vocabSize + ")");
        }
    }
}
