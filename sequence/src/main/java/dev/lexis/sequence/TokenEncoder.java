package dev.lexis.sequence;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps tokens to the ids a tagger embeds: the word (id 0 is {@code <unk>}), optionally its letter-case shape and its
 * last three letters (id 0 is an unknown suffix), and optionally its hashed character n-grams. Immutable and thread-safe.
 */
final class TokenEncoder {
    static final String UNKNOWN = "<unk>";
    static final int CASE_SHAPES = 5;
    static final int SUFFIX_LENGTH = 3;
    static final int MIN_NGRAM = 2;
    static final int MAX_NGRAM = 4;

    private final List<String> words;
    private final Map<String, Integer> wordIds;
    private final List<String> suffixes;
    private final Map<String, Integer> suffixIds;
    private final boolean lowercase;
    private final int subwordBuckets;
    private final List<String> columnValues;
    private final Map<String, Integer> columnIds;

    /**
     * @param subwordBuckets hash buckets of the character n-grams, 0 when the tagger uses none
     * @param columnValues   the values of the extra input column ({@code <unk>} first), empty when there is none
     */
    TokenEncoder(List<String> words, List<String> suffixes, boolean lowercase, int subwordBuckets,
                 List<String> columnValues) {
        if (words.isEmpty() || !words.get(0).equals(UNKNOWN)) {
            throw new IllegalArgumentException("the word list must start with " + UNKNOWN);
        }
        this.words = List.copyOf(words);
        this.wordIds = index(words);
        this.suffixes = List.copyOf(suffixes);
        this.suffixIds = index(suffixes);
        this.lowercase = lowercase;
        this.subwordBuckets = subwordBuckets;
        this.columnValues = List.copyOf(columnValues);
        this.columnIds = index(columnValues);
    }

    /** The n-gram buckets of a token, or null when the tagger uses no character n-grams. */
    int[] subwords(String token) {
        return subwordBuckets == 0 ? null : subwordBuckets(token, subwordBuckets);
    }

    private static Map<String, Integer> index(List<String> list) {
        Map<String, Integer> m = new HashMap<>(list.size() * 2);
        for (int i = 0; i < list.size(); i++) {
            m.putIfAbsent(list.get(i), i);
        }
        return Collections.unmodifiableMap(m);
    }

    List<String> words() {
        return words;
    }

    List<String> suffixes() {
        return suffixes;
    }

    List<String> columnValues() {
        return columnValues;
    }

    /** The id of a value of the extra input column (0 for a value never seen in training). */
    int columnId(String value) {
        Integer id = columnIds.get(value);
        return id == null ? 0 : id;
    }

    boolean lowercase() {
        return lowercase;
    }

    int vocabularySize() {
        return words.size();
    }

    /** The form a word is looked up by. */
    String key(String token) {
        return lowercase ? token.toLowerCase(Locale.ROOT) : token;
    }

    boolean knows(String token) {
        return wordIds.containsKey(key(token));
    }

    int wordId(String token) {
        Integer id = wordIds.get(key(token));
        return id == null ? 0 : id;
    }

    int suffixId(String token) {
        Integer id = suffixIds.get(suffix(token));
        return id == null ? 0 : id;
    }

    static String suffix(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.length() <= SUFFIX_LENGTH ? lower : lower.substring(lower.length() - SUFFIX_LENGTH);
    }

    /**
     * The hash buckets of a token's character n-grams, n = {@value #MIN_NGRAM} to {@value #MAX_NGRAM}, of the
     * lower-cased token framed as {@code <token>} (fastText's subwords, Bojanowski et al. 2017): 32-bit FNV-1a
     * over the n-gram's chars, modulo {@code buckets}. A one-letter token "a" gives "<a", "a>" and "<a>".
     *
     * @return one bucket per n-gram (repeats kept), never empty
     */
    static int[] subwordBuckets(String token, int buckets) {
        String framed = "<" + token.toLowerCase(Locale.ROOT) + ">";
        int len = framed.length();
        int count = 0;
        for (int n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
            count += Math.max(0, len - n + 1);
        }
        int[] ids = new int[count];
        int k = 0;
        for (int n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
            for (int start = 0; start + n <= len; start++) {
                int h = 0x811c9dc5;
                for (int i = start; i < start + n; i++) {
                    h = (h ^ framed.charAt(i)) * 0x01000193;
                }
                ids[k++] = Integer.remainderUnsigned(h, buckets);
            }
        }
        return ids;
    }

    /** 0 no upper-case letter, 1 capitalised, 2 all upper case, 3 has a digit, 4 other mixed case. */
    static int caseShape(String token) {
        boolean digit = false;
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            }
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        if (digit) {
            return 3;
        }
        if (upper == 0) {
            return 0;
        }
        if (upper == letters && letters > 1) {
            return 2;
        }
        if (upper == 1 && Character.isUpperCase(token.charAt(0))) {
            return 1;
        }
        return 4;
    }
}
