package dev.lexis.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.embeddings.Word2VecConfig.Architecture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Word2VecTrainerTest {

    @TempDir
    Path dir;

    /** Sentences of 12 words, each from one of 4 topics of 8 words, plus the filler words "the" and "of". */
    static List<String> topicCorpus(int sentences, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            int topic = r.nextInt(4);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                int x = r.nextInt(10);
                sb.append(x == 0 ? "the" : x == 1 ? "of" : "t" + topic + "w" + r.nextInt(8));
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    private Path write(List<String> lines) throws IOException {
        Path p = dir.resolve("corpus.txt");
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    private static Word2VecConfig small() {
        return Word2VecConfig.defaults().withEmbeddingDim(24).withThreads(1).withSeed(7).withMinCount(2)
                .withSample(0);
    }

    @ParameterizedTest
    @CsvSource({"CBOW, hs", "CBOW, ns", "SKIP_GRAM, hs", "SKIP_GRAM, ns"})
    void learnsTopicsInAllFourModes(Architecture arch, String loss) throws IOException {
        Path corpus = write(topicCorpus(3000, 1));
        Word2VecConfig c = small().withArchitecture(arch).withLoss(loss).withEpochs(5).withThreads(2);
        List<TrainingProgress> reports = new ArrayList<>();
        WordVectors v = new Word2VecTrainer(c).train(corpus, reports::add);
        assertEquals(34, v.size());
        assertEquals(24, v.dimension());
        int same = 0;
        for (Neighbor n : v.nearest("t2w3", 5)) {
            same += n.word().startsWith("t2") ? 1 : 0;
        }
        assertTrue(same >= 4, arch + "-" + loss + ": nearest of t2w3 " + v.nearest("t2w3", 5));
        assertTrue(v.similarity("t1w0", "t1w5") > v.similarity("t1w0", "t3w5"));
        assertEquals(5, reports.stream().filter(TrainingProgress::epochEnd).count());
        TrainingProgress last = reports.get(reports.size() - 1);
        assertEquals(1.0, last.fraction(), 1e-9);
        assertTrue(last.loss() > 0 && last.loss() < 10, last.toString());
        assertEquals("whitespace", v.analyzer().orElseThrow());
        assertEquals(arch == Architecture.CBOW ? "cbow" : "skipgram", v.metadata().get("word2vec.model"));
    }

    @Test
    void sameSeedOneThreadGivesIdenticalVectors() throws IOException {
        Path corpus = write(topicCorpus(500, 2));
        Word2VecConfig c = small().withArchitecture(Architecture.SKIP_GRAM).withLoss("ns").withSample(1e-3);
        WordVectors a = new Word2VecTrainer(c).train(corpus, TrainingListener.NONE);
        WordVectors b = new Word2VecTrainer(c).train(corpus, TrainingListener.NONE);
        assertEquals(a.words(), b.words());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.row(i), b.row(i));
        }
        WordVectors other = new Word2VecTrainer(c.withSeed(8)).train(corpus, TrainingListener.NONE);
        assertFalse(java.util.Arrays.equals(a.row(0), other.row(0)));
    }

    @Test
    void vocabularyIsSortedByCountAndCutAtMinCountAndMaxSize() throws IOException {
        Path corpus = write(List.of("a b b c c c", "c d d d d", "e"));
        WordVectors v = new Word2VecTrainer(small().withMinCount(2).withEpochs(1)).train(corpus, null);
        assertEquals(List.of("c", "d", "b"), v.words());
        WordVectors top = new Word2VecTrainer(small().withMinCount(1).withMaxVocabSize(2).withEpochs(1))
                .train(corpus, null);
        assertEquals(List.of("c", "d"), top.words());
    }

    @Test
    void readsFoldersAndGzip() throws IOException {
        Path folder = dir.resolve("parts");
        Files.createDirectories(folder);
        List<String> lines = topicCorpus(400, 3);
        Files.write(folder.resolve("a.txt"), lines.subList(0, 200), StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("b.txt.gz")))) {
            out.write(String.join("\n", lines.subList(200, 400)).getBytes(StandardCharsets.UTF_8));
        }
        WordVectors v = new Word2VecTrainer(small().withEpochs(1)).train(folder, null);
        assertEquals(lines.stream().mapToLong(l -> l.split(" ").length).sum(),
                Long.parseLong(v.metadata().get("corpus.tokens")));
    }

    @Test
    void noWordAboveMinCountIsAClearError() throws IOException {
        Path corpus = write(List.of("one two three", "four five"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Word2VecTrainer(small().withMinCount(5)).train(corpus, null));
        assertEquals(corpus + ": no word occurs at least 5 times (min-count 5; 5 tokens, 5 distinct words);"
                + " lower --min-count or give a larger corpus", e.getMessage());
    }

    @Test
    void invalidUtf8NamesFileAndLine() throws IOException {
        Path corpus = dir.resolve("bad.txt");
        byte[] text = "good words here\nand a bad \u00e9 here\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[text.length - 1];
        int at = new String(text, StandardCharsets.UTF_8).indexOf('\u00e9');
        // keep only the first byte of the two-byte é
        byte[] prefix = "good words here\nand a bad ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, bad, 0, prefix.length + 1);
        System.arraycopy(text, prefix.length + 2, bad, prefix.length + 1, text.length - prefix.length - 2);
        assertTrue(at > 0);
        Files.write(corpus, bad);
        var e = assertThrows(IOException.class, () -> new Word2VecTrainer(small().withMinCount(1)).train(corpus, null));
        assertEquals(corpus + ":2: not valid UTF-8 (byte 0xC3 in a word)", e.getMessage());
    }

    @Test
    void resumeFromACheckpointRepeatsTheUninterruptedRun() throws IOException {
        Path corpus = write(topicCorpus(400, 4));
        Word2VecConfig c = small().withEpochs(3).withLoss("hs").withSample(1e-2);
        WordVectors whole = new Word2VecTrainer(c).train(corpus, null);
        Path ckpt = dir.resolve("run.ckpt");
        Word2VecTrainer t = new Word2VecTrainer(c).withCheckpoint(ckpt);
        var e = assertThrows(IllegalStateException.class, () -> t.train(corpus, p -> {
            if (p.epochEnd() && p.epoch() == 2) {
                throw new IllegalStateException("simulated crash");
            }
        }));
        assertEquals("simulated crash", e.getMessage());
        assertTrue(Files.exists(ckpt));
        WordVectors resumed = new Word2VecTrainer(c).resume(corpus, ckpt, null);
        assertEquals(whole.words(), resumed.words());
        for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(whole.row(i), resumed.row(i), "row " + i);
        }
        byte[] bytes = Files.readAllBytes(ckpt);
        bytes[bytes.length / 2] ^= 1;
        Path damaged = dir.resolve("damaged.ckpt");
        Files.write(damaged, bytes);
        var d = assertThrows(IOException.class, () -> new Word2VecTrainer(c).resume(corpus, damaged, null));
        assertEquals(damaged + ": checkpoint checksum mismatch; the file is damaged", d.getMessage());
    }

    /** Thrown by a listener to simulate a crash right after a checkpoint. */
    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    @ParameterizedTest
    @CsvSource({"CBOW, ns", "SKIP_GRAM, hs"})
    void resumeFromAMidEpochCheckpointRepeatsTheUninterruptedRun(Architecture arch, String loss) throws IOException {
        Path corpus = write(topicCorpus(3000, 5)); // 36,000 words an epoch: pause points every ~10,000
        Word2VecConfig c = small().withArchitecture(arch).withLoss(loss).withEpochs(3).withSample(1e-2);
        WordVectors whole = new Word2VecTrainer(c).train(corpus, null);
        Path ckpt = dir.resolve("mid.ckpt");
        List<String> seen = new ArrayList<>();
        Word2VecTrainer t = new Word2VecTrainer(c).withCheckpoint(ckpt).withCheckpointEvery(15_000, java.time.Duration.ZERO);
        assertThrows(Crash.class, () -> t.train(corpus, new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
            }

            @Override
            public void onCheckpoint(Path file, TrainingProgress p, boolean midEpoch) {
                seen.add(p.epoch() + (midEpoch ? " mid" : " end"));
                if (midEpoch && p.epoch() == 2) {
                    throw new Crash();
                }
            }
        }));
        assertEquals(List.of("1 mid", "1 end", "2 mid"), seen, "checkpoints written before the crash");
        Checkpoint.State st = Checkpoint.read(ckpt);
        assertEquals(1, st.epochsDone());
        assertTrue(st.progress().midEpoch());
        assertEquals(1, st.progress().shards().length);
        assertTrue(st.progress().wordsDone() > 36_000 && st.progress().wordsDone() < 72_000,
                "inside epoch 2: " + st.progress().wordsDone());
        WordVectors resumed = new Word2VecTrainer(c).resume(corpus, ckpt, null);
        assertEquals(whole.words(), resumed.words());
        for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(whole.row(i), resumed.row(i), "row " + i);
        }
    }

    @Test
    void midEpochCheckpointsWithTwoThreadsResumeOnTheirShards() throws IOException {
        Path corpus = write(topicCorpus(12_000, 6)); // 144,000 tokens: two shards (they start every 65,536 tokens)
        Word2VecConfig c = small().withThreads(2).withLoss("ns").withEpochs(2);
        Path ckpt = dir.resolve("two.ckpt");
        Word2VecTrainer t = new Word2VecTrainer(c).withCheckpoint(ckpt).withCheckpointEvery(50_000, java.time.Duration.ZERO);
        assertThrows(Crash.class, () -> t.train(corpus, new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
            }

            @Override
            public void onCheckpoint(Path file, TrainingProgress p, boolean midEpoch) {
                if (midEpoch) {
                    throw new Crash();
                }
            }
        }));
        Checkpoint.State st = Checkpoint.read(ckpt);
        assertEquals(0, st.epochsDone());
        assertEquals(2, st.progress().shards().length);
        for (Checkpoint.Shard sh : st.progress().shards()) {
            for (int j = 0; j < sh.positions().length; j++) {
                assertTrue(sh.positions()[j] <= sh.ends()[j], sh.toString());
            }
        }
        List<Double> fractions = new ArrayList<>();
        WordVectors v = new Word2VecTrainer(c.withThreads(1)).resume(corpus, ckpt, p -> fractions.add(p.fraction()));
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
        // the topics are learned: a word's nearest neighbour is from its own topic
        assertTrue(v.nearest("t0w1", 1).get(0).word().startsWith("t0"), v.nearest("t0w1", 3).toString());
        Path other = dir.resolve("other.txt");
        Files.write(other, topicCorpus(100, 6), StandardCharsets.UTF_8);
        var e = assertThrows(IOException.class, () -> new Word2VecTrainer(c).resume(other, ckpt, null));
        assertEquals(ckpt + ": written for a corpus of 144000 tokens, but " + other
                + " has 1200; resume needs the same corpus", e.getMessage());
    }

    @Test
    void checkpointIntervalsAreValidated() {
        Word2VecTrainer t = new Word2VecTrainer(small());
        var e = assertThrows(IllegalArgumentException.class, () -> t.withCheckpointEvery(-1, java.time.Duration.ZERO));
        assertEquals("checkpoint words must be >= 0 (0 = off), got -1", e.getMessage());
        var d = assertThrows(IllegalArgumentException.class,
                () -> t.withCheckpointEvery(0, java.time.Duration.ofSeconds(-1)));
        assertEquals("checkpoint interval must be 0 (off) or >= 1 ms, got PT-1S", d.getMessage());
    }

    @Test
    void analyzerIsAppliedToTheCorpusAndStoredForQueries() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l : topicCorpus(300, 6)) {
            lines.add(l.replace("t1w2", "Apple,").replace("the", "The"));
        }
        Path corpus = write(lines);
        WordVectors v = new Word2VecTrainer(small().withEpochs(1).withAnalyzer("standard")).train(corpus, null);
        assertTrue(v.words().contains("apple"));
        assertFalse(v.words().contains("The"));
        assertEquals("standard", v.analyzer().orElseThrow());
        Path saved = dir.resolve("v.bin");
        v.save(saved);
        WordVectors back = WordVectors.load(saved);
        assertTrue(back.contains("APPLE"), "queries go through the stored analyzer");
        assertEquals(back.nearest("apple", 3), back.nearest("Apple", 3));
    }

    @Test
    void longLinesAreCutIntoSentences() throws IOException {
        // one line of 25,000 tokens: the cache splits it, training still sees every word
        StringBuilder sb = new StringBuilder();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 25_000; i++) {
            sb.append("w").append(r.nextInt(50)).append(' ');
        }
        Path corpus = write(List.of(sb.toString()));
        WordVectors v = new Word2VecTrainer(small().withEpochs(1).withThreads(2)).train(corpus, null);
        assertEquals(50, v.size());
    }

    @Test
    void configPropertiesRoundTripAndValidation() {
        Word2VecConfig c = Word2VecConfig.defaults().withArchitecture(Architecture.SKIP_GRAM).withLoss("hs")
                .withAlpha(0.02).withSeed(99).withMaxVocabSize(1000);
        assertEquals(c, Word2VecConfig.fromProperties(c.toProperties()));
        assertEquals(0.025, Word2VecConfig.defaults().withArchitecture(Architecture.SKIP_GRAM).effectiveAlpha());
        assertEquals(0.05, Word2VecConfig.defaults().effectiveAlpha());
        var e = assertThrows(IllegalArgumentException.class, () -> Word2VecConfig.defaults().withEmbeddingDim(0));
        assertEquals("embeddingDim must be > 0, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Word2VecConfig.fromProperties(java.util.Map.of("dims", "3")));
        assertTrue(e.getMessage().startsWith("unknown word2vec config keys: [dims]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Word2VecConfig.defaults().withHierarchicalSoftmax(false).withNegative(0));
        assertEquals("no output layer: enable hierarchicalSoftmax or set negative > 0", e.getMessage());
        Word2VecConfig k = Word2VecConfig.defaults().withStreams(3);
        assertEquals("3", k.toProperties().get("streams"));
        assertEquals(k, Word2VecConfig.fromProperties(k.toProperties()));
        assertEquals(0, Word2VecConfig.defaults().streams(), "the architecture's default");
        assertEquals("auto", Word2VecConfig.defaults().toProperties().get("streams"));
        Word2VecConfig d = Word2VecConfig.defaults();
        assertEquals(d, Word2VecConfig.fromProperties(d.toProperties()));
        assertEquals(Word2VecConfig.CBOW_STREAMS, Word2VecConfig.defaults().effectiveStreams());
        assertEquals(1, Word2VecConfig.defaults().withArchitecture(Architecture.SKIP_GRAM).effectiveStreams());
        assertEquals(3, k.withArchitecture(Architecture.SKIP_GRAM).effectiveStreams());
        e = assertThrows(IllegalArgumentException.class, () -> Word2VecConfig.defaults().withStreams(-1));
        assertEquals("streams must be in [1, 1024] or 0 for the default, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Word2VecConfig.defaults().withStreams(1025));
        assertEquals("streams must be in [1, 1024] or 0 for the default, got 1025", e.getMessage());
    }

    private static void assertSameVectors(WordVectors a, WordVectors b) {
        assertEquals(a.words(), b.words());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.row(i), b.row(i), "row " + i);
        }
    }

    @Test
    void streamsAreDeterministicWithOneThreadAndChangeTheOrder() throws IOException {
        Path corpus = write(topicCorpus(12_000, 6)); // 144,000 tokens: 3 ranges (they start every 65,536 tokens)
        Word2VecConfig c = small().withEpochs(1).withLoss("hs").withSample(1e-2).withStreams(4);
        WordVectors a = new Word2VecTrainer(c).train(corpus, null);
        assertSameVectors(a, new Word2VecTrainer(c).train(corpus, null));
        WordVectors one = new Word2VecTrainer(c.withStreams(1)).train(corpus, null);
        assertFalse(java.util.Arrays.equals(a.row(0), one.row(0)), "another order of the sentences");
    }

    /** Trains until the first checkpoint inside epoch 2, then crashes; returns the checkpoint. */
    private Path crashInsideEpoch2(Path corpus, Word2VecConfig c, String name) {
        Path ckpt = dir.resolve(name);
        Word2VecTrainer t = new Word2VecTrainer(c).withCheckpoint(ckpt)
                .withCheckpointEvery(100_000, java.time.Duration.ZERO);
        assertThrows(Crash.class, () -> t.train(corpus, new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
            }

            @Override
            public void onCheckpoint(Path file, TrainingProgress p, boolean midEpoch) {
                if (midEpoch && p.epoch() == 2) {
                    throw new Crash();
                }
            }
        }));
        return ckpt;
    }

    @ParameterizedTest
    @CsvSource({"CBOW, hs, 2", "SKIP_GRAM, ns, 5"})
    void resumeWithStreamsRepeatsTheUninterruptedRun(Architecture arch, String loss, int streams) throws IOException {
        Path corpus = write(topicCorpus(12_000, 6)); // 144,000 words an epoch, 3 ranges
        Word2VecConfig c = small().withArchitecture(arch).withLoss(loss).withEpochs(2).withSample(1e-2)
                .withStreams(streams);
        WordVectors whole = new Word2VecTrainer(c).train(corpus, null);
        Path ckpt = crashInsideEpoch2(corpus, c, "streams.ckpt");
        Checkpoint.State st = Checkpoint.read(ckpt);
        assertEquals(streams, st.config().streams());
        Checkpoint.Shard sh = st.progress().shards()[0];
        assertEquals(Math.min(streams, 3), sh.positions().length, sh.toString());
        assertTrue(st.progress().wordsDone() > 144_000 && st.progress().wordsDone() < 288_000);
        // resumed by a trainer with other settings: the checkpoint's streams continue
        WordVectors resumed = new Word2VecTrainer(c.withStreams(7)).resume(corpus, ckpt, null);
        assertSameVectors(whole, resumed);
    }

    @Test
    void aCheckpointFromBeforeStreamsResumesWithOneStream() throws IOException {
        Path corpus = write(topicCorpus(12_000, 6));
        Word2VecConfig c = small().withLoss("hs").withEpochs(2).withSample(1e-2).withStreams(1);
        WordVectors whole = new Word2VecTrainer(c).train(corpus, null);
        Checkpoint.State st = Checkpoint.read(crashInsideEpoch2(corpus, c, "v3.ckpt"));
        Path old = dir.resolve("v2.ckpt");
        try (EncodedCorpus enc = EncodedCorpus.encode(corpus, dir)) {
            Word2VecTrainer.Model m = Word2VecTrainer.Model.restore(st.config(), st, enc);
            Checkpoint.write(old, st.config(), m, st.epochsDone(), st.progress(), 2);
        }
        Checkpoint.State v2 = Checkpoint.read(old);
        assertEquals(1, v2.config().streams(), "no streams key in a version-2 checkpoint: one stream");
        Checkpoint.Shard a = st.progress().shards()[0];
        Checkpoint.Shard b = v2.progress().shards()[0];
        assertArrayEquals(a.positions(), b.positions());
        assertArrayEquals(a.ends(), b.ends());
        assertEquals(a.rng(), b.rng());
        // a trainer with the default streams resumes it as it was started
        assertSameVectors(whole, new Word2VecTrainer(small()).resume(corpus, old, null));
    }

    @Test
    void privateTreeRowsAreTheLeadingNodesOfEveryPath() throws IOException {
        // Zipf-like counts give a deep tree; the 16 most visited inner nodes must start every path
        SplittableRandom r = new SplittableRandom(3);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                sb.append('w').append((int) Math.floor(Math.exp(r.nextDouble() * Math.log(200)))).append(' ');
            }
            lines.add(sb.toString());
        }
        Path corpus = write(lines);
        Word2VecConfig c = small().withMinCount(1).withLoss("hs").withThreads(2);
        try (EncodedCorpus enc = EncodedCorpus.encode(corpus, dir)) {
            Word2VecTrainer.Model m = Word2VecTrainer.Model.create(c, enc, corpus);
            int[] rows = m.hotTreeRows(16);
            assertEquals(16, rows.length);
            assertEquals((m.vocabSize - 2) * m.stride, rows[0], "the root is the most visited node");
            java.util.Set<Integer> hot = new java.util.HashSet<>();
            for (int row : rows) {
                hot.add(row);
            }
            assertEquals(16, hot.size());
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int w = 0; w < m.vocabSize; w++) {
                int start = m.codeOffsets[w];
                int len = m.codeOffsets[w + 1] - start;
                int h = m.hsHotLen[w];
                assertTrue(h >= 1 && h <= len, "word " + w + ": " + h + " of " + len);
                for (int i = 0; i < h; i++) {
                    int rank = (m.hsHotPath[start + i] - Word2VecTrainer.PRIVATE_PAD) / m.stride;
                    assertEquals(m.pointOffsets[start + i], rows[rank], "word " + w + ", node " + i);
                    seen.add(rows[rank]);
                }
                if (h < len) {
                    assertFalse(hot.contains(m.pointOffsets[start + h]), "word " + w + ": a hot node after a cold one");
                }
            }
            assertEquals(hot, seen, "every private row is on some path's leading part");
        }
    }
}
