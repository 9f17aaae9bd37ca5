package dev.lexis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import dev.lexis.cli.Main;
import dev.lexis.corpora.TextCorpus;
import dev.lexis.tokenize.Tokenizer;
import dev.lexis.tokenize.Vocabulary;
import dev.lexis.tokenize.VocabularyBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User story: count the vocabulary of a folder of text files, from Java code and from the command line, and
 * get the same word list, saved in the word2vec {@code word count} format and loaded back.
 */
class VocabularyStoryTest {

    @TempDir
    Path dir;

    @Test
    void javaApiAndCommandLineAgreeAndTheFileRoundTrips() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "The quick brown fox.\r\nThe lazy dog!\n");
        try (var gz = new GZIPOutputStream(Files.newOutputStream(corpus.resolve("b.txt.gz")))) {
            gz.write("\uFEFFthe fox, the dog and the cat\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        // from Java: corpora streams the lines, tokenize splits and counts
        Tokenizer tokenizer = Tokenizer.named("standard");
        VocabularyBuilder counter = Vocabulary.builder();
        TextCorpus.of(corpus).forEachLine((line, at) -> tokenizer.forEachToken(line, counter));
        Vocabulary vocabulary = counter.build(2, 10);
        assertEquals(List.of("the", "dog", "fox"), vocabulary.words());
        assertEquals(5, vocabulary.countOf(vocabulary.idOf("the").orElseThrow()));
        Path saved = dir.resolve("vocab.txt");
        vocabulary.save(saved);
        Vocabulary loaded = Vocabulary.load(saved);
        assertEquals(vocabulary.words(), loaded.words());
        assertEquals(9, loaded.totalTokens());

        // from the command line: the same words and counts
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"vocab", "--input", corpus.toString(), "--min-count", "2"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        assertEquals(Main.OK, code, err::toString);
        assertEquals(Files.readString(saved), out.toString());
    }

    @Test
    void realCorpusFromSharedData() throws Exception {
        Path prose = Repo.sharedData("english-prose-corpus/english_prose_1m.txt");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"vocab", "-i", prose.toString(), "--analyzer", "whitespace", "--max-size",
                        "5", "--verbose"}, new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(Main.OK, code, err::toString);
        List<String> top = out.toString().lines().map(line -> line.split(" ")[0]).toList();
        assertEquals(5, top.size(), out::toString);
        assertTrue(top.containsAll(List.of("the", "of", "and")), top::toString);
        assertTrue(err.toString().contains("kept 5 words"), err::toString);
    }
}
