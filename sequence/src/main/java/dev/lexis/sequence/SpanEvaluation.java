package dev.lexis.sequence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Token accuracy and chunk (span) precision, recall and F1 with the same numbers as the CoNLL shared tasks'
 * {@code conlleval} script: tags are {@code PREFIX-TYPE} (B, I, E, S, or O alone), chunks start and end by
 * conlleval's rules (so IOB1, IOB2/BIO and IOBES all work), a chunk counts as correct when the guessed chunk
 * starts and ends at the same tokens with the same type, and sentences are separated as by conlleval's blank
 * lines. Accuracy compares whole tag strings, as conlleval does. Immutable; build with {@link #builder()}.
 *
 * @param tokens         tokens counted
 * @param correctTags    tokens whose guessed tag equals the gold one
 * @param goldChunks     chunks in the gold tags
 * @param guessedChunks  chunks in the guessed tags
 * @param correctChunks  guessed chunks that match a gold chunk exactly
 * @param byType         the same chunk counts per chunk type, sorted by type
 */
public record SpanEvaluation(long tokens, long correctTags, long goldChunks, long guessedChunks, long correctChunks,
                             Map<String, ChunkCounts> byType) {

    /** Chunk counts of one type. */
    public record ChunkCounts(long gold, long guessed, long correct) {
        /** Precision in percent (0 when nothing was guessed). */
        public double precision() {
            return guessed == 0 ? 0 : 100.0 * correct / guessed;
        }

        /** Recall in percent (0 when there is no gold chunk). */
        public double recall() {
            return gold == 0 ? 0 : 100.0 * correct / gold;
        }

        /** F1 in percent (0 when precision + recall is 0). */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public SpanEvaluation {
        byType = Collections.unmodifiableMap(new TreeMap<>(byType));
    }

    /** Token accuracy in [0, 1] (0 for no tokens). */
    public double accuracy() {
        return tokens == 0 ? 0 : (double) correctTags / tokens;
    }

    /** Chunk precision in percent, as conlleval prints it. */
    public double precision() {
        return new ChunkCounts(goldChunks, guessedChunks, correctChunks).precision();
    }

    /** Chunk recall in percent. */
    public double recall() {
        return new ChunkCounts(goldChunks, guessedChunks, correctChunks).recall();
    }

    /** Chunk F1 (FB1) in percent. */
    public double f1() {
        return new ChunkCounts(goldChunks, guessedChunks, correctChunks).f1();
    }

    /** conlleval's summary lines: totals, then one line per chunk type. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.%n",
                tokens, goldChunks, guessedChunks, correctChunks));
        sb.append(String.format(Locale.ROOT, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f%n",
                100 * accuracy(), precision(), recall(), f1()));
        byType.forEach((type, c) -> sb.append(String.format(Locale.ROOT,
                "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d%n",
                type, c.precision(), c.recall(), c.f1(), c.guessed())));
        return sb.toString();
    }

    /** An empty accumulator. */
    public static Builder builder() {
        return new Builder();
    }

    /** Accumulates sentences (not thread-safe). */
    public static final class Builder {
        private long tokens;
        private long correctTags;
        private long gold;
        private long guessed;
        private long correct;
        private final Map<String, long[]> byType = new TreeMap<>();

        /**
         * Adds one sentence's gold and guessed tags.
         *
         * @throws IllegalArgumentException when the two differ in length
         */
        public Builder add(List<String> goldTags, List<String> guessedTags) {
            if (goldTags.size() != guessedTags.size()) {
                throw new IllegalArgumentException("gold and guessed tags differ in length: " + goldTags.size()
                        + " vs " + guessedTags.size());
            }
            String lastGold = "O";
            String lastGoldType = "";
            String lastGuess = "O";
            String lastGuessType = "";
            String inCorrectType = null;
            int n = goldTags.size();
            for (int i = 0; i <= n; i++) {
                // position n is conlleval's sentence boundary: both tags O
                String g = i < n ? goldTags.get(i) : "O";
                String p = i < n ? guessedTags.get(i) : "O";
                String gTag = prefix(g);
                String gType = type(g);
                String pTag = prefix(p);
                String pType = type(p);
                boolean goldEnds = endOfChunk(lastGold, gTag, lastGoldType, gType);
                boolean guessEnds = endOfChunk(lastGuess, pTag, lastGuessType, pType);
                if (inCorrectType != null) {
                    if (goldEnds && guessEnds && lastGuessType.equals(lastGoldType)) {
                        correct++;
                        counts(lastGoldType)[2]++;
                        inCorrectType = null;
                    } else if (goldEnds != guessEnds || !pType.equals(gType)) {
                        inCorrectType = null;
                    }
                }
                boolean goldStarts = startOfChunk(lastGold, gTag, lastGoldType, gType);
                boolean guessStarts = startOfChunk(lastGuess, pTag, lastGuessType, pType);
                if (goldStarts && guessStarts && pType.equals(gType)) {
                    inCorrectType = gType;
                }
                if (goldStarts) {
                    gold++;
                    counts(gType)[0]++;
                }
                if (guessStarts) {
                    guessed++;
                    counts(pType)[1]++;
                }
                if (i < n) {
                    tokens++;
                    if (g.equals(p)) {
                        correctTags++;
                    }
                }
                lastGold = gTag;
                lastGoldType = gType;
                lastGuess = pTag;
                lastGuessType = pType;
            }
            return this;
        }

        private long[] counts(String type) {
            return byType.computeIfAbsent(type, k -> new long[3]);
        }

        public SpanEvaluation build() {
            Map<String, ChunkCounts> types = new TreeMap<>();
            byType.forEach((k, v) -> types.put(k, new ChunkCounts(v[0], v[1], v[2])));
            return new SpanEvaluation(tokens, correctTags, gold, guessed, correct, types);
        }
    }

    /** The part before the first '-' (the whole tag when there is none), as conlleval's /^([^-]*)-(.*)$/. */
    static String prefix(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    static String type(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? "" : tag.substring(dash + 1);
    }

    // conlleval's endOfChunk and startOfChunk, rule for rule ('[' and ']' are the bracket notation)
    static boolean endOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean end = false;
        if (prevTag.equals("B") && tag.equals("B")) end = true;
        if (prevTag.equals("B") && tag.equals("O")) end = true;
        if (prevTag.equals("I") && tag.equals("B")) end = true;
        if (prevTag.equals("I") && tag.equals("O")) end = true;
        if (prevTag.equals("E") && tag.equals("E")) end = true;
        if (prevTag.equals("E") && tag.equals("I")) end = true;
        if (prevTag.equals("E") && tag.equals("O")) end = true;
        if (prevTag.equals("I") && tag.equals("O")) end = true;
        if (!prevTag.equals("O") && !prevTag.equals(".") && !prevType.equals(type)) end = true;
        if (prevTag.equals("]")) end = true;
        if (prevTag.equals("[")) end = true;
        if (prevTag.equals("S")) end = true;
        if (prevTag.equals("E") && tag.equals("B")) end = true;
        if (prevTag.equals("E") && tag.equals("S")) end = true;
        if (prevTag.equals("B") && tag.equals("S")) end = true;
        if (prevTag.equals("I") && tag.equals("S")) end = true;
        return end;
    }

    static boolean startOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean start = false;
        if (prevTag.equals("B") && tag.equals("B")) start = true;
        if (prevTag.equals("I") && tag.equals("B")) start = true;
        if (prevTag.equals("O") && tag.equals("B")) start = true;
        if (prevTag.equals("O") && tag.equals("I")) start = true;
        if (prevTag.equals("E") && tag.equals("E")) start = true;
        if (prevTag.equals("E") && tag.equals("I")) start = true;
        if (prevTag.equals("O") && tag.equals("E")) start = true;
        if (prevTag.equals("O") && tag.equals("I")) start = true;
        if (!tag.equals("O") && !tag.equals(".") && !prevType.equals(type)) start = true;
        if (tag.equals("[")) start = true;
        if (tag.equals("]")) start = true;
        if (tag.equals("S")) start = true;
        if (prevTag.equals("E") && tag.equals("B")) start = true;
        if (prevTag.equals("S") && tag.equals("B")) start = true;
        if (prevTag.equals("S") && tag.equals("I")) start = true;
        if (prevTag.equals("S") && tag.equals("E")) start = true;
        if (prevTag.equals("S") && tag.equals("S")) start = true;
        if (prevTag.equals("E") && tag.equals("S")) start = true;
        return start;
    }

    /** Whether these tags look like chunk tags (some tag is B-, I-, E- or S- something). */
    public static boolean looksLikeChunkTags(List<String> tags) {
        List<String> prefixes = new ArrayList<>(List.of("B-", "I-", "E-", "S-"));
        for (String t : tags) {
            for (String p : prefixes) {
                if (t.startsWith(p) && t.length() > 2) {
                    return true;
                }
            }
        }
        return false;
    }
}
