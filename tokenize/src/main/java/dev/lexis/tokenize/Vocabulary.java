package dev.lexis.tokenize;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.RandomAccess;

/**
 * An immutable, thread-safe word list with counts: word ↔ id (0 to {@code size() - 1}) and the count of
 * each word. Built by {@link VocabularyBuilder} (ids ordered by count descending, then by word) or read
 * from a {@code word count} file, the word2vec C tool's {@code -save-vocab} format (ids in file order).
 *
 * <pre>{@code
 * VocabularyBuilder counter = Vocabulary.builder();
 * lines.forEach(line -> tokenizer.forEachToken(line, counter));
 * Vocabulary vocab = counter.build(5, 100_000);     // min count 5, the 100k most frequent
 * int id = vocab.indexOf("king");                   // -1 when absent
 * vocab.save(Path.of("vocab.txt"));
 * }</pre>
 */
public final class Vocabulary {

    /**
     * What pruning dropped while counting under a memory budget (see {@link VocabularyBuilder}).
     *
     * @param rounds         how many times the table was pruned (0: counts are exact)
     * @param wordsDropped   distinct-word entries dropped, summed over rounds
     * @param tokensDropped  occurrences those entries held
     * @param threshold      the last threshold: words with a true count up to about this may be missing or
     *                       undercounted
     */
    public record Pruning(int rounds, long wordsDropped, long tokensDropped, long threshold) {
        /** No pruning happened. */
        public static final Pruning NONE = new Pruning(0, 0, 0, 0);

        /** Validates that no field is negative. */
        public Pruning {
            if (rounds < 0 || wordsDropped < 0 || tokensDropped < 0 || threshold < 0) {
                throw new IllegalArgumentException("pruning statistics must be >= 0, got rounds=" + rounds
                        + ", wordsDropped=" + wordsDropped + ", tokensDropped=" + tokensDropped + ", threshold=" + threshold);
            }
        }

        /** Whether any pruning happened. */
        public boolean pruned() {
            return rounds > 0;
        }
    }

    private final String[] words;
    private final long[] counts;
    private final int[] hashes;
    private final int[] slots;  // id + 1, or 0 when free
    private final long totalTokens;
    private final Pruning pruning;

    Vocabulary(String[] words, long[] counts, Pruning pruning) {
        assert words.length == counts.length;
        this.words = words;
        this.counts = counts;
        this.pruning = pruning;
        this.hashes = new int[words.length];
        int capacity = Integer.highestOneBit(Math.max(4, words.length * 2 - 1)) << 1;
        this.slots = new int[capacity];
        long total = 0;
        int mask = capacity - 1;
        for (int id = 0; id < words.length; id++) {
            String word = words[id];
            if (word == null || word.isEmpty()) {
                throw new IllegalArgumentException("word " + id + " is " + (word == null ? "null" : "empty"));
            }
            if (counts[id] < 0) {
                throw new IllegalArgumentException("count of word " + id + " \"" + word + "\" must be >= 0, got " + counts[id]);
            }
            total += counts[id];
            int h = word.hashCode();
            hashes[id] = h;
            int slot = mix(h) & mask;
            while (slots[slot] != 0) {
                int other = slots[slot] - 1;
                if (hashes[other] == h && words[other].equals(word)) {
                    throw new IllegalArgumentException("word \"" + word + "\" appears twice, as ids " + other + " and " + id);
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
        this.totalTokens = total;
    }

    /** A new builder with the default memory budget ({@value VocabularyBuilder#DEFAULT_MAX_ENTRIES} distinct words). */
    public static VocabularyBuilder builder() {
        return new VocabularyBuilder();
    }

    /** A new builder that prunes rare words when it holds more than {@code maxEntries} distinct words. */
    public static VocabularyBuilder builder(int maxEntries) {
        return new VocabularyBuilder(maxEntries);
    }

    /**
     * A vocabulary with exactly these words and counts, ids in the given order (e.g. from a model file).
     *
     * @throws IllegalArgumentException on different lengths, an empty or repeated word, or a negative count
     */
    public static Vocabulary of(List<String> words, long[] counts) {
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(counts, "counts");
        if (words.size() != counts.length) {
            throw new IllegalArgumentException("words and counts differ in length: " + words.size() + " vs " + counts.length);
        }
        return new Vocabulary(words.toArray(new String[0]), counts.clone(), Pruning.NONE);
    }

    /** Number of words; ids run from 0 to {@code size() - 1}. */
    public int size() {
        return words.length;
    }

    /** Sum of the counts of the words in this vocabulary (the C tool's {@code train_words}). */
    public long totalTokens() {
        return totalTokens;
    }

    /** What pruning dropped while counting; {@link Pruning#NONE} for exact counts or a loaded file. */
    public Pruning pruning() {
        return pruning;
    }

    /** Whether the counts are approximate because the builder pruned rare words. */
    public boolean pruned() {
        return pruning.pruned();
    }

    /** The id of {@code word}, or empty when it is not in the vocabulary. */
    public OptionalInt idOf(String word) {
        int id = indexOf(word);
        return id < 0 ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The id of {@code word}, or -1 when it is not in the vocabulary (no allocation; for hot loops). */
    public int indexOf(CharSequence word) {
        if (word instanceof String s) {
            return indexOfString(s);
        }
        int length = word.length();
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word.charAt(i);
        }
        int mask = slots.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && words[id].contentEquals(word)) {
                return id;
            }
        }
    }

    private int indexOfString(String word) {
        int h = word.hashCode();
        int mask = slots.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && words[id].equals(word)) {
                return id;
            }
        }
    }

    /**
     * The id of the word {@code chars[offset, offset + length)}, or -1 (no allocation; pairs with
     * {@link TokenSink}).
     */
    public int indexOf(char[] chars, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, chars.length);
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + chars[i];
        }
        int mask = slots.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && sameChars(words[id], chars, offset, length)) {
                return id;
            }
        }
    }

    private static boolean sameChars(String word, char[] chars, int offset, int length) {
        if (word.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (word.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code word} is in the vocabulary. */
    public boolean contains(CharSequence word) {
        return indexOf(word) >= 0;
    }

    /**
     * The word with this id.
     *
     * @throws IndexOutOfBoundsException naming the id and the size when {@code id} is not in {@code [0, size())}
     */
    public String wordOf(int id) {
        checkId(id);
        return words[id];
    }

    /**
     * The count of the word with this id.
     *
     * @throws IndexOutOfBoundsException naming the id and the size when {@code id} is not in {@code [0, size())}
     */
    public long countOf(int id) {
        checkId(id);
        return counts[id];
    }

    private void checkId(int id) {
        if (id < 0 || id >= words.length) {
            throw new IndexOutOfBoundsException("word id " + id + " is out of range: the vocabulary has "
                    + words.length + " words (ids 0.." + (words.length - 1) + ")");
        }
    }

    /** The words in id order (an unmodifiable view). */
    public List<String> words() {
        return new WordList();
    }

    /** A copy of the counts in id order. */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * Writes one {@code word count} line per word in id order (UTF-8 when the writer is), the word2vec C tool's
     * {@code -save-vocab} format.
     *
     * @throws IllegalStateException if a word contains whitespace, which the format cannot hold
     * @throws IOException from the writer
     */
    public void write(Writer out) throws IOException {
        for (int id = 0; id < words.length; id++) {
            String word = words[id];
            for (int i = 0; i < word.length(); i++) {
                if (Character.isWhitespace(word.charAt(i))) {
                    throw new IllegalStateException("word " + id + " \"" + word + "\" contains whitespace;"
                            + " the 'word count' vocabulary format cannot store it");
                }
            }
            out.write(word);
            out.write(' ');
            out.write(Long.toString(counts[id]));
            out.write('\n');
        }
    }

    /**
     * Saves as {@code word count} lines in UTF-8, atomically: written to a temporary file in the same folder,
     * then renamed over {@code path}, so a crash never leaves half a file.
     *
     * @throws UncheckedIOException naming the file when writing fails
     * @throws IllegalStateException if a word contains whitespace
     */
    public void save(Path path) {
        Path absolute = path.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, absolute.getFileName().toString() + ".", ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write the vocabulary: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more than a leftover temporary file
                }
            }
        }
    }

    /**
     * Loads a {@code word count} file (UTF-8, one word per line, ids in line order; a BOM, CRLF line ends and
     * a tab instead of the space are accepted).
     *
     * @throws UncheckedIOException naming the file when it is missing or unreadable, or naming
     *     {@code file:line}, the byte and its offset when it is not valid UTF-8
     * @throws IllegalArgumentException naming {@code file:line} and the value for a malformed line, a negative
     *     count or a repeated word
     */
    public static Vocabulary load(Path path) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String source = path.toString();
        Lines lines = new Lines(source);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            byte[] line = new byte[256];
            int length = 0;
            long lineStart = 0;
            long offset = 0;
            int b;
            while (true) {
                b = in.read();
                if (b < 0 || b == '\n') {
                    if (b < 0 && length == 0) {
                        break;
                    }
                    String text;
                    try {
                        text = decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
                    } catch (CharacterCodingException e) {
                        int bad = firstBadByte(line, length);
                        throw new UncheckedIOException(source + ":" + (lines.number + 1) + ": not valid UTF-8 (byte 0x"
                                + String.format("%02X", line[bad] & 0xFF) + " at offset " + (lineStart + bad) + ")", e);
                    }
                    lines.add(text);
                    length = 0;
                    lineStart = offset + 1;
                    if (b < 0) {
                        break;
                    }
                } else {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, length * 2);
                    }
                    line[length++] = (byte) b;
                }
                offset++;
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(path + ": vocabulary file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read the vocabulary: " + e.getMessage(), e);
        }
        return lines.vocabulary();
    }

    /** Index of the first byte where strict UTF-8 decoding fails. */
    private static int firstBadByte(byte[] bytes, int length) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    /**
     * Reads {@code word count} lines (see {@link #load(Path)}) from an already decoding reader;
     * {@code source} names the input in messages.
     *
     * @throws IOException from the reader
     * @throws IllegalArgumentException naming {@code source:line} for a malformed line
     */
    public static Vocabulary read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        Lines lines = new Lines(source);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines.vocabulary();
    }

    /** Parses {@code word count} lines one by one. */
    private static final class Lines {
        private final String source;
        private final List<String> words = new ArrayList<>();
        private long[] counts = new long[1024];
        private int number;

        Lines(String source) {
            this.source = source;
        }

        void add(String line) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int cut = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
            if (cut <= 0) {
                throw new IllegalArgumentException(source + ":" + number + ": expected 'word count', found \""
                        + abbreviate(line) + "\"");
            }
            String word = line.substring(0, cut);
            String digits = line.substring(cut + 1);
            long count;
            try {
                count = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + number + ": count \"" + abbreviate(digits)
                        + "\" of word \"" + abbreviate(word) + "\" is not a whole number", e);
            }
            if (count < 0) {
                throw new IllegalArgumentException(source + ":" + number + ": count of word \"" + abbreviate(word)
                        + "\" must be >= 0, got " + count);
            }
            for (int i = 0; i < word.length(); i++) {
                if (Character.isWhitespace(word.charAt(i))) {
                    throw new IllegalArgumentException(source + ":" + number + ": word \"" + abbreviate(word)
                            + "\" contains whitespace; expected 'word count'");
                }
            }
            if (words.size() == counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            counts[words.size()] = count;
            words.add(word);
        }

        Vocabulary vocabulary() {
            try {
                return new Vocabulary(words.toArray(new String[0]), Arrays.copyOf(counts, words.size()), Pruning.NONE);
            } catch (IllegalArgumentException e) {
                // the only failure left is a repeated word: find it again to name both lines
                var firstLine = new HashMap<String, Integer>();
                for (int i = 0; i < words.size(); i++) {
                    Integer before = firstLine.putIfAbsent(words.get(i), i + 1);
                    if (before != null) {
                        throw new IllegalArgumentException(source + ":" + (i + 1) + ": word \"" + abbreviate(words.get(i))
                                + "\" repeats line " + before, e);
                    }
                }
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** Mixes a String hash (murmur3's finalizer) so linear probing spreads well. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    @Override
    public String toString() {
        return "Vocabulary[" + words.length + " words, " + totalTokens + " tokens"
                + (pruning.pruned() ? ", pruned " + pruning.rounds() + " times" : "") + "]";
    }

    private final class WordList extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int index) {
            return wordOf(index);
        }

        @Override
        public int size() {
            return words.length;
        }

        @Override
        public int indexOf(Object o) {
            return o instanceof CharSequence s ? Vocabulary.this.indexOf(s) : -1;
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(o) >= 0;
        }
    }
}
