package dev.lexis.corpora;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cuts long token sequences into pieces, as the word2vec C tool does (Mikolov et al. 2013, {@code word2vec.c}: a
 * sentence ends after {@code MAX_SENTENCE_LENGTH = 1000} words and the next word starts a new one). A sequence of
 * length L becomes {@code ceil(L / maxLength)} consecutive pieces, all of exactly {@code maxLength} tokens but the
 * last; an empty sequence gives no pieces.
 */
public final class Sentences {
    /** word2vec.c's {@code MAX_SENTENCE_LENGTH}. */
    public static final int WORD2VEC_MAX_LENGTH = 1000;

    private Sentences() {
    }

    /** Receives the piece {@code [from, to)} of a sequence. */
    @FunctionalInterface
    public interface RangeConsumer {
        void accept(int from, int to);
    }

    /** The number of pieces a sequence of {@code length} tokens is cut into. */
    public static int pieceCount(int length, int maxLength) {
        check(length, maxLength);
        return (int) (((long) length + maxLength - 1) / maxLength);
    }

    /** Calls {@code consumer} with the bounds of each piece, in order; allocates nothing. */
    public static void forEachPiece(int length, int maxLength, RangeConsumer consumer) {
        check(length, maxLength);
        for (int from = 0; from < length; from += maxLength) {
            consumer.accept(from, Math.min(length, from + maxLength));
        }
    }

    /** The pieces of {@code tokens} (copies; a sequence short enough comes back as the same array). */
    public static List<String[]> split(String[] tokens, int maxLength) {
        Objects.requireNonNull(tokens, "tokens");
        check(tokens.length, maxLength);
        if (tokens.length == 0) {
            return List.of();
        }
        if (tokens.length <= maxLength) {
            return List.<String[]>of(tokens);
        }
        List<String[]> pieces = new ArrayList<>(pieceCount(tokens.length, maxLength));
        forEachPiece(tokens.length, maxLength, (from, to) -> pieces.add(Arrays.copyOfRange(tokens, from, to)));
        return pieces;
    }

    /** The pieces of {@code ids} (copies; a sequence short enough comes back as the same array). */
    public static List<int[]> split(int[] ids, int maxLength) {
        Objects.requireNonNull(ids, "ids");
        check(ids.length, maxLength);
        if (ids.length == 0) {
            return List.of();
        }
        if (ids.length <= maxLength) {
            return List.<int[]>of(ids);
        }
        List<int[]> pieces = new ArrayList<>(pieceCount(ids.length, maxLength));
        forEachPiece(ids.length, maxLength, (from, to) -> pieces.add(Arrays.copyOfRange(ids, from, to)));
        return pieces;
    }

    /** The pieces of {@code tokens} as {@link List#subList} views of it. */
    public static <T> List<List<T>> split(List<T> tokens, int maxLength) {
        Objects.requireNonNull(tokens, "tokens");
        check(tokens.size(), maxLength);
        List<List<T>> pieces = new ArrayList<>(pieceCount(tokens.size(), maxLength));
        forEachPiece(tokens.size(), maxLength, (from, to) -> pieces.add(tokens.subList(from, to)));
        return pieces;
    }

    private static void check(int length, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
    }
}
