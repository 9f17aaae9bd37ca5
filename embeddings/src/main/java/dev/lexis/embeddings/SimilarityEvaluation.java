package dev.lexis.embeddings;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Word-pair similarity (e.g. WordSim-353, Finkelstein et al. 2002): the Spearman rank correlation between
 * human scores and the cosine similarities of the vectors (Apache Commons Math), as gensim's
 * {@code evaluate_word_pairs(case_insensitive=True)} computes it. Lines are {@code word1 TAB word2 TAB score}
 * (spaces also separate); lines starting with {@code #} are comments. Pairs with a word outside the vocabulary
 * (the {@code restrict} most frequent words) are skipped and counted.
 */
public final class SimilarityEvaluation {

    /**
     * The result.
     *
     * @param spearman Spearman's rho over the pairs in vocabulary (NaN when fewer than 2)
     * @param pearson  Pearson's r over the same pairs
     * @param pairs    pairs scored (both words known)
     * @param oov      pairs skipped as out of vocabulary
     */
    public record Result(double spearman, double pearson, int pairs, int oov) {

        /** @return {@code spearman=0.6312 pairs=327 oov=26} */
        public String summary() {
            return String.format(Locale.ROOT, "spearman=%.4f pairs=%d oov=%d", spearman, pairs, oov);
        }
    }

    private SimilarityEvaluation() {
    }

    /**
     * @param vectors  the vectors
     * @param pairs    the word-pair file
     * @param restrict use only this many most frequent words
     * @return the correlations and counts
     * @throws IOException if the file cannot be read or a line is malformed (file and line named)
     */
    public static Result evaluate(WordVectors vectors, Path pairs, int restrict) throws IOException {
        WordVectors v = vectors.restrict(restrict);
        Map<String, String> upper = new HashMap<>();
        for (int i = v.size() - 1; i >= 0; i--) {
            upper.put(v.word(i).toUpperCase(Locale.ROOT), v.word(i));
        }
        List<double[]> scored = new ArrayList<>();
        int oov = 0;
        try (BufferedReader r = Files.newBufferedReader(pairs, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.strip().split(line.indexOf('\t') >= 0 ? "\t" : "\\s+");
                if (f.length < 3) {
                    throw new IOException(pairs + ":" + lineNo + ": expected word1, word2 and a score, found \""
                            + line + "\"");
                }
                double human;
                try {
                    human = Double.parseDouble(f[2].strip());
                } catch (NumberFormatException e) {
                    throw new IOException(pairs + ":" + lineNo + ": score is not a number: \"" + f[2] + "\"", e);
                }
                String a = upper.get(f[0].strip().toUpperCase(Locale.ROOT));
                String b = upper.get(f[1].strip().toUpperCase(Locale.ROOT));
                if (a == null || b == null) {
                    oov++;
                    continue;
                }
                scored.add(new double[] {human, v.similarity(a, b)});
            }
        }
        double[] h = scored.stream().mapToDouble(x -> x[0]).toArray();
        double[] m = scored.stream().mapToDouble(x -> x[1]).toArray();
        double rho = h.length < 2 ? Double.NaN : new SpearmansCorrelation().correlation(h, m);
        double r = h.length < 2 ? Double.NaN : new PearsonsCorrelation().correlation(h, m);
        return new Result(rho, r, h.length, oov);
    }
}
