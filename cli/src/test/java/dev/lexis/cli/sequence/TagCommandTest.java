package dev.lexis.cli.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lexis tag train|test} and {@code lexis tag --model} on a small generated chunking file. */
class TagCommandTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path model;

    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        String lastOut() {
            List<String> l = outLines();
            return l.isEmpty() ? "" : l.get(l.size() - 1);
        }
    }

    static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** "word POS chunk" rows: a determiner starts a noun phrase, other words are verb phrases. */
    static String conll(int sentences, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] nouns = {"dog", "cat", "fish", "bird"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            int len = 2 + r.nextInt(6);
            for (int t = 0; t < len; t++) {
                if (r.nextBoolean()) {
                    sb.append("the DT B-NP\n").append(nouns[r.nextInt(4)]).append(" NN I-NP\n");
                } else {
                    sb.append(nouns[r.nextInt(4)]).append(" VB B-VP\n");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @BeforeAll
    static void trainModel() throws Exception {
        train = dir.resolve("train.txt");
        Files.writeString(train, conll(300, 1));
        model = dir.resolve("chunker.lexis");
        Result r = run("", "tag", "train", "--train", train.toString(), "--dev", train.toString(), "--output",
                model.toString(), "--tag-column", "2", "--bidirectional", "--hidden", "16", "--dim", "8",
                "--epochs", "8", "--lr", "0.01", "--threads", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.lastOut().matches("accuracy=1\\.0000 f1=100\\.00 tokens=\\d+ tokens_per_s=\\d+ model=.*"),
                r.toString());
        assertTrue(r.err().contains("lexis tag train: epoch 1/8 loss "), r.err());
    }

    @Test
    void testPrintsConllevalsReportAndTheSummaryLine() {
        Result r = run("", "tag", "test", "--model", model.toString(), "--data", train.toString(), "--tag-column", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.outLines().get(0).startsWith("processed "), r.out());
        assertTrue(r.lastOut().matches("accuracy=1\\.0000 f1=100\\.00 tokens=\\d+"), r.out());
        Result pos = run("", "tag", "test", "--model", model.toString(), "--data", train.toString(), "--tag-column", "1");
        assertEquals(0, pos.code(), pos.toString());
        assertTrue(pos.err().contains("carry tags never seen in training [DT, NN, VB]; they count as errors"), pos.err());
        assertTrue(pos.lastOut().startsWith("accuracy=0.0000 f1=0.00 tokens="), pos.out());
    }

    @Test
    void tagsStdinOneSentencePerLine() {
        Result r = run("the cat dog\n\nfish the bird\n", "tag", "--model", model.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("the/B-NP cat/I-NP dog/B-VP", "", "fish/B-VP the/B-NP bird/I-NP"), r.outLines());
    }

    @Test
    void resumesFromACheckpoint() {
        Path checkpoint = dir.resolve("chunker.checkpoint");
        Path first = dir.resolve("first.lexis");
        Result r = run("", "tag", "train", "--train", train.toString(), "--output", first.toString(), "--tag-column", "2",
                "--hidden", "8", "--dim", "8", "--subwords", "4", "--epochs", "1", "--threads", "1", "--checkpoint",
                checkpoint.toString());
        assertEquals(0, r.code(), r.toString());
        Path resumed = dir.resolve("resumed.lexis");
        r = run("", "tag", "train", "--train", train.toString(), "--output", resumed.toString(), "--tag-column", "2",
                "--hidden", "8", "--dim", "8", "--subwords", "4", "--epochs", "3", "--threads", "1", "--resume",
                checkpoint.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("lexis tag train: resumed from " + checkpoint + " after epoch 1 (step 10)"), r.err());
        assertTrue(r.err().contains("epoch 2/3") && r.err().contains("epoch 3/3") && !r.err().contains("epoch 1/3"),
                r.err());
        r = run("", "tag", "train", "--train", train.toString(), "--output", resumed.toString(), "--tag-column", "2",
                "--hidden", "9", "--dim", "8", "--subwords", "4", "--epochs", "3", "--resume", checkpoint.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("lexis: " + checkpoint + ": the checkpoint was trained with hiddenSize=8, the options give "
                + "hiddenSize=9; resume with the same options", r.err().strip().lines().reduce((x, y) -> y).orElse(""));
    }

    @Test
    void anInputColumnModelTagsConllFilesNotBareText() {
        Path withPos = dir.resolve("with-pos.lexis");
        Result r = run("", "tag", "train", "--train", train.toString(), "--output", withPos.toString(), "--tag-column", "2",
                "--input-column", "1", "--hidden", "8", "--dim", "8", "--epochs", "6", "--lr", "0.01", "--threads", "1");
        assertEquals(0, r.code(), r.toString());
        r = run("", "tag", "test", "--model", withPos.toString(), "--data", train.toString(), "--tag-column", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.lastOut().matches("accuracy=1\\.0000 f1=100\\.00 tokens=\\d+"), r.out());
        r = run("the cat\n", "tag", "--model", withPos.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("lexis: " + withPos + ": the tagger reads column 1 of CoNLL rows besides the token (trained with "
                + "--input-column); tag CoNLL files with lexis tag test", r.err().strip());
    }

    @Test
    void badInputGivesOneLineErrors() throws Exception {
        Path ragged = dir.resolve("ragged.txt");
        Files.writeString(ragged, "the DT B-NP\ncat NN\n\n");
        Result r = run("", "tag", "train", "--train", ragged.toString(), "--output", dir.resolve("x.lexis").toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("lexis: " + ragged + ":2: expected 3 columns (as on line 1), found 2 (columns are separated by "
                + "spaces or tabs)", r.err().strip());

        Path blank = dir.resolve("blank.txt");
        Files.writeString(blank, "\n\n   \n");
        r = run("", "tag", "train", "--train", blank.toString(), "--output", dir.resolve("x.lexis").toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("lexis: " + blank + ": no sentences (the file is empty or has only blank lines)", r.err().strip());

        Path other = dir.resolve("vectors.lexis");
        dev.lexis.nn.io.ModelFile.builder("word2vec").build().save(other);
        r = run("a b\n", "tag", "--model", other.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("lexis: " + other + ": is a word2vec model, expected tagger", r.err().strip());

        r = run("", "tag", "train", "--train", train.toString(), "--output", "x", "--cell", "lstn");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("unknown cell \"lstn\"; valid cells: [rnn, gru, lstm]"), r.err());

        r = run("", "tag");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("give --model MODEL to tag stdin, or a command: train, test"), r.err());
    }
}
