package dev.lexis.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnswIndexTest {

    @TempDir
    static Path dir;
    static WordVectors random;
    static Path indexDir;

    /** {@code n} Gaussian vectors of dimension {@code dim}: a hard case for graph search (no clusters). */
    static WordVectors gaussian(int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> words = new ArrayList<>(n);
        float[] m = new float[n * dim];
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
            for (int d = 0; d < dim; d++) {
                double u1 = 1 - r.nextDouble();
                double u2 = r.nextDouble();
                m[i * dim + d] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
            }
        }
        return WordVectors.of(words, m, dim);
    }

    @BeforeAll
    static void build() throws IOException {
        random = gaussian(12_000, 32, 3);
        indexDir = HnswIndex.pathFor(dir.resolve("random.bin"));
        HnswIndex.build(random, indexDir, HnswIndex.DEFAULT_MAX_CONN, HnswIndex.DEFAULT_BEAM_WIDTH, 2).close();
    }

    static double recallAt10(HnswIndex index, WordVectors v, int queries) throws IOException {
        int hits = 0;
        for (int q = 0; q < queries; q++) {
            String w = v.word(q * (v.size() / queries));
            Set<String> exact = new HashSet<>();
            v.nearest(w, 10).forEach(n -> exact.add(n.word()));
            for (Neighbor n : index.nearest(w, 10)) {
                if (exact.contains(n.word())) {
                    hits++;
                }
            }
        }
        return hits / (10.0 * queries);
    }

    @Test
    void recallAt10AgainstExactSearchIsAtLeast095() throws IOException {
        try (HnswIndex index = HnswIndex.open(random, indexDir).orElseThrow()) {
            double recall = recallAt10(index, random, 200);
            assertTrue(recall >= 0.95, "recall@10 = " + recall);
        }
    }

    @Test
    void answersCarryExactSimilaritiesAndSkipTheQueryWord() throws IOException {
        try (HnswIndex index = HnswIndex.open(random, indexDir).orElseThrow()) {
            List<Neighbor> near = index.nearest("w42", 5);
            assertEquals(5, near.size());
            for (int i = 0; i < near.size(); i++) {
                Neighbor n = near.get(i);
                assertTrue(!n.word().equals("w42"), "the query word itself is skipped");
                assertEquals(random.similarity("w42", n.word()), n.similarity(), 1e-5, n.toString());
                if (i > 0) {
                    assertTrue(near.get(i - 1).similarity() >= n.similarity(), "best first: " + near);
                }
            }
            // a vector query finds the word itself first
            List<Neighbor> self = index.nearest(random.vector("w7").orElseThrow(), 1);
            assertEquals("w7", self.get(0).word());
            assertEquals(1.0, self.get(0).similarity(), 1e-5);
            assertEquals(List.of(), index.nearest("w1", 0));
            var e = assertThrows(UnknownWordException.class, () -> index.nearest("nope", 3));
            assertTrue(e.getMessage().contains("\"nope\""), e.getMessage());
        }
    }

    @Test
    void theIndexIsPersistedAndRefusedForOtherVectors() throws IOException {
        assertTrue(Files.isDirectory(indexDir));
        assertTrue(HnswIndex.open(random, dir.resolve("absent.hnsw")).isEmpty(), "no index: empty");
        WordVectors other = gaussian(500, 32, 4);
        var e = assertThrows(IOException.class, () -> HnswIndex.open(other, indexDir));
        assertEquals(indexDir + ": the index was built for other vectors (12000 words x 32, these are 500 words x 32);"
                + " delete it and rebuild", e.getMessage());
        // a small index, rebuilt in place, reopened by openOrBuild
        Path small = dir.resolve("small.hnsw");
        List<Neighbor> first;
        try (HnswIndex built = HnswIndex.openOrBuild(other, small)) {
            first = built.nearest("w3", 10);
        }
        try (HnswIndex reopened = HnswIndex.openOrBuild(other, small)) {
            assertEquals(first, reopened.nearest("w3", 10));
            assertTrue(recallAt10(reopened, other, 50) >= 0.95);
        }
        var bad = assertThrows(IllegalArgumentException.class, () -> HnswIndex.build(other, small, 1, 100, 1));
        assertEquals("maxConn must be in [2, 512], got 1", bad.getMessage());
    }
}
