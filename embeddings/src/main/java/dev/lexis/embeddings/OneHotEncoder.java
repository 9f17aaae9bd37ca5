package dev.lexis.embeddings;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One-hot word representations over a fixed vocabulary: word → index, and text → a sparse bag of one-hot
 * counts.
 *
 * <p>A one-hot vector of word {@code i} has a 1 at position {@code i} and 0 elsewhere, so multiplying it by an
 * embedding matrix {@code E} of shape {@code (vocabSize, dim)} gives {@code Σ_j onehot[j] · E[j] = E[i]}: the
 * product is just row {@code i} of the matrix. That is why embedding layers (and word2vec's input layer) never
 * build the dense {@code vocabSize}-long vector: they look the row up ({@link #lookup}), at O(dim) cost instead
 * of O(vocabSize · dim). Likewise a bag of words times {@code E} is the count-weighted sum of the rows of the
 * words present ({@link #bagTimes}). This class never materializes a dense one-hot vector.
 *
 * <p>Immutable and thread-safe.
 */
public final class OneHotEncoder {

    private final String[] words;
    private final WordVectors.WordIndex index;

    /**
     * @param vocabulary distinct words; word {@code i} gets index {@code i}
     * @throws IllegalArgumentException if a word repeats or is empty
     */
    public OneHotEncoder(List<String> vocabulary) {
        this.words = vocabulary.toArray(new String[0]);
        for (int i = 0; i < words.length; i++) {
            if (words[i] == null || words[i].isEmpty()) {
                throw new IllegalArgumentException("word " + i + " is empty");
            }
        }
        this.index = new WordVectors.WordIndex(words);
    }

    /** @return the number of words (the length of a one-hot vector) */
    public int vocabSize() {
        return words.length;
    }

    /** @return the position of the 1 in the word's one-hot vector, or empty for an unknown word */
    public OptionalInt indexOf(String word) {
        int i = index.get(Objects.requireNonNull(word, "word"));
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** @return the word at an index */
    public String wordAt(int i) {
        Objects.checkIndex(i, words.length);
        return words[i];
    }

    /**
     * A sparse bag of one-hot counts: the sum of the one-hot vectors of the tokens, as sorted indices and their
     * counts. Unknown tokens are counted in {@code unknown}.
     *
     * @param indices distinct word indices, ascending
     * @param counts  occurrences of each
     * @param unknown tokens not in the vocabulary
     */
    public record Bag(int[] indices, int[] counts, int unknown) {

        /** @return the number of distinct known words */
        public int size() {
            return indices.length;
        }

        /** @return the count of a word index (0 when absent) */
        public int countOf(int index) {
            int p = Arrays.binarySearch(indices, index);
            return p < 0 ? 0 : counts[p];
        }
    }

    /**
     * @param tokens the tokens of a text (already tokenized)
     * @return their bag of one-hot counts
     */
    public Bag bagOf(List<String> tokens) {
        int[] ids = new int[tokens.size()];
        int n = 0;
        int unknown = 0;
        for (String t : tokens) {
            int i = index.get(t);
            if (i < 0) {
                unknown++;
            } else {
                ids[n++] = i;
            }
        }
        Arrays.sort(ids, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                distinct++;
            }
        }
        int[] idx = new int[distinct];
        int[] cnt = new int[distinct];
        int d = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                idx[++d] = ids[i];
            }
            cnt[d]++;
        }
        return new Bag(idx, cnt, unknown);
    }

    /**
     * The product of a word's one-hot vector with a matrix: row {@code index} of {@code matrix} (shape
     * {@code (vocabSize, dim)}, row-major), copied into {@code out} at {@code outOffset}.
     *
     * @throws IllegalArgumentException if the matrix is not {@code vocabSize × dim}
     */
    public void lookup(int index, float[] matrix, int dim, float[] out, int outOffset) {
        checkMatrix(matrix, dim);
        Objects.checkIndex(index, words.length);
        System.arraycopy(matrix, index * dim, out, outOffset, dim);
    }

    /**
     * The product of a bag of one-hot counts with a matrix of shape {@code (vocabSize, dim)}: the count-weighted
     * sum of the rows of the words in the bag.
     *
     * @return a new vector of length {@code dim}
     */
    public float[] bagTimes(Bag bag, float[] matrix, int dim) {
        checkMatrix(matrix, dim);
        float[] out = new float[dim];
        for (int i = 0; i < bag.indices().length; i++) {
            VecMath.axpy(bag.counts()[i], matrix, bag.indices()[i] * dim, out, 0, dim);
        }
        return out;
    }

    private void checkMatrix(float[] matrix, int dim) {
        if (dim < 1 || (long) words.length * dim != matrix.length) {
            throw new IllegalArgumentException("matrix has " + matrix.length + " floats, expected " + words.length
                    + " x " + dim);
        }
    }
}
