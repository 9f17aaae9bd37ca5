package dev.lexis.corpora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void cutsLikeWord2vecIntoPiecesOfAtMostTheMaximum() {
        String[] tokens = IntStream.range(0, 2500).mapToObj(i -> "w" + i).toArray(String[]::new);
        List<String[]> pieces = Sentences.split(tokens, Sentences.WORD2VEC_MAX_LENGTH);
        assertEquals(3, pieces.size());
        assertEquals(1000, pieces.get(0).length);
        assertEquals(1000, pieces.get(1).length);
        assertEquals(500, pieces.get(2).length);
        assertEquals("w1000", pieces.get(1)[0]);
        assertEquals("w2499", pieces.get(2)[499]);
    }

    @Test
    void exactMultiplesShortAndEmptySequences() {
        int[] ids = IntStream.range(0, 2000).toArray();
        List<int[]> pieces = Sentences.split(ids, 1000);
        assertEquals(2, pieces.size());
        assertArrayEquals(IntStream.range(1000, 2000).toArray(), pieces.get(1));
        int[] shortIds = {1, 2, 3};
        assertSame(shortIds, Sentences.split(shortIds, 1000).get(0));
        assertEquals(0, Sentences.split(new int[0], 1000).size());
        assertEquals(List.of(List.of("a", "b"), List.of("c")), Sentences.split(List.of("a", "b", "c"), 2));
        assertEquals(0, Sentences.pieceCount(0, 1000));
        assertEquals(1, Sentences.pieceCount(1000, 1000));
        assertEquals(2, Sentences.pieceCount(1001, 1000));
    }

    @Test
    void forEachPieceGivesBoundsInOrder() {
        List<String> bounds = new ArrayList<>();
        Sentences.forEachPiece(7, 3, (from, to) -> bounds.add(from + "-" + to));
        assertEquals(List.of("0-3", "3-6", "6-7"), bounds);
    }

    @Test
    void refusesANonPositiveMaximum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sentences.split(new String[] {"a"}, 0));
        assertEquals("maxLength must be >= 1, got 0", e.getMessage());
    }
}
