package dev.lexis.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Property tests: shards of random files, for random shard counts, hold every line exactly once, in order. */
class TextShardsTest {
    private static final long SEED = 20261126L;
    private static final TextOptions ALL_LINES = TextOptions.defaults().withSkipBlankLines(false)
            .withRequireNonEmpty(false);

    @TempDir
    Path dir;

    /** A random text: lines of random length (some empty, some long), LF or CRLF, ASCII and multi-byte words. */
    private static String randomText(SplittableRandom random) {
        String[] words = {"a", "word", "ünïcödé", "日本語", "𝄞", "x", "the", "-", "longerword"};
        int lines = random.nextInt(6) == 0 ? random.nextInt(3) : random.nextInt(1, 200);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(300) : random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(j == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            boolean last = i == lines - 1;
            if (!last || random.nextBoolean()) {
                text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
        }
        return text.toString();
    }

    private static List<String> expectedLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }

    @Test
    void shardsOfRandomFilesCoverEveryLineExactlyOnce() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int trial = 0; trial < 200; trial++) {
            String text = randomText(random);
            Path file = dir.resolve("t" + trial + ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> expected = expectedLines(text);
            int n = random.nextInt(1, Math.max(2, expected.size() + 5) + 1);
            List<TextShard> shards = TextShards.of(file, n);
            String context = "seed " + SEED + ", trial " + trial + ", " + expected.size() + " lines, n = " + n;
            assertTrue(shards.size() >= 1 && shards.size() <= n, context);
            long position = 0;
            List<String> lines = new ArrayList<>();
            List<Long> numbers = new ArrayList<>();
            for (TextShard shard : shards) {
                assertEquals(position, shard.start(), context);
                assertTrue(shard.end() > shard.start() || shards.size() == 1, context);
                position = shard.end();
                shard.forEachLine(ALL_LINES, (line, at) -> {
                    lines.add(line);
                    numbers.add(at.lineNumber());
                });
            }
            assertEquals(Files.size(file), position, context);
            assertEquals(expected, lines, context);
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i + 1, numbers.get(i), context);
            }
        }
    }

    @Test
    void moreShardsThanLinesGivesOneShardPerLine() throws IOException {
        Path file = dir.resolve("three.txt");
        Files.writeString(file, "one\ntwo\nthree\n");
        List<TextShard> shards = TextShards.of(file, 10);
        assertEquals(List.of(new TextShard(file, 0, 4), new TextShard(file, 4, 8), new TextShard(file, 8, 14)),
                shards);
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        assertEquals(List.of(new TextShard(empty, 0, 0)), TextShards.of(empty, 4));
    }

    @Test
    void gzipFilesGiveOneWholeShard() throws IOException {
        Path file = dir.resolve("c.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("a\nb\nc\n".getBytes(StandardCharsets.UTF_8));
        }
        List<TextShard> shards = TextShards.of(file, 4);
        assertEquals(List.of(new TextShard(file, 0, Files.size(file))), shards);
        List<String> lines = new ArrayList<>();
        shards.get(0).forEachLine(TextOptions.defaults(), (line, at) -> lines.add(line));
        assertEquals(List.of("a", "b", "c"), lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TextShard(file, 3, 9));
        assertEquals("a gzip file cannot be read from the middle: shard [3, 9) of " + file, e.getMessage());
    }

    @Test
    void corpusShardsOfRandomFoldersCoverEveryLineExactlyOnce() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int trial = 0; trial < 60; trial++) {
            Path folder = Files.createDirectories(dir.resolve("f" + trial));
            int files = random.nextInt(1, 6);
            List<String> expected = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                String text = randomText(random);
                expected.addAll(expectedLines(text));
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (random.nextInt(3) == 0) {
                    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
                            folder.resolve("part" + f + ".txt.gz")))) {
                        out.write(bytes);
                    }
                } else {
                    Files.write(folder.resolve("part" + f + ".txt"), bytes);
                }
            }
            TextCorpus corpus = TextCorpus.of(folder, ALL_LINES);
            int n = random.nextInt(1, 12);
            List<TextCorpus> shards = corpus.shards(n);
            String context = "seed " + (SEED + 1) + ", trial " + trial + ", n = " + n;
            assertTrue(shards.size() >= 1 && shards.size() <= n, context);
            List<String> lines = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (TextCorpus shard : shards) {
                shard.forEachLine((line, at) -> {
                    lines.add(line);
                    where.add(at.file().getFileName() + ":" + at.lineNumber());
                });
            }
            assertEquals(expected, lines, context);
            List<String> whole = new ArrayList<>();
            corpus.forEachLine((line, at) -> whole.add(at.file().getFileName() + ":" + at.lineNumber()));
            assertEquals(whole, where, context);
        }
    }

    @Test
    void badArgumentsAreRefused() throws IOException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "a\n");
        assertEquals("number of shards must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> TextShards.of(file, 0)).getMessage());
        Path missing = dir.resolve("missing.txt");
        assertEquals(missing + ": no such file or folder",
                assertThrows(CorpusException.class, () -> TextShards.of(missing, 2)).getMessage());
    }
}
