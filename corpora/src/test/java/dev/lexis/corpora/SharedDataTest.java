package dev.lexis.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads the real data sets in the shared data folder (system property {@code lexis.shared.data}, default
 * {@code ../shared/data}) and checks the exact counts stated in their README.txt files. Skips, with a message,
 * when a data set is absent.
 */
class SharedDataTest {
    private static Path data(String relative) {
        Path root = Path.of(System.getProperty("lexis.shared.data", "../shared/data"));
        Path path = root.resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "shared data absent, skipping: " + path.toAbsolutePath()
                + " (set -Dlexis.shared.data=DIR)");
        return path;
    }

    /** Whitespace-separated tokens, as {@code wc -w} counts them in the READMEs. */
    static int countTokens(String line) {
        int tokens = 0;
        boolean inToken = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
            if (!space && !inToken) {
                tokens++;
            }
            inToken = !space;
        }
        return tokens;
    }

    private static long[] linesAndTokens(TextCorpus corpus) {
        long[] counts = new long[2];
        corpus.forEachLine((line, at) -> {
            counts[0]++;
            counts[1] += countTokens(line);
        });
        return counts;
    }

    @Test
    void mrHasTenThousandSixHundredSixtyTwoBalancedRows() {
        LabelledDataset mr = LabelledCsv.of(data("mr/mr.csv")).readAll();
        assertEquals(10_662, mr.size());
        assertEquals(Map.of("neg", 5_331, "pos", 5_331), mr.labelCounts());
        assertEquals(List.of("label", "text"), mr.summary().header());
        assertEquals(0, mr.summary().emptyTexts());
        List<Fold<LabelledText>> folds = Splits.stratifiedKFold(mr.rows(), LabelledText::label, 10, 13);
        for (Fold<LabelledText> fold : folds) {
            assertTrue(fold.test().size() == 1_066 || fold.test().size() == 1_067);
        }
    }

    @Test
    void trecHasTheOfficialSplitAndLabelCounts() {
        LabelledDataset train = LabelledCsv.of(data("trec/train.csv")).readAll();
        assertEquals(5_452, train.size());
        assertEquals(Map.of("ABBR", 86, "DESC", 1_162, "ENTY", 1_250, "HUM", 1_223, "LOC", 835, "NUM", 896),
                train.labelCounts());
        LabelledDataset test = LabelledCsv.of(data("trec/test.csv")).readAll();
        assertEquals(500, test.size());
        assertEquals(Map.of("ABBR", 9, "DESC", 138, "ENTY", 94, "HUM", 65, "LOC", 81, "NUM", 113),
                test.labelCounts());
        LabelledDataset fine = LabelledCsv.of(data("trec/train_fine.csv")).readAll();
        assertEquals(5_452, fine.size());
        assertEquals(50, fine.labels().size());
        assertEquals(500, LabelledCsv.of(data("trec/test_fine.csv")).readAll().size());
        assertTrue(train.texts().stream().anyMatch(text -> text.contains("sisterðcity")));
    }

    @Test
    void conll2000HasTheStatedSentencesAndTokens() {
        Path train = data("conll2000/train.txt");
        ConllSummary summary = ConllCorpus.of(train).forEach(sentence -> {
            assertEquals(3, sentence.columnCount());
        });
        assertEquals(8_936, summary.sentences());
        assertEquals(211_727, summary.tokens());
        List<ConllSentence> test = ConllCorpus.of(data("conll2000/test.txt")).readAll();
        assertEquals(2_012, test.size());
        assertEquals(47_377, test.stream().mapToInt(ConllSentence::size).sum());
        Set<String> chunkTypes = new HashSet<>();
        for (ConllSentence sentence : test) {
            for (String tag : sentence.tags()) {
                chunkTypes.add(tag.equals("O") ? "O" : tag.substring(2));
            }
        }
        assertTrue(Set.of("NP", "VP", "PP", "ADVP", "ADJP", "SBAR", "PRT", "CONJP", "INTJ", "LST", "UCP", "O")
                .containsAll(chunkTypes), chunkTypes.toString());
        assertEquals("Rockwell", test.get(0).tokens()[0]);
    }

    @Test
    void brownLanguageModelSplitHasTheStatedSentencesAndTokens() {
        assertEquals(List.of(35_523L, 800_001L), List.of(box(linesAndTokens(TextCorpus.of(data("brown/train.txt"))))));
        assertEquals(List.of(11_690L, 200_021L), List.of(box(linesAndTokens(TextCorpus.of(data("brown/valid.txt"))))));
        assertEquals(List.of(10_127L, 161_170L), List.of(box(linesAndTokens(TextCorpus.of(data("brown/test.txt"))))));
    }

    @Test
    void brownTaggedGzipHasAllSentences() {
        long[] counts = new long[2];
        TextCorpus.of(data("brown/brown_tagged.txt.gz")).forEachLine((line, at) -> {
            counts[0]++;
            counts[1] += countTokens(line.substring(line.indexOf('\t', line.indexOf('\t') + 1) + 1));
        });
        assertEquals(57_340, counts[0]);
        assertEquals(1_161_192, counts[1]);
        Set<String> tags = new HashSet<>();
        ConllSummary summary = SlashTaggedCorpus.of(data("brown/brown_tagged.txt.gz"))
                .forEach(sentence -> tags.addAll(List.of(sentence.tags())));
        assertEquals(57_340, summary.sentences());
        assertEquals(1_161_192, summary.tokens());
        assertEquals(472, tags.size(), "distinct tag strings");
    }

    @Test
    void englishProseSampleHasTheStatedLinesAndTokensInAnyNumberOfShards() {
        Path file = data("english-prose-corpus/english_prose_1m.txt");
        TextCorpus corpus = TextCorpus.of(file);
        assertEquals(List.of(18_259L, 989_917L), List.of(box(linesAndTokens(corpus))));
        for (int n : new int[] {2, 3, 7}) {
            long lines = 0;
            long tokens = 0;
            for (TextCorpus shard : corpus.shards(n)) {
                long[] counts = linesAndTokens(shard);
                lines += counts[0];
                tokens += counts[1];
            }
            assertEquals(18_259, lines, n + " shards");
            assertEquals(989_917, tokens, n + " shards");
        }
        long[] pieces = new long[3];
        corpus.forEachLine((line, at) -> {
            String[] tokens = line.strip().split("[ \t]+");
            for (String[] piece : Sentences.split(tokens, Sentences.WORD2VEC_MAX_LENGTH)) {
                assertTrue(piece.length <= 1000);
                pieces[0]++;
                pieces[1] += piece.length;
            }
            pieces[2] += tokens.length > 1000 ? 1 : 0;
        });
        assertEquals(989_917, pieces[1]);
        assertEquals(7, pieces[2], "lines over 1,000 tokens in the 1M sample");
        assertTrue(pieces[0] > 18_259 + 7);
    }

    private static Long[] box(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
