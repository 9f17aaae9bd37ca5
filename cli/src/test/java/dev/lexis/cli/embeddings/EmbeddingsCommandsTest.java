package dev.lexis.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.cli.Main;
import dev.lexis.embeddings.TrainingListener;
import dev.lexis.embeddings.TrainingProgress;
import dev.lexis.embeddings.Word2VecConfig;
import dev.lexis.embeddings.Word2VecTrainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsCommandsTest {

    @TempDir
    static Path dir;
    static Path vectors;

    record Result(int code, String out, String err) {
    }

    static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** Sentences from 3 topics of 6 words; "man king woman queen" placed so that the analogy has an answer. */
    @BeforeAll
    static void train() throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < 2000; s++) {
            int t = r.nextInt(3);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                sb.append(i == 0 ? "" : " ").append("t").append(t).append("w").append(r.nextInt(6));
            }
            lines.add(sb.toString());
        }
        Path corpus = dir.resolve("corpus.txt");
        Files.write(corpus, lines, StandardCharsets.UTF_8);
        vectors = dir.resolve("v.bin");
        Result res = run("", "word2vec", "--input", corpus.toString(), "--output", vectors.toString(), "--dim", "16",
                "--epochs", "3", "--threads", "1", "--model", "skipgram", "--loss", "hs");
        assertEquals(0, res.code(), res.toString());
        assertTrue(res.out().startsWith("wrote " + vectors + " (binary): 18 words x 16; 20,000 corpus tokens x 3 epochs"),
                res.out());
        assertTrue(res.err().contains("epoch done 3/3 100.0%"), res.err());
        assertTrue(Files.exists(dir.resolve("v.bin.lexis.properties")));
        assertFalse(Files.exists(dir.resolve("v.bin.checkpoint")), "the checkpoint is removed at the end");
    }

    @Test
    void resumeFromAMidEpochCheckpointGivesTheUninterruptedVectors() throws IOException {
        Path corpus = dir.resolve("corpus.txt");
        Path whole = dir.resolve("whole.txt");
        Result a = run("", "--verbose", "word2vec", "--input", corpus.toString(), "--output", whole.toString(),
                "--dim", "16", "--epochs", "3", "--threads", "1", "--checkpoint-words", "5000");
        assertEquals(0, a.code(), a.toString());
        assertTrue(a.err().contains("checkpoint " + whole + ".checkpoint (epoch 1/3, "), a.err());
        // a run that crashes right after a checkpoint inside epoch 2 (the same settings through the Java API)
        Word2VecConfig c = Word2VecConfig.defaults().withEmbeddingDim(16).withEpochs(3).withThreads(1).withSeed(1);
        Path ckpt = dir.resolve("crashed.checkpoint");
        var t = new Word2VecTrainer(c).withCheckpoint(ckpt).withCheckpointEvery(5000, Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> t.train(corpus, new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
            }

            @Override
            public void onCheckpoint(Path file, TrainingProgress p, boolean midEpoch) {
                if (midEpoch && p.epoch() == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        }));
        Path resumed = dir.resolve("resumed.txt");
        Result b = run("", "word2vec", "--input", corpus.toString(), "--output", resumed.toString(), "--threads", "1",
                "--resume", ckpt.toString());
        assertEquals(0, b.code(), b.toString());
        assertEquals(Files.readString(whole), Files.readString(resumed), "resumed vectors == uninterrupted vectors");
        Result bad = run("", "word2vec", "--input", corpus.toString(), "--output", resumed.toString(),
                "--checkpoint-minutes", "-1");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--checkpoint-minutes and --checkpoint-words must be >= 0 (0 = off), got -1.0 and 0"),
                bad.err());
    }

    @Test
    void nearestUsesTheHnswIndexWhenAskedOrPresent() throws IOException {
        Path copy = dir.resolve("a.bin");
        Files.copy(vectors, copy);
        Files.copy(dir.resolve("v.bin.lexis.properties"), dir.resolve("a.bin.lexis.properties"));
        Result exact = run("", "nearest", "--vectors", copy.toString(), "--top", "3", "t1w2");
        Result built = run("", "nearest", "--vectors", copy.toString(), "--top", "3", "--approximate", "t1w2");
        assertEquals(0, built.code(), built.toString());
        assertTrue(built.err().startsWith("building the HNSW index " + copy + ".hnsw (18 words) ..."), built.err());
        assertEquals(exact.out(), built.out(), "18 words: the graph finds them all");
        assertTrue(Files.isDirectory(dir.resolve("a.bin.hnsw")));
        Result present = run("", "--verbose", "nearest", "--vectors", copy.toString(), "--top", "3", "t1w2");
        assertTrue(present.err().contains("approximate search: HNSW index " + copy + ".hnsw"), present.err());
        assertEquals(exact.out(), present.out());
        Result forced = run("", "--verbose", "nearest", "--vectors", copy.toString(), "--top", "3", "--exact", "t1w2");
        assertFalse(forced.err().contains("approximate"), forced.err());
        Result both = run("", "nearest", "--vectors", copy.toString(), "--approximate", "--exact", "t1w2");
        assertEquals(2, both.code(), both.toString());
        assertTrue(both.err().contains("--approximate and --exact exclude each other"), both.err());
    }

    @Test
    void nearestPrintsRankedNeighbours() {
        Result res = run("", "nearest", "--vectors", vectors.toString(), "--top", "3", "t1w2");
        assertEquals(0, res.code(), res.toString());
        List<String> lines = res.out().lines().toList();
        assertTrue(lines.get(0).startsWith("t1w2 (word "), lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).matches("  1  t1w\\d  0\\.\\d{4}"), lines.get(1));
    }

    @Test
    void nearestWithoutWordsIsAPrompt() {
        Result res = run("t0w1\nnope\nEXIT\n", "nearest", "--vectors", vectors.toString(), "--top", "2");
        assertEquals(0, res.code(), res.toString());
        assertTrue(res.out().contains("t0w1 (word "), res.out());
        assertTrue(res.out().contains("unknown word \"nope\": not in the vocabulary (18 words)"), res.out());
        assertTrue(res.err().contains("Enter word or sentence (EXIT to break): "), res.err());
    }

    @Test
    void unknownWordIsAnErrorNamingIt() {
        Result res = run("", "nearest", "--vectors", vectors.toString(), "kingg");
        assertEquals(1, res.code(), res.toString());
        assertEquals("lexis: unknown word \"kingg\": not in the vocabulary (18 words)", res.err().strip());
    }

    @Test
    void analogyPrintsTheQuestion() {
        Result res = run("", "analogy", "--vectors", vectors.toString(), "--top", "2", "t0w0", "t0w1", "t2w0");
        assertEquals(0, res.code(), res.toString());
        assertTrue(res.out().startsWith("t0w1 - t0w0 + t2w0:\n"), res.out());
    }

    @Test
    void evaluatePrintsSectionsAndTotals() throws IOException {
        Path q = dir.resolve("q.txt");
        Files.writeString(q, ": topics\nt0w0 t0w1 t1w0 t1w1\nt0w0 t0w1 zz t1w1\n: gram-fake\nt2w0 t2w1 t1w2 t1w3\n");
        Path ws = dir.resolve("ws.tsv");
        Files.writeString(ws, "# comment\nt0w0\tt0w1\t9\nt0w0\tt1w1\t1\nt2w3\tt2w4\t8\nzz\tt1w1\t3\n");
        Result res = run("", "evaluate", "--vectors", vectors.toString(), "--analogies", q.toString(), "--similarity",
                ws.toString());
        assertEquals(0, res.code(), res.toString());
        List<String> lines = res.out().lines().toList();
        assertEquals(4, lines.size(), res.out());
        assertTrue(lines.get(0).matches("topics: acc=\\d\\.\\d{4} correct=\\d seen=1/2"), lines.get(0));
        assertTrue(lines.get(1).matches("gram-fake: acc=\\d\\.\\d{4} correct=\\d seen=1/1"), lines.get(1));
        assertTrue(lines.get(2).matches("analogy_acc=\\d\\.\\d{4} sem=\\d\\.\\d{4} syn=\\d\\.\\d{4} seen=2/3"), lines.get(2));
        assertTrue(lines.get(3).matches("spearman=-?\\d\\.\\d{4} pairs=3 oov=1"), lines.get(3));
    }

    @Test
    void badOptionsAreUsageErrors() {
        Result res = run("", "word2vec", "--input", "x", "--output", "y.bin", "--model", "glove");
        assertEquals(2, res.code(), res.toString());
        assertTrue(res.err().startsWith("lexis: --model must be cbow or skipgram, got glove"), res.err());
        res = run("", "word2vec", "--input", dir.resolve("missing.txt").toString(), "--output", "y.bin");
        assertEquals(1, res.code(), res.toString());
        assertTrue(res.err().contains("missing.txt"), res.err());
        res = run("", "evaluate", "--vectors", vectors.toString());
        assertEquals(2, res.code(), res.toString());
        res = run("", "word2vec", "--input", "x", "--output", "y.bin", "--streams", "-1");
        assertEquals(2, res.code(), res.toString());
        assertTrue(res.err().startsWith("lexis: streams must be in [1, 1024] or 0 for the default, got -1"),
                res.err());
    }

    @Test
    void streamsAreStoredWithTheVectors() throws IOException {
        assertTrue(Files.readString(dir.resolve("v.bin.lexis.properties")).contains("word2vec.streams=auto"),
                "the default: 32 for CBOW, 1 for Skip-gram");
        Path one = dir.resolve("one.bin");
        Result res = run("", "word2vec", "--input", dir.resolve("corpus.txt").toString(), "--output", one.toString(),
                "--dim", "8", "--epochs", "1", "--threads", "1", "--streams", "1");
        assertEquals(0, res.code(), res.toString());
        assertTrue(Files.readString(dir.resolve("one.bin.lexis.properties")).contains("word2vec.streams=1"));
    }
}
