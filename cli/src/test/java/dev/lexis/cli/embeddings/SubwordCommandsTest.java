package dev.lexis.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.cli.Main;
import dev.lexis.embeddings.WordVectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lexis word2vec --minn --maxn}, {@code lexis print-vectors} and {@code lexis nearest} on unknown words. */
class SubwordCommandsTest {

    @TempDir
    static Path dir;
    static Path vectors;
    static Path plain;

    record Result(int code, String out, String err) {
    }

    static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void train() throws IOException {
        List<List<String>> topics = List.of(List.of("walk", "walked", "walks", "talking", "road", "path"),
                List.of("eat", "eats", "eaten", "bread", "meal", "soup"));
        SplittableRandom r = new SplittableRandom(3);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < 800; s++) {
            List<String> t = topics.get(r.nextInt(2));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(i == 0 ? "" : " ").append(t.get(r.nextInt(t.size())));
            }
            lines.add(sb.toString());
        }
        Path corpus = dir.resolve("corpus.txt");
        Files.write(corpus, lines, StandardCharsets.UTF_8);
        vectors = dir.resolve("sub.bin");
        Result res = run("", "word2vec", "--input", corpus.toString(), "--output", vectors.toString(), "--dim", "16",
                "--epochs", "3", "--threads", "1", "--min-count", "2", "--minn", "3", "--maxn", "5", "--bucket",
                "100000");
        assertEquals(0, res.code(), res.toString());
        List<String> out = res.out().lines().toList();
        assertTrue(out.get(0).startsWith("wrote " + vectors + " (binary): 12 words x 16;"), res.out());
        assertTrue(out.get(1).matches("wrote " + vectors.toString().replace("\\", "\\\\") + "\\.subwords: \\d+ character "
                + "n-gram rows \\(3-5 characters, 100,000 buckets\\)"), res.out());
        assertTrue(Files.readString(dir.resolve("sub.bin.lexis.properties")).contains("word2vec.minn=3"));
        plain = dir.resolve("plain.txt");
        res = run("", "word2vec", "--input", corpus.toString(), "--output", plain.toString(), "--dim", "4",
                "--epochs", "1", "--threads", "1", "--min-count", "2");
        assertEquals(0, res.code(), res.toString());
    }

    @Test
    void printVectorsPrintsKnownAndComposedWords() throws IOException {
        Result res = run("", "print-vectors", "--vectors", vectors.toString(), "walk", "walking");
        assertEquals(0, res.code(), res.toString());
        List<String> lines = res.out().lines().toList();
        assertEquals(2, lines.size());
        WordVectors v = WordVectors.load(vectors);
        for (int i = 0; i < 2; i++) {
            String[] parts = lines.get(i).split(" ");
            assertEquals(17, parts.length, lines.get(i));
            float[] expected = v.vector(parts[0]).orElseThrow();
            for (int d = 0; d < 16; d++) {
                assertEquals(expected[d], Float.parseFloat(parts[d + 1]), parts[0] + " " + d);
            }
        }
        assertTrue(lines.get(1).startsWith("walking "), lines.get(1));
        Result stdin = run("walk\n\n  walking \n", "print-vectors", "--vectors", vectors.toString());
        assertEquals(0, stdin.code(), stdin.toString());
        assertEquals(res.out(), stdin.out(), "one word per line of standard input, empty lines skipped");
    }

    @Test
    void aWordWithoutAVectorIsAnErrorNamingIt() {
        Result res = run("", "print-vectors", "--vectors", plain.toString(), "walk", "walking");
        assertEquals(1, res.code(), res.toString());
        assertTrue(res.out().startsWith("walk "), "the words before it are printed: " + res.out());
        assertTrue(res.err().contains("unknown word \"walking\": not in the vocabulary (12 words)"), res.err());
        Result skip = run("", "print-vectors", "--vectors", plain.toString(), "--skip-unknown", "walking", "walk");
        assertEquals(0, skip.code(), skip.toString());
        assertTrue(skip.out().startsWith("walk ") && skip.out().lines().count() == 1, skip.out());
        assertTrue(skip.err().contains("skipped: unknown word \"walking\""), skip.err());
        Result none = run("", "print-vectors", "--vectors", vectors.toString(), "zzz");
        assertEquals(1, none.code(), none.toString());
        assertTrue(none.err().contains("unknown word \"zzz\": not in the vocabulary (12 words) and none of its "
                + "character n-grams is known"), none.err());
    }

    @Test
    void nearestComposesAnUnknownWord() {
        Result res = run("", "nearest", "--vectors", vectors.toString(), "--top", "3", "walking");
        assertEquals(0, res.code(), res.toString());
        List<String> lines = res.out().lines().toList();
        assertEquals("walking (not in the vocabulary; composed from its character n-grams):", lines.get(0));
        assertEquals(4, lines.size(), res.out());
        Result prompt = run("walking\nEXIT\n", "nearest", "--vectors", vectors.toString(), "--top", "3");
        assertEquals(0, prompt.code(), prompt.toString());
        assertTrue(prompt.out().startsWith(res.out()), prompt.out());
    }

    @Test
    void badSubwordOptionsAreUsageErrors() {
        Result res = run("", "word2vec", "--input", dir.resolve("corpus.txt").toString(), "--output",
                dir.resolve("x.bin").toString(), "--minn", "3");
        assertEquals(2, res.code(), res.toString());
        assertTrue(res.err().contains("minn must be 0 when maxn is 0 (subwords off), got minn 3"), res.err());
    }
}
