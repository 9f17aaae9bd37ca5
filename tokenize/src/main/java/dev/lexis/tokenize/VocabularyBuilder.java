package dev.lexis.tokenize;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts words from token streams and builds a {@link Vocabulary}. Counting keeps the words in one flat
 * open-addressing table over a shared {@code char[]} pool, so it allocates nothing for words it has seen;
 * it needs about 36 bytes per distinct word plus 2 bytes per char (52 bytes for 8-char words, measured),
 * up to twice that just after its arrays grow.
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

    /** Default budget: 5 million distinct words (about 250 to 500 MB with 8-char words). */
    public static final int DEFAULT_MAX_ENTRIES = 5_000_000;

    private final int maxEntries;

    // entry e: chars pool[offsets[e] .. offsets[e + 1]), count counts[e], String-compatible hash hashes[e]
    private int size;
    private int[] hashes = new int[1024];
    private int[] offsets = new int[1025];
    private long[] counts = new long[1024];
    private char[] pool = new char[8192];
    // slot: (hash << 32) | (entry + 1), or 0 when free; length is a power of two. The hash beside the entry
    // lets a probe reject a mismatch without touching the entry arrays (one cache miss per token, not three).
    private long[] slots = new long[2048];
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
        int mask = slots.length - 1;
        for (int slot = Vocabulary.mix(h) & mask; ; slot = (slot + 1) & mask) {
            long v = slots[slot];
            if (v == 0) {
                insert(slot, h, chars, offset, length, 1);
                return;
            }
            int e = (int) v - 1;
            if ((int) (v >>> 32) == h && equalsPool(e, chars, offset, length)) {
                counts[e]++;
                tokens++;
                return;
            }
        }
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
        int h = token.hashCode();
        int mask = slots.length - 1;
        for (int slot = Vocabulary.mix(h) & mask; ; slot = (slot + 1) & mask) {
            long v = slots[slot];
            if (v == 0) {
                char[] chars = token.toCharArray();
                insert(slot, h, chars, 0, chars.length, count);
                return this;
            }
            int e = (int) v - 1;
            if ((int) (v >>> 32) == h && equalsPool(e, token)) {
                counts[e] += count;
                tokens += count;
                return this;
            }
        }
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
        for (int e = 0; e < other.size; e++) {
            addSlice(other.pool, other.offsets[e], other.offsets[e + 1] - other.offsets[e], other.hashes[e], other.counts[e]);
        }
        pruneRounds += other.pruneRounds;
        prunedWords += other.prunedWords;
        prunedTokens += other.prunedTokens;
        pruneThreshold = Math.max(pruneThreshold, other.pruneThreshold);
        return this;
    }

    private void addSlice(char[] chars, int offset, int length, int h, long count) {
        int mask = slots.length - 1;
        for (int slot = Vocabulary.mix(h) & mask; ; slot = (slot + 1) & mask) {
            long v = slots[slot];
            if (v == 0) {
                insert(slot, h, chars, offset, length, count);
                return;
            }
            int e = (int) v - 1;
            if ((int) (v >>> 32) == h && equalsPool(e, chars, offset, length)) {
                counts[e] += count;
                tokens += count;
                return;
            }
        }
    }

    private void insert(int slot, int h, char[] chars, int offset, int length, long count) {
        if (size == counts.length) {
            int capacity = Math.multiplyExact(size, 2);
            hashes = Arrays.copyOf(hashes, capacity);
            counts = Arrays.copyOf(counts, capacity);
            offsets = Arrays.copyOf(offsets, capacity + 1);
        }
        int start = offsets[size];
        if (start + length > pool.length || start + length < 0) {
            long wanted = Math.max((long) pool.length * 2, (long) start + length);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("vocabulary word pool exceeds 2^31 chars (" + size
                        + " distinct words); use a smaller maxEntries budget");
            }
            pool = Arrays.copyOf(pool, (int) wanted);
        }
        System.arraycopy(chars, offset, pool, start, length);
        hashes[size] = h;
        counts[size] = count;
        offsets[size + 1] = start + length;
        slots[slot] = slotValue(h, size);
        size++;
        tokens += count;
        if (size * 2L > slots.length) {
            rehash(slots.length * 2);
        }
        if (size > maxEntries) {
            prune();
        }
    }

    /** Drops words with count <= threshold, like ReduceVocab in word2vec.c; then raises the threshold. */
    private void prune() {
        pruneThreshold++;
        pruneRounds++;
        int kept = 0;
        int write = 0;
        for (int e = 0; e < size; e++) {
            int start = offsets[e];
            int length = offsets[e + 1] - start;
            if (counts[e] > pruneThreshold) {
                System.arraycopy(pool, start, pool, write, length);  // write <= start: moves down only
                hashes[kept] = hashes[e];
                counts[kept] = counts[e];
                offsets[kept] = write;
                write += length;
                kept++;
            } else {
                prunedWords++;
                prunedTokens += counts[e];
            }
        }
        offsets[kept] = write;
        size = kept;
        rehash(slots.length);
    }

    private void rehash(int capacity) {
        slots = new long[capacity];
        int mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int slot = Vocabulary.mix(hashes[e]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = slotValue(hashes[e], e);
        }
    }

    private static long slotValue(int hash, int entry) {
        return ((long) hash << 32) | (entry + 1L);
    }

    private boolean equalsPool(int e, char[] chars, int offset, int length) {
        int start = offsets[e];
        if (offsets[e + 1] - start != length) {
            return false;
        }
        char[] p = pool;
        for (int i = 0; i < length; i++) {  // words are short: a plain loop beats Arrays.equals' set-up
            if (p[start + i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsPool(int e, String token) {
        int start = offsets[e];
        int length = token.length();
        if (offsets[e + 1] - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (pool[start + i] != token.charAt(i)) {
                return false;
            }
        }
        return true;
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
        int h = word.hashCode();
        int mask = slots.length - 1;
        for (int slot = Vocabulary.mix(h) & mask; ; slot = (slot + 1) & mask) {
            long v = slots[slot];
            if (v == 0) {
                return 0;
            }
            int e = (int) v - 1;
            if ((int) (v >>> 32) == h && equalsPool(e, word)) {
                return counts[e];
            }
        }
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
        int[] order = new int[size];
        int n = 0;
        for (int e = 0; e < size; e++) {
            if (counts[e] >= minCount) {
                order[n++] = e;
            }
        }
        order = Arrays.copyOf(order, n);
        mergeSort(order);
        int kept = Math.min(n, maxSize);
        String[] words = new String[kept];
        long[] wordCounts = new long[kept];
        for (int id = 0; id < kept; id++) {
            int e = order[id];
            words[id] = new String(pool, offsets[e], offsets[e + 1] - offsets[e]);
            wordCounts[id] = counts[e];
        }
        return new Vocabulary(words, wordCounts, pruning());
    }

    /** Builds with no minimum count and no size limit. */
    public Vocabulary build() {
        return build(1, Integer.MAX_VALUE);
    }

    /** count descending, then chars ascending (String.compareTo order). */
    private int compare(int a, int b) {
        int byCount = Long.compare(counts[b], counts[a]);
        if (byCount != 0) {
            return byCount;
        }
        return Arrays.compare(pool, offsets[a], offsets[a + 1], pool, offsets[b], offsets[b + 1]);
    }

    private void mergeSort(int[] a) {
        int[] tmp = new int[a.length];
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, a.length);
                if (compare(a[mid - 1], a[mid]) <= 0) {
                    continue;  // already in order
                }
                System.arraycopy(a, lo, tmp, lo, hi - lo);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    if (j >= hi || (i < mid && compare(tmp[i], tmp[j]) <= 0)) {
                        a[k] = tmp[i++];
                    } else {
                        a[k] = tmp[j++];
                    }
                }
            }
        }
    }
}
