package dev.lexis.cli.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.cli.Main;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ClassifyCommandTest {
    @TempDir
    Path dir;
    Path train;
    Path test;

    record Result(int code, String out, String err) {
        String lastOut() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        String lastErr() {
            List<String> lines = err.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code n} rows "pos"/"neg" of six words, one of them a cue word of the class. */
    public static String csv(int n, long seed) {
        String[][] cues = {{"great", "superb", "moving"}, {"awful", "dull", "boring"}};
        String[] filler = {"the", "film", "a", "story", "of", "and", "it", "is", "this", "plot"};
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("label,text\n");
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            sb.append(c == 0 ? "pos" : "neg").append(",\"");
            for (int k = 0; k < 6; k++) {
                sb.append(k == 0 ? "" : " ").append(k == 2 ? cues[c][r.nextInt(3)] : filler[r.nextInt(filler.length)]);
            }
            sb.append("\"\n");
        }
        return sb.toString();
    }

    @BeforeEach
    void data() throws Exception {
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        Files.writeString(train, csv(200, 1));
        Files.writeString(test, csv(40, 2));
    }

    @Test
    void trainTestAndPredict() {
        Path model = dir.resolve("m.lexis");
        Result t = run("", "classify", "train", "--train", train.toString(), "--test", test.toString(),
                "--output", model.toString(), "--epochs", "5", "--dim", "16", "--set", "featureMaps=8", "--batch", "10",
                "--threads", "1");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.lastOut().matches("accuracy=1\\.0000 macro_f1=1\\.0000 n=40"), t.out());
        assertTrue(t.err().contains("epoch 5/5"), t.err());

        Result e = run("", "classify", "test", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, e.code(), e.err());
        assertEquals(t.lastOut(), e.lastOut());

        Result p = run("", "classify", "predict", "--model", model.toString(), "this superb film", "a dull plot");
        assertEquals(0, p.code(), p.err());
        List<String> lines = p.out().lines().toList();
        assertTrue(lines.get(0).startsWith("pos\t0."), p.out());
        assertTrue(lines.get(1).startsWith("neg\t0."), p.out());

        Result stdin = run("the superb story\n\n", "classify", "predict", "--model", model.toString(), "--top", "2");
        assertEquals(0, stdin.code(), stdin.err());
        assertTrue(stdin.out().lines().toList().get(0).matches("pos\t0\\.\\d{4}\tneg\t0\\.\\d{4}"), stdin.out());
        assertEquals("neg\t0.5000\tpos\t0.5000", stdin.out().lines().toList().get(1), "empty line: the prior");
    }

    @Test
    void fastTextAndCrossValidation() {
        Result t = run("", "classify", "train", "--train", train.toString(), "--folds", "4", "--max-folds", "2",
                "--model", "fasttext", "--epochs", "10", "--lr", "0.5", "--threads", "1");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.lastOut().startsWith("accuracy="), t.out());
        assertTrue(t.lastOut().endsWith(" folds=2"), t.out());
    }

    @Test
    void columnsByIndexAndEmptyFields() throws Exception {
        Path model = dir.resolve("tsv.lexis");
        Path trainTsv = dir.resolve("train.tsv");    // no header, text first: the columns are chosen by index
        Path testTsv = dir.resolve("test.tsv");
        Files.writeString(trainTsv, textTabLabel(csv(200, 1)));
        Files.writeString(testTsv, textTabLabel(csv(40, 2)));
        Result t = run("", "classify", "train", "--train", trainTsv.toString(), "--test", testTsv.toString(),
                "--output", model.toString(), "--model", "fasttext", "--epochs", "5", "--threads", "1",
                "--label-column", "1", "--text-column", "0");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.lastOut().endsWith(" n=40"), t.out());

        Path emptyText = dir.resolve("empty-text.csv");
        Files.writeString(emptyText, "label,text\npos,great film\nneg,\"\"\n");
        Result e = run("", "classify", "test", "--model", model.toString(), "--data", emptyText.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.lastOut().endsWith(" n=2"), "an empty test text is kept (the prior is predicted): " + e.out());
        Result r = run("", "classify", "train", "--train", emptyText.toString(), "--output", model.toString(),
                "--model", "fasttext", "--dev-fraction", "0");
        assertEquals(1, r.code());
        assertEquals("lexis: " + emptyText + ":3: empty text (label \"neg\"); every training example needs a text",
                r.lastErr());

        Path emptyLabel = dir.resolve("empty-label.csv");
        Files.writeString(emptyLabel, "label,text\npos,great film\n ,dull\n");
        Result l = run("", "classify", "test", "--model", model.toString(), "--data", emptyLabel.toString());
        assertEquals(1, l.code());
        assertEquals("lexis: " + emptyLabel + ":3: empty label", l.lastErr());
    }

    /** The rows of {@link #csv} without header and quotes, as text TAB label. */
    private static String textTabLabel(String csv) {
        StringBuilder sb = new StringBuilder();
        csv.lines().skip(1).forEach(row -> {
            int comma = row.indexOf(',');
            sb.append(row.substring(comma + 1).replace("\"", "")).append('\t').append(row, 0, comma).append('\n');
        });
        return sb.toString();
    }

    @Test
    void badInputsGiveOneLine() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "label,sentence\npos,fine\n");
        Result r = run("", "classify", "train", "--train", bad.toString(), "--output", dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertEquals("lexis: " + bad + ":1: no column \"text\" (for the text) in the header (label, sentence); choose "
                + "the columns with --label-column / --text-column", r.lastErr());

        Path word2vec = dir.resolve("w.lexis");
        ModelFile.builder("word2vec").tensor("input", Tensor.zeros(1, 1)).build().save(word2vec);
        Result k = run("", "classify", "predict", "--model", word2vec.toString(), "text");
        assertEquals(1, k.code());
        // the known kinds include those other modules register (e.g. sequence's RNN classifiers)
        assertTrue(k.lastErr().startsWith("lexis: " + word2vec + ": is a word2vec model, not a text classifier (known: ["),
                k.lastErr());
        assertTrue(k.lastErr().contains("fasttext") && k.lastErr().contains("textcnn"), k.lastErr());

        Result m = run("", "classify", "train", "--train", train.toString(), "--output", "x", "--model", "svm");
        assertEquals(2, m.code());
        assertTrue(m.err().contains("--model: unknown model \"svm\"; known models: ["), m.err());
    }
}
