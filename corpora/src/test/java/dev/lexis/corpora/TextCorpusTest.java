package dev.lexis.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private Path writeGzip(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
        return file;
    }

    /** Lines with their file names and line numbers, as "name:line:text". */
    private static List<String> located(TextCorpus corpus) {
        List<String> lines = new ArrayList<>();
        corpus.forEachLine((line, at) -> lines.add(at.file().getFileName() + ":" + at.lineNumber() + ":" + line));
        return lines;
    }

    @Test
    void readsLinesWithCrLfBomAndNoFinalNewline() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "first line\r\nsecond\n\n  \nthird – ünïcode\r\nlast".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);
        Path file = write("a.txt", bytes);
        TextCorpus corpus = TextCorpus.of(file);
        assertEquals(List.of("a.txt:1:first line", "a.txt:2:second", "a.txt:5:third – ünïcode", "a.txt:6:last"),
                located(corpus));
        ReadSummary summary = corpus.forEachLine((line, at) -> { });
        assertEquals(new ReadSummary(1, 4, 2, 0, 0, bytes.length), summary);
    }

    @Test
    void blankLinesAreDeliveredWhenAsked() throws IOException {
        Path file = write("a.txt", "a\n\nb\n");
        TextCorpus corpus = TextCorpus.of(file, TextOptions.defaults().withSkipBlankLines(false));
        try (Stream<String> lines = corpus.lines()) {
            assertEquals(List.of("a", "", "b"), lines.toList());
        }
    }

    @Test
    void byteOffsetsPointAtLineStarts() throws IOException {
        Path file = write("a.txt", "ab\r\nü\ncd");
        List<Long> offsets = new ArrayList<>();
        TextCorpus.of(file).forEachLine((line, at) -> offsets.add(at.byteOffset()));
        assertEquals(List.of(0L, 4L, 7L), offsets);
    }

    @Test
    void isReIterableAndStreamsLazily() throws IOException {
        Path file = write("a.txt", "one\ntwo\nthree\n");
        TextCorpus corpus = TextCorpus.of(file);
        for (int epoch = 0; epoch < 3; epoch++) {
            try (Stream<String> lines = corpus.lines()) {
                assertEquals(List.of("one", "two", "three"), lines.toList());
            }
        }
        try (Stream<String> lines = corpus.lines()) {
            assertEquals("one", lines.findFirst().orElseThrow());
        }
        try (LineReader reader = corpus.open()) {
            assertTrue(reader.next());
            assertEquals("one", reader.text());
            assertEquals(1, reader.lineNumber());
            assertTrue(reader.next());
            assertTrue(reader.next());
            assertFalse(reader.next());
            assertFalse(reader.next());
            assertEquals(14, reader.bytesRead());
        }
    }

    @Test
    void readsFoldersRecursivelyInPathOrderSkippingHiddenFiles() throws IOException {
        write("corpus/b.txt", "b1\nb2\n");
        write("corpus/a/z.txt", "az\n");
        write("corpus/a.txt", "a\n");
        write("corpus/.hidden.txt", "hidden\n");
        write("corpus/.git/config", "hidden too\n");
        writeGzip("corpus/c.txt.gz", "c1\nc2".getBytes(StandardCharsets.UTF_8));
        TextCorpus corpus = TextCorpus.of(dir.resolve("corpus"));
        assertEquals(List.of("a.txt:1:a", "z.txt:1:az", "b.txt:1:b1", "b.txt:2:b2", "c.txt.gz:1:c1", "c.txt.gz:2:c2"),
                located(corpus));
        assertEquals(4, corpus.files().size());
        TextCorpus onlyGz = TextCorpus.of(dir.resolve("corpus"), TextOptions.defaults().withInclude("*.gz"));
        assertEquals(List.of("c.txt.gz:1:c1", "c.txt.gz:2:c2"), located(onlyGz));
    }

    @Test
    void missingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope/wiki.txt");
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.of(missing));
        assertEquals(missing + ": no such file or folder", e.getMessage());
        assertEquals(missing, e.file().orElseThrow());
        assertTrue(e.line().isEmpty());
    }

    @Test
    void folderWithNoTextFilesIsAnErrorNamingIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        write("empty/.DS_Store", "x");
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.of(empty));
        assertEquals(empty + ": no text files in this folder (hidden files and folders are skipped)", e.getMessage());
        write("empty/notes.md", "x\n");
        CorpusException filtered = assertThrows(CorpusException.class,
                () -> TextCorpus.of(empty, TextOptions.defaults().withInclude("*.txt")));
        assertEquals(empty + ": no text files in this folder match \"*.txt\" (hidden files and folders are skipped)",
                filtered.getMessage());
    }

    @Test
    void emptyCorpusIsAnErrorNamingIt() throws IOException {
        Path file = write("empty.txt", "\n  \r\n\n");
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.of(file));
        assertEquals(file + ": empty corpus (no non-blank lines)", e.getMessage());
        write("folder/a.txt", "");
        write("folder/b.txt.gz", new byte[0]);
        Path folder = dir.resolve("folder");
        Files.delete(folder.resolve("b.txt.gz"));
        writeGzip("folder/b.txt.gz", new byte[0]);
        CorpusException inFolder = assertThrows(CorpusException.class, () -> TextCorpus.of(folder));
        assertEquals(folder + ": empty corpus (no non-blank lines in 2 files)", inFolder.getMessage());
        TextCorpus allowed = TextCorpus.of(file, TextOptions.defaults().withRequireNonEmpty(false));
        assertEquals(0, allowed.forEachLine((line, at) -> { }).lines());
    }

    @Test
    void malformedUtf8NamesFileLineAndOffset() throws IOException {
        byte[] bytes = "good line\nsecond ok\nbad \u00e9 here".getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(bytes, bytes.length + 4);
        bad[bytes.length] = '\n';
        bad[bytes.length + 1] = 'x';
        bad[bytes.length + 2] = (byte) 0xFF;
        bad[bytes.length + 3] = 'y';
        Path file = write("wiki.txt", bad);
        TextCorpus corpus = TextCorpus.of(file);
        CorpusException e = assertThrows(CorpusException.class, () -> corpus.forEachLine((line, at) -> { }));
        assertTrue(e.getMessage().startsWith(file + ":4: not valid UTF-8 (byte 0xFF at offset " + (bytes.length + 2)
                + ")"), e.getMessage());
        assertEquals(4, e.line().orElseThrow());

        TextCorpus replacing = TextCorpus.of(file, TextOptions.defaults().withReplaceMalformed());
        List<String> lines = new ArrayList<>();
        ReadSummary summary = replacing.forEachLine((line, at) -> lines.add(line));
        assertEquals("x\uFFFDy", lines.get(3));
        assertEquals(1, summary.malformedReplaced());
    }

    @Test
    void truncatedMultiByteCharacterAndLatin1AreMalformed() throws IOException {
        Path truncated = write("t.txt", new byte[] {'a', '\n', 'b', (byte) 0xE2, (byte) 0x82, '\n'});
        CorpusException e = assertThrows(CorpusException.class,
                () -> TextCorpus.of(truncated).forEachLine((line, at) -> { }));
        assertTrue(e.getMessage().startsWith(truncated + ":2: not valid UTF-8 (byte 0xE2 at offset 3)"),
                e.getMessage());
        Path latin1 = write("l.txt", "café\n".getBytes(StandardCharsets.ISO_8859_1));
        CorpusException first = assertThrows(CorpusException.class, () -> TextCorpus.of(latin1));
        assertTrue(first.getMessage().startsWith(latin1 + ":1: not valid UTF-8 (byte 0xE9 at offset 3)"),
                first.getMessage());
    }

    @Test
    void malformedUtf8InGzipGivesTheDecompressedOffset() throws IOException {
        Path file = writeGzip("c.txt.gz", new byte[] {'o', 'k', '\n', 'a', (byte) 0xC3, '\n'});
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.of(file).forEachLine((l, at) -> { }));
        assertTrue(e.getMessage().startsWith(file + ":2: not valid UTF-8 (byte 0xC3 at offset 4)"), e.getMessage());
    }

    @Test
    void brokenGzipFilesAreClearErrors() throws IOException {
        Path notGzip = write("plain.txt.gz", "just text\n");
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.of(notGzip));
        assertTrue(e.getMessage().startsWith(notGzip + ": not a gzip file, though its name ends in .gz"),
                e.getMessage());
        byte[] text = "line one\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        Path full = writeGzip("full.txt.gz", text);
        byte[] gz = Files.readAllBytes(full);
        Path cut = write("cut.txt.gz", Arrays.copyOf(gz, gz.length / 2));
        CorpusException truncated = assertThrows(CorpusException.class,
                () -> TextCorpus.of(cut).forEachLine((line, at) -> { }));
        assertTrue(truncated.getMessage().startsWith(cut + ": the gzip data is truncated after "),
                truncated.getMessage());
        assertTrue(truncated.getMessage().endsWith("bytes of text; the file is incomplete"), truncated.getMessage());
    }

    @Test
    void archivesAreRefusedWithAHint() throws IOException {
        Path zip = write("corpus.zip", "PK");
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.of(zip));
        assertEquals(zip + ": a .zip archive is not read; decompress it, or gzip the text (.gz files are read"
                + " directly)", e.getMessage());
    }

    @Test
    void tenMegabyteLineWithoutNewlineIsSplitAtWhitespace() throws IOException {
        int size = 10 * 1024 * 1024;
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 8 == 7 ? ' ' : 'a' + i % 8);
        }
        Path file = write("huge.txt", bytes);
        long[] totals = new long[3];
        ReadSummary summary = TextCorpus.of(file).forEachLine((line, at) -> {
            assertTrue(line.length() <= TextOptions.DEFAULT_MAX_LINE_BYTES);
            assertEquals(1, at.lineNumber());
            assertTrue(line.startsWith("abcdefg") && line.strip().endsWith("abcdefg"), line.substring(0, 20));
            totals[0] += line.length();
            totals[1]++;
            totals[2] += line.strip().split(" ").length;
        });
        assertEquals(size / 8, totals[2], "every token is kept whole");
        assertEquals(size - (totals[1] - 1), totals[0], "only the spaces at the cuts are dropped");
        assertEquals(1, summary.splitLines());
        assertEquals(totals[1], summary.lines());
        assertEquals(size, summary.bytes());
    }

    @Test
    void longLinesCanBeRefused() throws IOException {
        Path file = write("long.txt", "short\n" + "x".repeat(5000) + "\nshort\n");
        TextCorpus corpus = TextCorpus.of(file, TextOptions.defaults().withMaxLineBytes(4096)
                .withOnLongLine(TextOptions.OnLongLine.FAIL));
        CorpusException e = assertThrows(CorpusException.class, () -> corpus.forEachLine((line, at) -> { }));
        assertEquals(file + ":2: line longer than 4096 bytes (maxLineBytes); is this one sentence or paragraph per"
                + " line? Raise maxLineBytes or let long lines be split", e.getMessage());
    }

    @Test
    void longRunsWithoutWhitespaceAreCutAtCharacterBoundaries() throws IOException {
        String text = "é€𝄞".repeat(100);
        Path file = write("runs.txt", text + "\nnext\n");
        List<String> lines = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        TextCorpus.of(file, TextOptions.defaults().withMaxLineBytes(50)).forEachLine((line, at) -> {
            lines.add(line);
            numbers.add(at.lineNumber());
        });
        assertEquals("next", lines.get(lines.size() - 1));
        assertEquals(2L, numbers.get(numbers.size() - 1));
        assertEquals(text, String.join("", lines.subList(0, lines.size() - 1)));
        for (String line : lines) {
            assertFalse(line.contains("\uFFFD"));
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 50);
        }
    }

    @Test
    void tenThousandCharacterTokenPassesIntact() throws IOException {
        String token = "w".repeat(10_000);
        Path file = write("token.txt", "before " + token + " after\n");
        try (Stream<String> lines = TextCorpus.of(file).lines()) {
            assertEquals(List.of("before " + token + " after"), lines.collect(Collectors.toList()));
        }
    }

    @Test
    void optionsAreValidatedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextOptions.defaults().withMaxLineBytes(3));
        assertEquals("maxLineBytes must be in [16, 1073741824], got 3", e.getMessage());
    }

    @Test
    void followsSymbolicLinksAndNamesBrokenOnes() throws IOException {
        Path target = write("elsewhere/real.txt", "linked line\n");
        Path folder = Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(folder.resolve("a.txt"), target);
        Files.createSymbolicLink(folder.resolve("loop"), folder);
        assertEquals(List.of("a.txt:1:linked line"), located(TextCorpus.of(folder)));
        Path broken = folder.resolve("b.txt");
        Files.createSymbolicLink(broken, dir.resolve("gone.txt"));
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.of(folder));
        assertEquals(broken + ": a broken symbolic link (its target does not exist)", e.getMessage());
    }

    @Test
    void emptyGzipFileIsNamed() throws IOException {
        Path file = write("zero.txt.gz", new byte[0]);
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.of(file));
        assertEquals(file + ": not a gzip file, though its name ends in .gz", e.getMessage());
    }

    @Test
    void diskBytesReadReachesTheSizeOnDiskForPlainAndGzipFiles() throws IOException {
        byte[] text = "some words on a line\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        write("mixed/a.txt", text);
        writeGzip("mixed/b.txt.gz", text);
        TextCorpus corpus = TextCorpus.of(dir.resolve("mixed"));
        try (LineReader reader = corpus.open()) {
            long last = 0;
            while (reader.next()) {
                assertTrue(reader.diskBytesRead() >= last);
                last = reader.diskBytesRead();
            }
            assertEquals(corpus.sizeOnDisk(), reader.diskBytesRead());
            assertEquals(2L * text.length, reader.bytesRead());
        }
    }
}
