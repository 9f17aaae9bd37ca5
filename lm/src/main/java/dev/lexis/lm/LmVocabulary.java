package dev.lexis.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The vocabulary shared by every language model in this package: word ids, the sentence-boundary token and
 * the unknown-word token, and how text becomes ids.
 *
 * <p><b>Text.</b> Input files are already tokenized: one sentence per line, tokens separated by whitespace
 * (as the Brown files in {@code shared/data/brown}). Blank lines are skipped. Every sentence is followed by
 * the boundary token {@value #EOS}, and a file is one stream: the context of a sentence's first words is the
 * end of the previous sentence, and the first context of a file is {@value #EOS} padding (the convention of
 * Mikolov's RNNLM and of the PyTorch peer {@code nnlm_torch.py}).
 *
 * <p><b>Unknown words.</b> Id {@value #EOS_ID} is {@value #EOS} and id {@value #UNK_ID} is {@value #UNK}; the
 * other ids are the training words kept by {@code minCount} (words seen at least that often; Bengio et al.
 * 2003 merged words seen 3 times or fewer into one symbol, i.e. {@code minCount = 4}) and {@code maxSize}, in
 * decreasing count (ties by word). Every other word, in training and in evaluation, becomes {@value #UNK}, a
 * word like any other: the models learn its probability from the rare training words, and perplexity
 * counts it. So both the NNLM and the Kneser-Ney baseline predict exactly the same {@code size()} symbols
 * and their perplexities compare like with like (but only at equal vocabularies). A literal {@value #UNK}
 * in the text is the unknown word too.
 *
 * <p>Immutable and thread-safe.
 */
public final class LmVocabulary {
    /** The sentence-boundary token, appended to every line. */
    public static final String EOS = "</s>";
    /** The unknown-word token. */
    public static final String UNK = "<unk>";
    /** Id of {@link #EOS}. */
    public static final int EOS_ID = 0;
    /** Id of {@link #UNK}. */
    public static final int UNK_ID = 1;

    private final List<String> words;
    private final long[] counts;
    private final Map<String, Integer> ids;

    private LmVocabulary(List<String> words, long[] counts) {
        this.words = Collections.unmodifiableList(new ArrayList<>(words));
        this.counts = counts.clone();
        this.ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            if (ids.put(words.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate vocabulary word \"" + words.get(i) + "\" at id " + i);
            }
        }
    }

    /**
     * A vocabulary from words in id order with their training counts (e.g. read back from a model file).
     *
     * @throws IllegalArgumentException if word 0 is not {@value #EOS}, word 1 not {@value #UNK}, a word repeats
     *                                  or the lengths differ
     */
    public static LmVocabulary of(List<String> words, long[] counts) {
        if (words.size() != counts.length) {
            throw new IllegalArgumentException("vocabulary has " + words.size() + " words but " + counts.length + " counts");
        }
        if (words.size() < 2 || !EOS.equals(words.get(EOS_ID)) || !UNK.equals(words.get(UNK_ID))) {
            throw new IllegalArgumentException("a language-model vocabulary starts with " + EOS + " and " + UNK
                    + ", got " + words.subList(0, Math.min(2, words.size())));
        }
        return new LmVocabulary(words, counts);
    }

    /**
     * Counts the tokens of a training file and keeps the words seen at least {@code minCount} times, at most
     * {@code maxSize} words in all (0 = no limit; {@value #EOS} and {@value #UNK} included).
     *
     * @throws IllegalArgumentException if the file has no tokens ("FILE: no tokens; the training file is
     *                                  empty") or minCount &lt; 1 or maxSize is 1 or 2
     * @throws UncheckedIOException     if the file cannot be read (naming the file)
     */
    public static LmVocabulary build(Path trainFile, int minCount, int maxSize) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        if (maxSize < 0 || maxSize == 1 || maxSize == 2) {
            throw new IllegalArgumentException("maxSize must be 0 (no limit) or >= 3, got " + maxSize);
        }
        Map<String, long[]> counted = new HashMap<>();
        long[] sentences = {0};
        long[] unknown = {0};
        forEachLine(trainFile, tokens -> {
            sentences[0]++;
            for (String t : tokens) {
                if (UNK.equals(t)) {
                    unknown[0]++;
                } else if (!EOS.equals(t)) {
                    counted.computeIfAbsent(t, k -> new long[1])[0]++;
                }
            }
        });
        if (sentences[0] == 0) {
            throw new IllegalArgumentException(trainFile + ": no tokens; the training file is empty");
        }
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counted.entrySet());
        entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        List<String> words = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        words.add(EOS);
        kept.add(sentences[0]);
        words.add(UNK);
        kept.add(0L);
        long unk = unknown[0];
        for (Map.Entry<String, long[]> e : entries) {
            long c = e.getValue()[0];
            if (c >= minCount && (maxSize == 0 || words.size() < maxSize)) {
                words.add(e.getKey());
                kept.add(c);
            } else {
                unk += c;
            }
        }
        kept.set(UNK_ID, unk);
        long[] counts = new long[kept.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = kept.get(i);
        }
        return new LmVocabulary(words, counts);
    }

    /** The number of symbols the models predict, {@value #EOS} and {@value #UNK} included. */
    public int size() {
        return words.size();
    }

    /** Words in id order (unmodifiable). */
    public List<String> words() {
        return words;
    }

    /** Training counts in id order (a copy); the count of {@value #UNK} sums the merged rare words. */
    public long[] counts() {
        return counts.clone();
    }

    /** The word with this id. @throws IllegalArgumentException if out of range */
    public String word(int id) {
        if (id < 0 || id >= words.size()) {
            throw new IllegalArgumentException("word id " + id + " out of range [0, " + words.size() + ")");
        }
        return words.get(id);
    }

    /** The id of a vocabulary word, empty for an unknown word. */
    public OptionalInt find(String word) {
        Integer id = ids.get(word);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The id of {@code word}, or {@link #UNK_ID} when it is not in the vocabulary. */
    public int idOrUnk(String word) {
        Integer id = ids.get(word);
        return id == null ? UNK_ID : id;
    }

    /** Splits a line on whitespace; an empty array for a blank line. */
    public static String[] tokens(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    /**
     * Encodes a file as one stream of ids: each non-blank line's tokens, then {@value #EOS}.
     *
     * @throws UncheckedIOException if the file cannot be read (naming the file)
     */
    public EncodedText encode(Path file) {
        int[][] buffer = {new int[1 << 16]};
        int[] n = {0};
        long[] oov = {0};
        forEachLine(file, tokens -> {
            if (n[0] + tokens.length + 1 > buffer[0].length) {
                buffer[0] = Arrays.copyOf(buffer[0], Math.max(buffer[0].length * 2, n[0] + tokens.length + 1));
            }
            for (String t : tokens) {
                int id = idOrUnk(t);
                if (id == UNK_ID) {
                    oov[0]++;
                }
                buffer[0][n[0]++] = id;
            }
            buffer[0][n[0]++] = EOS_ID;
        });
        return new EncodedText(file.toString(), Arrays.copyOf(buffer[0], n[0]), oov[0]);
    }

    /** Encodes one sentence (whitespace tokens), followed by {@value #EOS} if {@code withEos}. */
    public EncodedText encodeSentence(String sentence, boolean withEos) {
        String[] tokens = tokens(sentence);
        int[] ids = new int[tokens.length + (withEos ? 1 : 0)];
        long oov = 0;
        for (int i = 0; i < tokens.length; i++) {
            ids[i] = idOrUnk(tokens[i]);
            if (ids[i] == UNK_ID) {
                oov++;
            }
        }
        if (withEos) {
            ids[tokens.length] = EOS_ID;
        }
        return new EncodedText("(sentence)", ids, oov);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LmVocabulary v && v.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "LmVocabulary[" + words.size() + " words]";
    }

    interface LineTokens {
        void accept(String[] tokens);
    }

    static void forEachLine(Path file, LineTokens consumer) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] tokens = tokens(line);
                if (tokens.length > 0) {
                    consumer.accept(tokens);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
