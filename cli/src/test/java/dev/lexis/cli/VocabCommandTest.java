package dev.lexis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabCommandTest {

    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        return Files.writeString(dir.resolve("corpus.txt"), "the cat sat on the mat\nthe dog sat\n\nA cat!\n");
    }

    @Test
    void printsWordCountLinesByCountThenWord() throws IOException {
        Run run = Run.of("vocab", "--input", corpus().toString());
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals(List.of("the 3", "cat 2", "sat 2", "a 1", "dog 1", "mat 1", "on 1"), run.outLines());
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void minCountMaxSizeAndAnalyzer() throws IOException {
        Run run = Run.of("vocab", "-i", corpus().toString(), "--analyzer", "whitespace", "--min-count", "2");
        assertEquals(List.of("the 3", "sat 2"), run.outLines(), run::toString);
        run = Run.of("vocab", "-i", corpus().toString(), "--max-size", "2");
        assertEquals(List.of("the 3", "cat 2"), run.outLines(), run::toString);
    }

    @Test
    void writesTheOutputFileAndReportsWithVerbose() throws IOException {
        Path out = dir.resolve("vocab.txt");
        Run run = Run.of("vocab", "-i", corpus().toString(), "-o", out.toString(), "--verbose");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals("the 3\ncat 2\nsat 2\na 1\ndog 1\nmat 1\non 1\n", Files.readString(out));
        assertTrue(run.err().contains("11 tokens, 7 distinct words; kept 7 words (11 tokens)"), run::toString);
    }

    @Test
    void readsFoldersAndGzipFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(folder.resolve("a.txt"), "x y\n");
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(folder.resolve("b.txt.gz")))) {
            gz.write("y z z\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Run run = Run.of("vocab", "-i", folder.toString());
        assertEquals(List.of("y 2", "z 2", "x 1"), run.outLines(), run::toString);
    }

    @Test
    void severalThreadsCountTheSameAsOne() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("many"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("w").append(i % 97).append(" common w").append(i % 13).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(folder.resolve("a.txt"), text);
        Files.writeString(folder.resolve("b.txt"), "common tail\n" + text);
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(folder.resolve("c.txt.gz")))) {
            gz.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Run one = Run.of("vocab", "-i", folder.toString(), "--verbose");
        Run four = Run.of("vocab", "-i", folder.toString(), "--threads", "4", "--verbose");
        assertEquals(Main.OK, four.exitCode(), four::toString);
        assertEquals(one.out(), four.out());
        assertTrue(one.out().startsWith("common 9001\n"), one::toString);
        assertTrue(four.err().contains(": 3 file(s), 9,001 lines, "), four::toString);
    }

    @Test
    void reportsPruningOnStandardError() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("common rare").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("many.txt"), text);
        Run run = Run.of("vocab", "-i", file.toString(), "--max-entries", "50", "--max-size", "1");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals(List.of("common 200"), run.outLines());
        assertTrue(run.err().startsWith("lexis vocab: pruned rare words "), run::toString);
        assertTrue(run.err().contains("to stay within 50 distinct words"), run::toString);
    }

    @Test
    void missingFileIsAnErrorOnOneLineNamingTheFile() {
        Path missing = dir.resolve("no-such-corpus.txt");
        Run run = Run.of("vocab", "--input", missing.toString());
        assertEquals(Main.ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("lexis: " + missing + ": no such file or folder"), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path missing = dir.resolve("no-such-corpus.txt");
        Run run = Run.of("vocab", "--input", missing.toString(), "--verbose");
        assertEquals(Main.ERROR, run.exitCode(), run::toString);
        assertEquals("lexis: " + missing + ": no such file or folder", run.errLines().get(0));
        assertTrue(run.errLines().size() > 2 && run.err().contains("\tat dev.lexis."), run::toString);
    }

    @Test
    void malformedUtf8NamesTheFileLineAndOffsetUnlessReplaced() throws IOException {
        Path file = Files.write(dir.resolve("latin1.txt"), new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        Run run = Run.of("vocab", "-i", file.toString());
        assertEquals(Main.ERROR, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("lexis: " + file + ":2: not valid UTF-8 (byte 0xE9 at offset 6)"),
                run::toString);

        run = Run.of("vocab", "-i", file.toString(), "--replace-malformed", "--analyzer", "whitespace");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals(List.of("caf\uFFFD 1", "ok 1"), run.outLines());
        assertTrue(run.err().contains("replaced 1 malformed UTF-8 sequences"), run::toString);
    }

    @Test
    void missingOutputFolderFailsBeforeCounting() throws IOException {
        Path out = dir.resolve("no-such-folder").resolve("vocab.txt");
        Run run = Run.of("vocab", "-i", corpus().toString(), "-o", out.toString());
        assertEquals(Main.ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("lexis: " + out.getParent().toAbsolutePath() + ": the folder of --output " + out
                + " does not exist"), run.errLines());
    }

    @Test
    void badNumbersAndMissingInputAreUsageErrors() throws IOException {
        assertEquals(Main.USAGE, Run.of("vocab").exitCode());
        assertEquals(Main.USAGE, Run.of("vocab", "-i", corpus().toString(), "--min-count", "0").exitCode());
        assertEquals(Main.USAGE, Run.of("vocab", "-i", corpus().toString(), "--threads", "0").exitCode());
        Run run = Run.of("vocab", "-i", corpus().toString(), "--max-size", "many");
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertEquals(List.of("lexis: Invalid value for option '--max-size': 'many' is not an int (see 'lexis vocab --help')"),
                run.errLines());
    }
}
