package dev.lexis.tokenize;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts words from token streams and builds a {@link Vocabulary}. Counting keeps the words in one flat
 * open-addressing table (hash, pool offset and count side by side) over a shared {@code char[]} pool, so it
 * allocates nothing for words it has seen; it needs 24 to 48 bytes per distinct word for the table plus
 * 2 bytes per char and 2 per word in the pool (68 bytes per word measured for 2 million 8-char words),
 * and briefly about twice that while its arrays grow or a pruning copies the kept words.
 *
 * <p><b>Memory budget.</b> When the table holds more than {@code maxEntries} distinct words, it drops
 * every word whose count is at most a threshold that starts at 1 and rises by one after each pruning, as
 * {@code ReduceVocab} does in the word2vec C tool (Mikolov et al. 2013). Counts of words that were
 * dropped and seen again restart from zero, so after pruning the counts of rare words are lower bounds;
 * {@link #pruning()} reports what was dropped.
 *
 * <p>A builder is <b>not thread-safe</b>: give each thread its own and {@link #addAll(VocabularyBuilder)}
 * them at the end. It is a {@link TokenSink}, so {@code tokenizer.forEachToken(line, builder)} counts
 * without allocation.
 */
public final class VocabularyBuilder implements TokenSink {

    /** Default budget: 5 million distinct words (about 350 MB with 8-char words). */
    public static final int DEFAULT_MAX_ENTRIES = 5_000_000;

    /** A length prefix of this value is followed by the length in two chars (tokens of 65,535+ chars). */
    private static final char LONG_LENGTH = '\uFFFF';

    private final int maxEntries;

    // Open addressing, linear probing, load <= 2/3. Slot s is table[2s] = (hash << 32) | (poolOffset + 1),
    // 0 when free, and table[2s + 1] = count: a hit reads one cache line of the table and one of the pool.
    // The pool holds each word as a length prefix (one char, or LONG_LENGTH and two chars) and its chars.
    private long[] table = new long[2 * 2048];
    private char[] pool = new char[8192];
    private int poolSize;
    private int size;
    private long tokens;

    private int pruneRounds;
    private long prunedWords;
    private long prunedTokens;
    private long pruneThreshold;  // of the last pruning; the next one drops counts <= pruneThreshold + 1

    /** A builder with the default budget of {@value #DEFAULT_MAX_ENTRIES} distinct words. */
    public VocabularyBuilder() {
        this(DEFAULT_MAX_ENTRIES);
    }

    /**
     * A builder that prunes rare words whenever it holds more than {@code maxEntries} distinct words.
     *
     * @throws IllegalArgumentException if {@code maxEntries < 1}
     */
    public VocabularyBuilder(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** Counts one occurrence of a token given as a char slice (the {@link TokenSink} method). Empty: ignored. */
    @Override
    public void accept(char[] chars, int offset, int length) {
        if (length <= 0) {
            return;
        }
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + chars[i];  // String.hashCode's polynomial, so Strings and slices hash alike
        }
        add(chars, offset, length, h, 1);
    }

    /**
     * Counts one occurrence of {@code token}; empty tokens are ignored.
     *
     * @return this builder
     */
    public VocabularyBuilder add(String token) {
        return add(token, 1);
    }

    /**
     * Adds {@code count} occurrences of {@code token} (e.g. from a saved vocabulary); empty tokens are ignored.
     *
     * @return this builder
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public VocabularyBuilder add(String token, long count) {
        Objects.requireNonNull(token, "token");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count + " for \"" + token + "\"");
        }
        if (token.isEmpty() || count == 0) {
            return this;
        }
        int slot = find(token, token.hashCode());
        if (slot >= 0) {
            table[2 * slot + 1] += count;
            tokens += count;
        } else {
            char[] chars = token.toCharArray();
            add(chars, 0, chars.length, token.hashCode(), count);
        }
        return this;
    }

    /**
     * Counts every token of {@code tokens}, in order.
     *
     * @return this builder
     */
    public VocabularyBuilder addAll(Iterable<String> tokens) {
        for (String token : tokens) {
            add(token);
        }
        return this;
    }

    /**
     * Adds all counts of {@code other} (e.g. another thread's builder) and its pruning statistics.
     *
     * @return this builder
     */
    public VocabularyBuilder addAll(VocabularyBuilder other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot add a builder to itself");
        }
        long[] otherTable = other.table;
        for (int s = 0; s < otherTable.length; s += 2) {
            long key = otherTable[s];
            if (key != 0) {
                int start = (int) key - 1;
                add(other.pool, charsStart(other.pool, start), lengthAt(other.pool, start), (int) (key >>> 32),
                        otherTable[s + 1]);
            }
        }
        pruneRounds += other.pruneRounds;
        prunedWords += other.prunedWords;
        prunedTokens += other.prunedTokens;
        pruneThreshold = Math.max(pruneThreshold, other.pruneThreshold);
        return this;
    }

    /** Adds {@code count} to the word chars[offset, offset + length) whose hash is {@code h}. */
    private void add(char[] chars, int offset, int length, int h, long count) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        for (int slot = Vocabulary.mix(h) & mask; ; slot = (slot + 1) & mask) {
            long key = t[2 * slot];
            if (key == 0) {
                insert(slot, h, chars, offset, length, count);
                return;
            }
            if ((int) (key >>> 32) == h && samePoolWord((int) key - 1, chars, offset, length)) {
                t[2 * slot + 1] += count;
                tokens += count;
                return;
            }
        }
    }

    /** The slot holding {@code word}, or -1. */
    private int find(String word, int h) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        for (int slot = Vocabulary.mix(h) & mask; ; slot = (slot + 1) & mask) {
            long key = t[2 * slot];
            if (key == 0) {
                return -1;
            }
            if ((int) (key >>> 32) == h && samePoolWord((int) key - 1, word)) {
                return slot;
            }
        }
    }

    private boolean samePoolWord(int start, char[] chars, int offset, int length) {
        char[] p = pool;
        int stored = p[start];
        int from = start + 1;
        if (stored == LONG_LENGTH) {
            stored = (p[start + 1] << 16) | p[start + 2];
            from = start + 3;
        }
        if (stored != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {  // words are short: a plain loop beats Arrays.equals' set-up
            if (p[from + i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private boolean samePoolWord(int start, String word) {
        int length = lengthAt(pool, start);
        if (length != word.length()) {
            return false;
        }
        int from = charsStart(pool, start);
        for (int i = 0; i < length; i++) {
            if (pool[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int lengthAt(char[] pool, int start) {
        char prefix = pool[start];
        return prefix == LONG_LENGTH ? (pool[start + 1] << 16) | pool[start + 2] : prefix;
    }

    private static int charsStart(char[] pool, int start) {
        return pool[start] == LONG_LENGTH ? start + 3 : start + 1;
    }

    private void insert(int slot, int h, char[] chars, int offset, int length, long count) {
        int start = appendToPool(chars, offset, length);
        table[2 * slot] = ((long) h << 32) | (start + 1L);
        table[2 * slot + 1] = count;
        size++;
        tokens += count;
        if (size * 3L > table.length) {  // load above 2/3 (table.length = 2 * slots)
            rehash(table.length);  // twice the slots
        }
        if (size > maxEntries) {
            prune();
        }
    }

    /** Appends the length prefix and the chars; returns where the word starts. */
    private int appendToPool(char[] chars, int offset, int length) {
        int prefix = length < LONG_LENGTH ? 1 : 3;
        long end = (long) poolSize + prefix + length;
        if (end > pool.length) {
            long wanted = Math.max((long) pool.length * 2, end);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("vocabulary word pool exceeds 2^31 chars (" + size
                        + " distinct words); use a smaller maxEntries budget");
            }
            pool = Arrays.copyOf(pool, (int) wanted);
        }
        int start = poolSize;
        if (prefix == 1) {
            pool[start] = (char) length;
        } else {
            pool[start] = LONG_LENGTH;
            pool[start + 1] = (char) (length >>> 16);
            pool[start + 2] = (char) length;
        }
        System.arraycopy(chars, offset, pool, start + prefix, length);
        poolSize = (int) end;
        return start;
    }

    /** Re-inserts every word into a table of {@code slots} slots. */
    private void rehash(int slots) {
        long[] old = table;
        long[] t = new long[2 * slots];
        int mask = slots - 1;
        for (int s = 0; s < old.length; s += 2) {
            long key = old[s];
            if (key != 0) {
                int slot = Vocabulary.mix((int) (key >>> 32)) & mask;
                while (t[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                t[2 * slot] = key;
                t[2 * slot + 1] = old[s + 1];
            }
        }
        table = t;
    }

    /**
     * Drops words with count <= threshold, like ReduceVocab in word2vec.c, then raises the threshold.
     * The kept words move to a new pool and table (so memory briefly holds both).
     */
    private void prune() {
        pruneThreshold++;
        pruneRounds++;
        long[] old = table;
        char[] oldPool = pool;
        table = new long[old.length];
        pool = new char[Math.max(8192, poolSize)];
        poolSize = 0;
        size = 0;
        long keptTokens = 0;
        int mask = (table.length >> 1) - 1;
        for (int s = 0; s < old.length; s += 2) {
            long key = old[s];
            if (key == 0) {
                continue;
            }
            long count = old[s + 1];
            int start = (int) key - 1;
            if (count > pruneThreshold) {
                int h = (int) (key >>> 32);
                int slot = Vocabulary.mix(h) & mask;
                while (table[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                int newStart = appendToPool(oldPool, charsStart(oldPool, start), lengthAt(oldPool, start));
                table[2 * slot] = ((long) h << 32) | (newStart + 1L);
                table[2 * slot + 1] = count;
                size++;
                keptTokens += count;
            } else {
                prunedWords++;
                prunedTokens += count;
            }
        }
        assert keptTokens <= tokens;
    }

    /** Distinct words currently held. */
    public int size() {
        return size;
    }

    /** Tokens counted so far (including those of words later pruned). */
    public long tokens() {
        return tokens;
    }

    /** The budget: distinct words held before pruning. */
    public int maxEntries() {
        return maxEntries;
    }

    /** The current count of {@code word}, 0 when it is not held. */
    public long countOf(String word) {
        if (word.isEmpty()) {
            return 0;
        }
        int slot = find(word, word.hashCode());
        return slot < 0 ? 0 : table[2 * slot + 1];
    }

    /** What pruning dropped so far ({@link Vocabulary.Pruning#NONE} when it never ran). */
    public Vocabulary.Pruning pruning() {
        return new Vocabulary.Pruning(pruneRounds, prunedWords, prunedTokens, pruneThreshold);
    }

    /**
     * Builds the vocabulary: the words with count {@code >= minCount}, sorted by count descending then by
     * word ({@link String#compareTo}), the first {@code maxSize} of them. Ids are positions in that order.
     * The builder stays usable.
     *
     * @param minCount smallest count kept, {@code >= 1}
     * @param maxSize  most words kept (the most frequent), {@code >= 0}; {@link Integer#MAX_VALUE} for no limit
     * @throws IllegalArgumentException naming a bad argument
     */
    public Vocabulary build(long minCount, int maxSize) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must be >= 0, got " + maxSize);
        }
        // the words kept, as pool starts, with their counts
        int[] starts = new int[size];
        long[] kept = new long[size];
        int n = 0;
        for (int s = 0; s < table.length; s += 2) {
            long key = table[s];
            if (key != 0 && table[s + 1] >= minCount) {
                starts[n] = (int) key - 1;
                kept[n] = table[s + 1];
                n++;
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSort(order, starts, kept);
        int vocabSize = Math.min(n, maxSize);
        String[] words = new String[vocabSize];
        long[] wordCounts = new long[vocabSize];
        for (int id = 0; id < vocabSize; id++) {
            int i = order[id];
            words[id] = new String(pool, charsStart(pool, starts[i]), lengthAt(pool, starts[i]));
            wordCounts[id] = kept[i];
        }
        return new Vocabulary(words, wordCounts, pruning());
    }

    /** Builds with no minimum count and no size limit. */
    public Vocabulary build() {
        return build(1, Integer.MAX_VALUE);
    }

    /** count descending, then chars ascending (String.compareTo order). */
    private int compare(int a, int b, int[] starts, long[] counts) {
        int byCount = Long.compare(counts[b], counts[a]);
        if (byCount != 0) {
            return byCount;
        }
        int fromA = charsStart(pool, starts[a]);
        int fromB = charsStart(pool, starts[b]);
        return Arrays.compare(pool, fromA, fromA + lengthAt(pool, starts[a]), pool, fromB, fromB + lengthAt(pool, starts[b]));
    }

    /** Stable bottom-up merge sort of indices by {@link #compare}. */
    private void mergeSort(int[] a, int[] starts, long[] counts) {
        int[] tmp = new int[a.length];
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, a.length);
                if (compare(a[mid - 1], a[mid], starts, counts) <= 0) {
                    continue;  // already in order
                }
                System.arraycopy(a, lo, tmp, lo, hi - lo);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    if (j >= hi || (i < mid && compare(tmp[i], tmp[j], starts, counts) <= 0)) {
                        a[k] = tmp[i++];
                    } else {
                        a[k] = tmp[j++];
                    }
                }
            }
        }
    }
}
