package dev.lexis.cli.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.cli.Main;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmCommandTest {
    @TempDir
    Path dir;
    Path train;
    Path valid;

    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        String lastErr() {
            List<String> lines = err.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static List<String> sentences(int n, long seed) {
        String[] s = {"the cat", "the dog", "a bird", "she", "he"};
        String[] v = {"sees", "likes", "wants"};
        String[] o = {"the fish", "a ball", "some bread"};
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(s[r.nextInt(s.length)] + " " + v[r.nextInt(v.length)] + " " + o[r.nextInt(o.length)] + " .");
        }
        return lines;
    }

    @BeforeEach
    void corpus() throws Exception {
        train = dir.resolve("train.txt");
        valid = dir.resolve("valid.txt");
        Files.write(train, sentences(400, 1));
        Files.write(valid, sentences(50, 2));
    }

    @Test
    void ngramTrainPerplexityAndGenerate() throws Exception {
        Path kn = dir.resolve("kn.lexis");
        Result r = run("lm", "ngram", "--train", train.toString(), "--output", kn.toString(), "--order", "3",
                "--min-count", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("kneser-ney order=3 vocab=17 "), r.out());

        Path nnlm = dir.resolve("m.nnlm");
        r = run("lm", "train", "--train", train.toString(), "--valid", valid.toString(), "--output", nnlm.toString(),
                "--order", "3", "--dim", "8", "--hidden", "16", "--min-count", "1", "--epochs", "2", "--batch", "16",
                "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("valid_perplexity=[0-9.]+ epochs=2 words_per_s=\\d+ vocab=17 model=.*\\R"), r.out());
        assertTrue(r.err().contains("epoch 1/2 done"), r.err());
        assertTrue(Files.isRegularFile(Path.of(nnlm + ".ckpt")));

        r = run("lm", "perplexity", "--model", nnlm.toString(), "--mix", kn.toString(), "--weight", "0.5",
                "--data", valid.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        assertTrue(lines.get(lines.size() - 1).matches("perplexity=[0-9.]+ words=\\d+ oov=0"), r.out());

        r = run("lm", "perplexity", "--model", nnlm.toString(), "--mix", kn.toString(), "--tune", train.toString(),
                "--data", valid.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("mixture weight=0.") && r.out().contains(" (chosen on " + train + "):"), r.out());
        assertTrue(r.outLines().get(0).matches(java.util.regex.Pattern.quote(train.toString())
                + ": perplexity model=[0-9.]+ mix=[0-9.]+ mixture=[0-9.]+ \\(weight 0\\.\\d+\\)"), r.out());
        assertEquals(2, run("lm", "perplexity", "--model", nnlm.toString(), "--tune", train.toString(), "--data",
                valid.toString()).code());
        // three models: weights by EM on --tune, and --tune is required
        r = run("lm", "perplexity", "--model", nnlm.toString(), "--mix", kn.toString(), "--mix", kn.toString(),
                "--tune", train.toString(), "--data", valid.toString());
        assertEquals(0, r.code(), r.err());
        lines = r.outLines();
        assertTrue(lines.get(lines.size() - 2).matches("mixture weights=[0-9.]+,[0-9.]+,[0-9.]+ \\(chosen on .*\\):"),
                r.out());
        assertTrue(lines.get(lines.size() - 1).matches("perplexity=[0-9.]+ words=\\d+ oov=0"), r.out());
        r = run("lm", "perplexity", "--model", nnlm.toString(), "--mix", kn.toString(), "--mix", kn.toString(),
                "--data", valid.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--mix given 2 times: the weights of a mixture of 3 models are chosen with --tune"),
                r.err());
        // a unigram cache as one more component (its weight by EM on --tune, which it needs)
        r = run("lm", "perplexity", "--model", nnlm.toString(), "--mix", kn.toString(), "--cache", "50",
                "--tune", train.toString(), "--data", valid.toString());
        assertEquals(0, r.code(), r.err());
        lines = r.outLines();
        assertTrue(lines.get(0).matches(".*: perplexity model1=[0-9.]+ model2=[0-9.]+ cache mixture=[0-9.]+ "
                + "\\(weights [0-9.]+,[0-9.]+,[0-9.]+\\)"), r.out());
        assertTrue(r.out().contains("cache (unigram, last 50 tokens): not a model alone"), r.out());
        assertTrue(lines.get(lines.size() - 1).matches("perplexity=[0-9.]+ words=\\d+ oov=0"), r.out());
        r = run("lm", "perplexity", "--model", nnlm.toString(), "--cache", "50", "--data", valid.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--cache adds a component to the mixture: its weight is chosen with --tune"),
                r.err());
        r = run("lm", "perplexity", "--model", nnlm.toString(), "--cache", "0", "--tune", train.toString(), "--data",
                valid.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--cache must be >= 1 tokens, got 0"), r.err());

        Result g1 = run("lm", "generate", "--model", nnlm.toString(), "--prompt", "the cat", "--words", "12",
                "--temperature", "0.8", "--top-k", "5", "--seed", "3");
        Result g2 = run("lm", "generate", "--model", nnlm.toString(), "--prompt", "the cat", "--words", "12",
                "--temperature", "0.8", "--top-k", "5", "--seed", "3");
        assertEquals(0, g1.code(), g1.err());
        assertEquals(g1.out(), g2.out());
        assertTrue(g1.out().startsWith("the cat "), g1.out());

        r = run("lm", "train", "--train", dir.resolve("t2").toString(), "--valid", valid.toString(), "--output",
                dir.resolve("x").toString(), "--resume", Path.of(nnlm + ".ckpt").toString(), "--epochs", "3",
                "--threads", "1");
        assertEquals(1, r.code(), "a missing training file: " + r);
    }

    @Test
    void trainWithDropoutCheckpointsWithinEpochsAndResumes() throws Exception {
        Path nnlm = dir.resolve("d.nnlm");
        Path ckpt = dir.resolve("d.ckpt");
        Result r = run("lm", "train", "--train", train.toString(), "--valid", valid.toString(), "--output",
                nnlm.toString(), "--order", "3", "--dim", "8", "--hidden", "16", "--min-count", "1", "--epochs", "1",
                "--batch", "16", "--threads", "1", "--dropout", "0.2", "--optimizer", "adam", "--lr", "0.01",
                "--checkpoint", ckpt.toString(), "--checkpoint-every", "20");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("dropout 0.2"), r.err());
        r = run("lm", "train", "--train", train.toString(), "--valid", valid.toString(), "--output",
                nnlm.toString(), "--epochs", "2", "--threads", "1", "--resume", ckpt.toString(),
                "--checkpoint", ckpt.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("epoch 2/2 done") && !r.err().contains("epoch 1/2 done"), r.err());
        assertTrue(r.err().contains("resuming " + ckpt + ": its model, optimizer"), r.err());
        assertTrue(r.out().matches("valid_perplexity=[0-9.]+ epochs=1 words_per_s=\\d+ vocab=17 model=.*\\R"), r.out());

        r = run("lm", "train", "--train", train.toString(), "--valid", valid.toString(), "--output",
                nnlm.toString(), "--dropout", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--dropout must be >= 0 and < 1, got 1.0"), r.err());
    }

    @Test
    void trainWithFofeWritesItIntoTheModelAndPerplexityReadsIt() throws Exception {
        Path nnlm = dir.resolve("f.nnlm");
        Result r = run("lm", "train", "--train", train.toString(), "--valid", valid.toString(), "--output",
                nnlm.toString(), "--order", "3", "--dim", "8", "--hidden", "16", "--min-count", "1", "--epochs", "1",
                "--batch", "16", "--threads", "1", "--optimizer", "adam", "--lr", "0.01", "--fofe", "0.7",
                "--fofe-window", "8", "--checkpoint-every", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("n=3 m=8 h=16 fofe 0.7 (K 8) softmax"), r.err());
        assertEquals("0.7", ModelFile.load(nnlm, "nnlm").config("fofe"));
        assertEquals("8", ModelFile.load(nnlm, "nnlm").config("fofe_window"));
        r = run("lm", "perplexity", "--model", nnlm.toString(), "--data", valid.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.outLines().get(r.outLines().size() - 1).startsWith("perplexity="), r.out());

        r = run("lm", "train", "--train", train.toString(), "--valid", valid.toString(), "--output",
                nnlm.toString(), "--fofe", "1.5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--fofe must be >= 0 (0 = off) and < 1, got 1.5"), r.err());
        r = run("lm", "train", "--train", train.toString(), "--valid", valid.toString(), "--output",
                nnlm.toString(), "--fofe", "0.7", "--fofe-window", "5000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--fofe-window must be 0 (automatic) to 1000, got 5000"), r.err());
    }

    @Test
    void badInputsAreOneLineErrors() throws Exception {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        Result r = run("lm", "train", "--train", empty.toString(), "--valid", valid.toString(), "--output",
                dir.resolve("m").toString());
        assertEquals(1, r.code());
        assertEquals("lexis: " + empty + ": no tokens; the training file is empty", r.lastErr());

        Path unknown = dir.resolve("unknown.txt");
        Files.writeString(unknown, "xyzzy plugh\n");
        r = run("lm", "train", "--train", train.toString(), "--valid", unknown.toString(), "--output",
                dir.resolve("m").toString(), "--min-count", "1", "--threads", "1");
        assertEquals(1, r.code());
        assertEquals("lexis: " + unknown + ": all 2 tokens of the validation file are unknown words (none is in the "
                + "vocabulary of the training file)", r.lastErr());

        Path cnn = dir.resolve("cnn.lexis");
        ModelFile.builder("textcnn").tensor("w", Tensor.zeros(1)).build().save(cnn);
        r = run("lm", "perplexity", "--model", cnn.toString(), "--data", valid.toString());
        assertEquals(1, r.code());
        assertEquals("lexis: " + cnn + ": is a textcnn model, expected a language model (nnlm or kneser-ney)",
                r.lastErr());

        Path kn = dir.resolve("kn.lexis");
        assertEquals(0, run("lm", "ngram", "--train", train.toString(), "--output", kn.toString(), "--order", "2").code());
        r = run("lm", "generate", "--model", kn.toString(), "--prompt", "xyzzy plugh");
        assertEquals(1, r.code());
        assertTrue(r.lastErr().matches("lexis: prompt \"xyzzy plugh\" has no word of the vocabulary \\(\\d+ words; "
                + "all 2 prompt words are unknown\\); give at least one known word"), r.err());

        r = run("lm", "ngram", "--train", train.toString(), "--output", kn.toString(), "--order", "7");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--order must be 2 to 5, got 7"), r.err());
    }
}
