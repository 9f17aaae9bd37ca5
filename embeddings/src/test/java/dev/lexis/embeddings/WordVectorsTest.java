package dev.lexis.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

    /** king - man + woman = queen in a hand-made 3-d space: axes royalty, gender, and noise. */
    private static WordVectors royals() {
        List<String> words = List.of("king", "queen", "man", "woman", "apple", "banana");
        float[] m = {
            1, 1, 0.1f,
            1, -1, 0.1f,
            0, 1, 0,
            0, -1, 0,
            0.1f, 0, 1,
            0.12f, 0.05f, 0.95f,
        };
        return WordVectors.of(words, m, 3);
    }

    @Test
    void vectorOfKnownAndUnknownWords() {
        WordVectors v = royals();
        assertEquals(6, v.size());
        assertEquals(3, v.dimension());
        assertEquals(1f, v.vector("queen").orElseThrow()[0]);
        assertTrue(v.vector("kingg").isEmpty());
        var e = assertThrows(UnknownWordException.class, () -> v.nearest("kingg", 3));
        assertEquals("unknown word \"kingg\": not in the vocabulary (6 words)", e.getMessage());
        assertEquals("kingg", e.word());
    }

    @Test
    void nearestExcludesTheWordAndSortsBySimilarity() {
        WordVectors v = royals();
        List<Neighbor> n = v.nearest("apple", 2);
        assertEquals("banana", n.get(0).word());
        assertEquals(2, n.size());
        assertTrue(n.get(0).similarity() >= n.get(1).similarity());
        assertFalse(n.stream().anyMatch(x -> x.word().equals("apple")));
    }

    @Test
    void analogyBothObjectives() {
        WordVectors v = royals();
        assertEquals("queen", v.analogy("man", "king", "woman", 1).get(0).word());
        assertEquals("queen", v.analogyMul("man", "king", "woman", 1).get(0).word());
        assertThrows(UnknownWordException.class, () -> v.analogy("man", "kingg", "woman", 1));
    }

    @Test
    void similarityAndOddOneOut() {
        WordVectors v = royals();
        assertEquals(1.0, v.similarity("king", "king"), 1e-6);
        assertEquals(0.0, v.similarity("man", "apple"), 1e-6);
        assertEquals("king", v.oddOneOut(List.of("apple", "king", "banana")));
    }

    @Test
    void restrictKeepsTheFirstWords() {
        WordVectors v = royals().restrict(4);
        assertEquals(4, v.size());
        assertFalse(v.contains("apple"));
        assertEquals("woman", v.nearest(new float[] {0, -1, 0}, 1).get(0).word());
    }

    @Test
    void parallelScanMatchesSequentialOrder() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 120_000;
        int dim = 17;
        float[] m = new float[n * dim];
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
            for (int d = 0; d < dim; d++) {
                m[i * dim + d] = (float) r.nextGaussian();
            }
        }
        WordVectors v = WordVectors.of(words, m, dim);
        List<Neighbor> top = v.nearest("w7", 10);
        // brute force in double
        double[] best = new double[n];
        for (int i = 0; i < n; i++) {
            best[i] = i == 7 ? Double.NEGATIVE_INFINITY : v.similarity("w7", "w" + i);
        }
        int[] order = java.util.stream.IntStream.range(0, n).boxed()
                .sorted((a, b) -> Double.compare(best[b], best[a])).mapToInt(Integer::intValue).limit(10).toArray();
        for (int i = 0; i < 10; i++) {
            assertEquals("w" + order[i], top.get(i).word());
        }
    }

    @Test
    void rejectsBadShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of("a", "b"), new float[3], 2));
        assertEquals("matrix has 3 floats, expected 2 words x 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of("a", "a"), new float[4], 2));
        assertEquals("word \"a\" appears twice (rows 0 and 1)", e.getMessage());
    }

    @Test
    void oneHotTimesMatrixIsARowLookup() {
        OneHotEncoder enc = new OneHotEncoder(List.of("a", "b", "c"));
        assertEquals(1, enc.indexOf("b").orElseThrow());
        assertTrue(enc.indexOf("zz").isEmpty());
        float[] matrix = {1, 2, 3, 4, 5, 6};
        float[] row = new float[2];
        enc.lookup(2, matrix, 2, row, 0);
        assertEquals(5f, row[0]);
        assertEquals(6f, row[1]);
        OneHotEncoder.Bag bag = enc.bagOf(List.of("c", "a", "c", "zz"));
        assertEquals(2, bag.size());
        assertEquals(2, bag.countOf(2));
        assertEquals(1, bag.countOf(0));
        assertEquals(0, bag.countOf(1));
        assertEquals(1, bag.unknown());
        float[] sum = enc.bagTimes(bag, matrix, 2);
        assertEquals(1 + 2 * 5, sum[0], 1e-6);
        assertEquals(2 + 2 * 6, sum[1], 1e-6);
    }
}
