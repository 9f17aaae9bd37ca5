package dev.lexis.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    /** The text behind the golden file src/test/resources/dev/lexis/tokenize/golden-vocab.txt. */
    static final String GOLDEN_TEXT = "the cat sat on the mat . the dog sat on the log . 猫 猫 naïve";

    /** The vocabulary written to the golden file (whitespace tokens, no minimum count). */
    static Vocabulary goldenVocabulary() {
        VocabularyBuilder builder = Vocabulary.builder();
        Tokenizer.whitespace().forEachToken(GOLDEN_TEXT, builder);
        return builder.build();
    }

    /** Regenerates the golden file; run from the repository root. */
    public static void main(String[] args) {
        goldenVocabulary().save(Path.of("tokenize/src/test/resources/dev/lexis/tokenize/golden-vocab.txt"));
    }

    @TempDir
    Path dir;

    @Test
    void orderedByCountThenWord() {
        Vocabulary vocab = goldenVocabulary();
        // count 4: the; count 2 by String order: "." < "on" < "sat" < "猫"; count 1: cat dog log mat naïve
        assertEquals(List.of("the", ".", "on", "sat", "猫", "cat", "dog", "log", "mat", "naïve"), vocab.words());
        assertArrayEquals(new long[] {4, 2, 2, 2, 2, 1, 1, 1, 1, 1}, vocab.counts());
        assertEquals(17, vocab.totalTokens());
        assertEquals(10, vocab.size());
        assertEquals(OptionalInt.of(3), vocab.idOf("sat"));
        assertEquals(OptionalInt.empty(), vocab.idOf("bird"));
        assertEquals(-1, vocab.indexOf("bird"));
        assertEquals(4, vocab.indexOf(new StringBuilder("猫")));
        assertEquals(9, vocab.indexOf("xnaïvex".toCharArray(), 1, 5));
        assertEquals(-1, vocab.indexOf("xnaïvex".toCharArray(), 1, 4));
        assertEquals("naïve", vocab.wordOf(9));
        assertEquals(4, vocab.countOf(0));
        assertTrue(vocab.contains("dog"));
        assertFalse(vocab.pruned());
        assertEquals(3, vocab.words().indexOf("sat"));
        var e = assertThrows(IndexOutOfBoundsException.class, () -> vocab.wordOf(10));
        assertEquals("word id 10 is out of range: the vocabulary has 10 words (ids 0..9)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> vocab.countOf(-1));
    }

    @Test
    void minCountAndMaxSize() {
        VocabularyBuilder builder = Vocabulary.builder();
        Tokenizer.whitespace().forEachToken(GOLDEN_TEXT, builder);
        assertEquals(List.of("the", ".", "on", "sat", "猫"), builder.build(2, Integer.MAX_VALUE).words());
        assertEquals(List.of("the", ".", "on"), builder.build(1, 3).words());
        assertEquals(List.of("the"), builder.build(3, 3).words());
        assertEquals(List.of(), builder.build(5, 3).words());
        assertEquals(List.of(), builder.build(1, 0).words());
        assertEquals(12, builder.build(2, 5).totalTokens());
        assertEquals(17, builder.tokens());
        assertEquals("minCount must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> builder.build(0, 3)).getMessage());
        assertEquals("maxSize must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> builder.build(1, -1)).getMessage());
    }

    @Test
    void countingAgreesWithAHashMapOnRandomTokens() {
        var random = new SplittableRandom(5);
        VocabularyBuilder builder = Vocabulary.builder();
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            String word = "w" + Integer.toString(zipf(random), 36);
            if (i % 2 == 0) {
                builder.add(word);
            } else {
                char[] padded = ("  " + word + " ").toCharArray();
                builder.accept(padded, 2, word.length());
            }
            expected.merge(word, 1L, Long::sum);
        }
        Vocabulary vocab = builder.build();
        assertEquals(expected.size(), vocab.size());
        for (int id = 0; id < vocab.size(); id++) {
            assertEquals(expected.get(vocab.wordOf(id)), vocab.countOf(id), vocab.wordOf(id));
            assertEquals(id, vocab.indexOf(vocab.wordOf(id)));
            if (id > 0) {
                long prev = vocab.countOf(id - 1);
                long cur = vocab.countOf(id);
                assertTrue(prev > cur || (prev == cur && vocab.wordOf(id - 1).compareTo(vocab.wordOf(id)) < 0));
            }
        }
        assertEquals(200_000, vocab.totalTokens());
        assertEquals(expected.get("w0"), builder.countOf("w0"));
        assertEquals(0, builder.countOf("absent"));
    }

    private static int zipf(SplittableRandom random) {
        return (int) (1 / (random.nextDouble() + 1e-6)) - 1;
    }

    @Test
    void pruningUnderATinyBudgetFollowsReduceVocab() {
        VocabularyBuilder builder = Vocabulary.builder(4);
        builder.add("x", 5).add("y", 3);
        for (int i = 1; i <= 10; i++) {
            builder.add("u" + i);
            assertTrue(builder.size() <= 4, "size " + builder.size());
        }
        // u3 triggers pruning at threshold 1 (drops u1 u2 u3), u6 at 2 (u4 u5 u6), u9 at 3 (u7 u8 u9 and y=3)
        Vocabulary vocab = builder.build();
        assertEquals(List.of("x", "u10"), vocab.words());
        assertArrayEquals(new long[] {5, 1}, vocab.counts());
        assertTrue(vocab.pruned());
        assertEquals(new Vocabulary.Pruning(3, 10, 12, 3), vocab.pruning());
        assertEquals(18, builder.tokens());
        assertTrue(vocab.toString().contains("pruned 3 times"), vocab.toString());
    }

    @Test
    void pruningKeepsFrequentWordsExact() {
        var random = new SplittableRandom(9);
        VocabularyBuilder exact = Vocabulary.builder();
        VocabularyBuilder budget = Vocabulary.builder(500);
        for (int i = 0; i < 300_000; i++) {
            String word = Integer.toString(zipf(random), 36);
            exact.add(word);
            budget.add(word);
            assertTrue(budget.size() <= 500);
        }
        assertTrue(budget.pruning().pruned());
        assertTrue(budget.pruning().wordsDropped() > 1000, budget.pruning().toString());
        Vocabulary full = exact.build(1, 50);
        Vocabulary pruned = budget.build(1, 50);
        assertEquals(full.words(), pruned.words());
        assertArrayEquals(full.counts(), pruned.counts());
    }

    @Test
    void buildersFromSeveralThreadsMerge() {
        VocabularyBuilder a = Vocabulary.builder().add("x").add("y").add("y");
        VocabularyBuilder b = Vocabulary.builder().add("y").add("z");
        Vocabulary merged = a.addAll(b).build();
        assertEquals(List.of("y", "x", "z"), merged.words());
        assertArrayEquals(new long[] {3, 1, 1}, merged.counts());
        assertEquals(5, a.tokens());
    }

    @Test
    void goldenFileMatchesAndRoundTrips() throws IOException {
        Path golden = Path.of("src/test/resources/dev/lexis/tokenize/golden-vocab.txt");
        assertEquals("the 4\n. 2\non 2\nsat 2\n猫 2\ncat 1\ndog 1\nlog 1\nmat 1\nnaïve 1\n",
                Files.readString(golden, StandardCharsets.UTF_8));
        Path saved = dir.resolve("vocab.txt");
        goldenVocabulary().save(saved);
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(saved));
        Vocabulary loaded = Vocabulary.load(saved);
        assertEquals(goldenVocabulary().words(), loaded.words());
        assertArrayEquals(goldenVocabulary().counts(), loaded.counts());
        assertEquals(17, loaded.totalTokens());
        // no temporary file left beside it; saving again replaces the file
        goldenVocabulary().save(saved);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(saved), files.toList());
        }
    }

    @Test
    void loadKeepsFileOrderAndAcceptsTheCToolsFile() throws IOException {
        // the C tool writes </s> first whatever its count; ids follow the file
        Path file = dir.resolve("c-tool.vocab");
        Files.writeString(file, "\uFEFF</s> 3\r\nthe 10\r\nof\t7\n", StandardCharsets.UTF_8);
        Vocabulary vocab = Vocabulary.load(file);
        assertEquals(List.of("</s>", "the", "of"), vocab.words());
        assertArrayEquals(new long[] {3, 10, 7}, vocab.counts());
    }

    @Test
    void loadErrorsNameFileAndLine() throws IOException {
        assertLoadError("a 1\nb\n", ":2: expected 'word count', found \"b\"");
        assertLoadError("a 1\n\n", ":2: expected 'word count', found \"\"");
        assertLoadError("a 1\nb x\n", ":2: count \"x\" of word \"b\" is not a whole number");
        assertLoadError("a -4\n", ":1: count of word \"a\" must be >= 0, got -4");
        assertLoadError("a 1\nb c 2\n", ":2: word \"b c\" contains whitespace; expected 'word count'");
        assertLoadError("a 1\nb 2\na 3\n", ":3: word \"a\" repeats line 1");

        Path bad = dir.resolve("latin1.vocab");
        Files.write(bad, new byte[] {'a', ' ', '1', '\n', (byte) 0xFF, ' ', '2', '\n'});
        var e = assertThrows(UncheckedIOException.class, () -> Vocabulary.load(bad));
        assertEquals(bad + ":2: not valid UTF-8 (byte 0xFF at offset 4)", e.getMessage());

        Path missing = dir.resolve("missing.vocab");
        e = assertThrows(UncheckedIOException.class, () -> Vocabulary.load(missing));
        assertEquals(missing + ": vocabulary file not found", e.getMessage());
    }

    private void assertLoadError(String content, String expectedSuffix) throws IOException {
        Path file = dir.resolve("bad.vocab");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(file));
        assertEquals(file + expectedSuffix, e.getMessage());
    }

    @Test
    void saveRejectsWordsWithWhitespaceAndKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("v.txt");
        Files.writeString(file, "old 1\n");
        Vocabulary withSpace = Vocabulary.of(List.of("new york", "ny"), new long[] {2, 1});
        var e = assertThrows(IllegalStateException.class, () -> withSpace.save(file));
        assertEquals("word 0 \"new york\" contains whitespace; the 'word count' vocabulary format cannot store it",
                e.getMessage());
        assertEquals("old 1\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "temporary file removed");
        }
    }

    @Test
    void ofValidatesItsInput() {
        assertEquals("word \"a\" appears twice, as ids 0 and 2", assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("a", "b", "a"), new long[] {1, 1, 1})).getMessage());
        assertEquals("words and counts differ in length: 1 vs 2", assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("a"), new long[] {1, 2})).getMessage());
        assertEquals("word 0 is empty", assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of(""), new long[] {1})).getMessage());
        assertEquals("maxEntries must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder(0)).getMessage());
    }

    @Test
    void readFromAReader() throws IOException {
        Vocabulary vocab = Vocabulary.read(new StringReader("b 2\na 1\n"), "inline");
        assertEquals(List.of("b", "a"), vocab.words());
        var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.read(new StringReader("b\n"), "inline"));
        assertEquals("inline:1: expected 'word count', found \"b\"", e.getMessage());
        List<String> lines = new ArrayList<>();
        var out = new java.io.StringWriter();
        vocab.write(out);
        out.toString().lines().forEach(lines::add);
        assertEquals(List.of("b 2", "a 1"), lines);
    }

    @Test
    void veryLongWordsAreCountedExactly() {
        VocabularyBuilder builder = Vocabulary.builder(4);
        List<String> words = List.of("a".repeat(65_534), "b".repeat(65_535), "c".repeat(65_536), "\uFFFF" + "d".repeat(70_000));
        for (String word : words) {
            builder.add(word, 4);
            char[] chars = ("  " + word).toCharArray();
            builder.accept(chars, 2, word.length());
        }
        builder.add("e").add("f").add("g");  // over the budget of 4: prunes at thresholds 1, 2, 3; keeps the count-5 words
        Vocabulary vocab = builder.build();
        assertEquals(4, vocab.size());
        for (String word : words) {
            int id = vocab.indexOf(word);
            assertTrue(id >= 0, "length " + word.length());
            assertEquals(5, vocab.countOf(id));
            assertEquals(word, vocab.wordOf(id));
        }
        assertTrue(vocab.pruned());
        VocabularyBuilder merged = Vocabulary.builder().addAll(builder);
        assertEquals(5, merged.countOf(words.get(2)));
        assertEquals(new Vocabulary.Pruning(3, 3, 3, 3), vocab.pruning());
    }
}
