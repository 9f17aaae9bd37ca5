package dev.lexis.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streams of the word-id cache: each worker's ranges read in turn, every sentence exactly once. */
class EncodedCorpusStreamsTest {

    @TempDir
    Path dir;

    /**
     * {@code lines} lines of 7 to 17 tokens; the first token of each line names it ({@code L123}), the others are
     * drawn from 50 words, so each line is a distinct sentence.
     */
    private Path corpus(int lines) throws IOException {
        List<String> out = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < lines; i++) {
            StringBuilder sb = new StringBuilder("L").append(i);
            int n = 6 + r.nextInt(11);
            for (int j = 0; j < n; j++) {
                sb.append(" w").append(r.nextInt(50));
            }
            out.add(sb.toString());
        }
        Path p = dir.resolve("c.txt");
        Files.write(p, out, StandardCharsets.UTF_8);
        return p;
    }

    /** Reads a stream to its end: its sentences (raw ids + 1) in order. */
    private static List<List<Integer>> sentences(EncodedCorpus.Streams s) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        while (true) {
            int v = s.next();
            if (v > 0) {
                cur.add(v);
                continue;
            }
            if (!cur.isEmpty()) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            if (v < 0) {
                return out;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1, 4", "2, 1", "2, 2", "2, 8", "3, 4", "1, 64", "4, 16"})
    void everySentenceIsReadExactlyOnceWhole(int threads, int streams) throws IOException {
        // 30,000 lines of ~12 tokens: ~360,000 tokens, 5 ranges at most (they start every 65,536 tokens), so
        // threads x streams is above the number of ranges in the larger cases
        try (EncodedCorpus enc = EncodedCorpus.encode(corpus(30_000), dir)) {
            List<List<Integer>> whole = sentences(enc.streams(new long[] {0}, new long[] {enc.shards(1)[1]}, 0, 0,
                    2000));
            assertEquals(30_000, whole.size());
            long[] shards = enc.shards(threads * streams);
            int ranges = shards.length / 2;
            assertTrue(ranges >= 1 && ranges <= Math.min(threads * streams, 6), "ranges " + ranges);
            int workers = Math.min(threads, ranges);
            Map<List<Integer>, Integer> seen = new HashMap<>();
            long tokens = 0;
            for (int w = 0; w < workers; w++) {
                EncodedCorpus.Streams s = Word2VecTrainer.streamsOf(enc, shards, w, workers, 2000);
                assertEquals((ranges - w + workers - 1) / workers, s.count(), "streams of worker " + w);
                for (List<Integer> sentence : sentences(s)) {
                    seen.merge(sentence, 1, Integer::sum);
                    tokens += sentence.size();
                }
            }
            assertEquals(enc.tokens(), tokens, "tokens read");
            Map<List<Integer>, Integer> expected = new HashMap<>();
            for (List<Integer> sentence : whole) {
                expected.merge(sentence, 1, Integer::sum);
            }
            assertEquals(expected, seen, "every sentence once, never split");
        }
    }

    @Test
    void aWorkersStreamsAlternateInBlocksFromFarApart() throws IOException {
        try (EncodedCorpus enc = EncodedCorpus.encode(corpus(30_000), dir)) {
            long[] shards = enc.shards(4);
            assertEquals(8, shards.length);
            // worker 0 of 2 reads ranges 0 and 2 in turn, switching after 500 tokens at a sentence end
            EncodedCorpus.Streams s = Word2VecTrainer.streamsOf(enc, shards, 0, 2, 500);
            assertEquals(2, s.count());
            String[] words = enc.words();
            List<Integer> lineOrder = new ArrayList<>();
            for (List<Integer> sentence : sentences(s)) {
                lineOrder.add(Integer.parseInt(words[sentence.get(0) - 1].substring(1)));
            }
            // the first block: ~500 tokens (~42 lines) from the start, then a block from the third quarter
            int switchAt = 1;
            while (lineOrder.get(switchAt) == lineOrder.get(switchAt - 1) + 1) {
                switchAt++;
            }
            assertTrue(switchAt >= 30 && switchAt <= 60, "first block of " + switchAt + " lines");
            assertEquals(0, lineOrder.get(0));
            assertTrue(lineOrder.get(switchAt) > 14_000, "second block starts at line " + lineOrder.get(switchAt));
            // read in order within each range
            List<Integer> first = lineOrder.stream().filter(x -> x < 15_000).toList();
            for (int i = 1; i < first.size(); i++) {
                assertEquals(first.get(i - 1) + 1, first.get(i));
            }
        }
    }

    @Test
    void aStreamResumesAtItsSavedPositions() throws IOException {
        try (EncodedCorpus enc = EncodedCorpus.encode(corpus(30_000), dir)) {
            long[] shards = enc.shards(3);
            EncodedCorpus.Streams a = Word2VecTrainer.streamsOf(enc, shards, 0, 1, 700);
            List<List<Integer>> all = sentences(Word2VecTrainer.streamsOf(enc, shards, 0, 1, 700));
            // read 2,345 sentences, then continue a copy from the saved state
            List<Integer> cur = new ArrayList<>();
            int sentencesRead = 0;
            while (sentencesRead < 2345) {
                int v = a.next();
                if (v > 0) {
                    cur.add(v);
                } else if (!cur.isEmpty()) {
                    sentencesRead++;
                    cur = new ArrayList<>();
                }
            }
            EncodedCorpus.Streams b = enc.streams(a.positions(), a.ends(), a.current(), a.inBlock(), 700);
            assertEquals(all.subList(2345, all.size()), sentences(b));
        }
    }

    @Test
    void badStreamArgumentsAreRefused() throws IOException {
        try (EncodedCorpus enc = EncodedCorpus.encode(corpus(10), dir)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> enc.streams(new long[0], new long[0], 0, 0, 10));
            assertEquals("streams: 0 positions, 0 ends", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> enc.streams(new long[] {0}, new long[] {5}, 0, 0, 0));
            assertEquals("streams: block must be >= 1 token, got 0", e.getMessage());
        }
    }
}
