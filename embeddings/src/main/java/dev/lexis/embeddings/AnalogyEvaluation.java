package dev.lexis.embeddings;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Word-analogy accuracy on a file in the questions-words format of Mikolov et al. 2013 ({@code : section}
 * lines, then {@code A B C D} per question: A is to B as C is to D), as the C tool's {@code compute-accuracy}
 * and gensim's {@code evaluate_word_analogies(restrict_vocab, case_insensitive=True)} compute it: only the
 * {@code restrict} most frequent words are used (30,000 by default); a question with a word outside them is
 * skipped (not counted wrong); the answer is the nearest word to {@code unit(B) - unit(A) + unit(C)} by
 * cosine (3CosAdd) among them, other than A, B and C; words are compared case-insensitively (the most frequent
 * casing of a word stands for it). Sections whose name starts with {@code gram} are syntactic, the others
 * semantic.
 */
public final class AnalogyEvaluation {

    /** The C tool's default vocabulary threshold. */
    public static final int DEFAULT_RESTRICT = 30_000;

    /**
     * One section's result.
     *
     * @param name    the section name (without the colon)
     * @param correct questions answered correctly
     * @param seen    questions with all four words in the restricted vocabulary
     * @param total   questions in the section
     */
    public record Section(String name, int correct, int seen, int total) {

        /** @return correct / seen (0 when none seen) */
        public double accuracy() {
            return seen == 0 ? 0 : correct / (double) seen;
        }

        /** @return true for a syntactic section (name starts with "gram") */
        public boolean syntactic() {
            return name.startsWith("gram");
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: acc=%.4f correct=%d seen=%d/%d", name, accuracy(), correct, seen,
                    total);
        }
    }

    /**
     * The whole result.
     *
     * @param sections per section, in file order
     */
    public record Result(List<Section> sections) {

        /** @return all correct answers */
        public int correct() {
            return sections.stream().mapToInt(Section::correct).sum();
        }

        /** @return all questions seen */
        public int seen() {
            return sections.stream().mapToInt(Section::seen).sum();
        }

        /** @return all questions */
        public int total() {
            return sections.stream().mapToInt(Section::total).sum();
        }

        /** @return overall accuracy over the questions seen */
        public double accuracy() {
            return seen() == 0 ? 0 : correct() / (double) seen();
        }

        /** @return accuracy over the semantic sections' questions seen */
        public double semanticAccuracy() {
            int c = 0;
            int s = 0;
            for (Section x : sections) {
                if (!x.syntactic()) {
                    c += x.correct();
                    s += x.seen();
                }
            }
            return s == 0 ? 0 : c / (double) s;
        }

        /** @return accuracy over the syntactic sections' questions seen */
        public double syntacticAccuracy() {
            int c = 0;
            int s = 0;
            for (Section x : sections) {
                if (x.syntactic()) {
                    c += x.correct();
                    s += x.seen();
                }
            }
            return s == 0 ? 0 : c / (double) s;
        }

        /** @return the summary line {@code analogy_acc=0.4123 sem=0.3012 syn=0.5011 seen=11443/19544} */
        public String summary() {
            return String.format(Locale.ROOT, "analogy_acc=%.4f sem=%.4f syn=%.4f seen=%d/%d", accuracy(),
                    semanticAccuracy(), syntacticAccuracy(), seen(), total());
        }
    }

    private AnalogyEvaluation() {
    }

    /**
     * Evaluates vectors on a questions file.
     *
     * @param vectors   the vectors (most frequent words first)
     * @param questions the questions file
     * @param restrict  use only this many most frequent words ({@code >= 1})
     * @return per-section and total accuracy
     * @throws IOException if the file cannot be read, or a question line does not have 4 words (file and line
     *                     named)
     */
    public static Result evaluate(WordVectors vectors, Path questions, int restrict) throws IOException {
        WordVectors v = vectors.restrict(restrict);
        int n = v.size();
        Map<String, Integer> upper = new HashMap<>();
        for (int i = n - 1; i >= 0; i--) {
            upper.put(v.word(i).toUpperCase(Locale.ROOT), i); // the most frequent casing wins
        }
        List<String> names = new ArrayList<>();
        List<int[]> totals = new ArrayList<>();
        List<int[]> qs = new ArrayList<>(); // a, b, c, d, section
        try (BufferedReader r = Files.newBufferedReader(questions, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith(":")) {
                    names.add(line.substring(1).strip());
                    totals.add(new int[1]);
                    continue;
                }
                String[] w = line.split("\\s+");
                if (w.length != 4) {
                    throw new IOException(questions + ":" + lineNo + ": expected 4 words (A B C D), found "
                            + w.length);
                }
                if (names.isEmpty()) {
                    names.add("(no section)");
                    totals.add(new int[1]);
                }
                int sec = names.size() - 1;
                totals.get(sec)[0]++;
                int[] q = new int[5];
                boolean ok = true;
                for (int k = 0; k < 4; k++) {
                    Integer id = upper.get(w[k].toUpperCase(Locale.ROOT));
                    if (id == null) {
                        ok = false;
                        break;
                    }
                    q[k] = id;
                }
                if (ok) {
                    q[4] = sec;
                    qs.add(q);
                }
            }
        }
        boolean[] right = answer(v, qs);
        int[] correct = new int[names.size()];
        int[] seen = new int[names.size()];
        for (int i = 0; i < qs.size(); i++) {
            int sec = qs.get(i)[4];
            seen[sec]++;
            if (right[i]) {
                correct[sec]++;
            }
        }
        List<Section> out = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            out.add(new Section(names.get(s), correct[s], seen[s], totals.get(s)[0]));
        }
        return new Result(out);
    }

    /** Answers the questions in blocks that share each matrix row (4 queries per row load). */
    private static boolean[] answer(WordVectors v, List<int[]> qs) {
        int n = v.size();
        int dim = v.dimension();
        int stride = (dim + VecMath.LANES - 1) / VecMath.LANES * VecMath.LANES;
        float[] units = new float[n * stride];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v.unit(i), 0, units, i * stride, dim);
        }
        String[] upperWords = new String[n];
        for (int i = 0; i < n; i++) {
            upperWords[i] = v.word(i).toUpperCase(Locale.ROOT);
        }
        boolean[] right = new boolean[qs.size()];
        int block = 64;
        int blocks = (qs.size() + block - 1) / block;
        IntStream.range(0, blocks).parallel().forEach(bi -> {
            int from = bi * block;
            int to = Math.min(qs.size(), from + block);
            int m = to - from;
            float[] queries = new float[m * stride];
            int[] offs = new int[m];
            for (int j = 0; j < m; j++) {
                int[] q = qs.get(from + j);
                offs[j] = j * stride;
                for (int d = 0; d < dim; d++) {
                    queries[j * stride + d] = units[q[1] * stride + d] - units[q[0] * stride + d]
                            + units[q[2] * stride + d];
                }
            }
            // top 4 per query (enough: at most 3 exclusions by case-folded word)
            float[] best = new float[m * 4];
            int[] arg = new int[m * 4];
            Arrays.fill(best, Float.NEGATIVE_INFINITY);
            Arrays.fill(arg, -1);
            float[] dots = new float[m];
            float[] tmp = new float[W2vKernels.DOTS_SCRATCH];
            for (int r = 0; r < n; r++) {
                W2vKernels.dots(queries, offs, m, units, r * stride, stride, dots, tmp);
                for (int j = 0; j < m; j++) {
                    float s = dots[j];
                    int base = j * 4;
                    if (s > best[base + 3]) {
                        int[] q = qs.get(from + j);
                        if (r == q[0] || r == q[1] || r == q[2]) {
                            continue;
                        }
                        int p = base + 3;
                        while (p > base && s > best[p - 1]) {
                            best[p] = best[p - 1];
                            arg[p] = arg[p - 1];
                            p--;
                        }
                        best[p] = s;
                        arg[p] = r;
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                int[] q = qs.get(from + j);
                for (int t = 0; t < 4; t++) {
                    int r = arg[j * 4 + t];
                    if (r < 0) {
                        break;
                    }
                    String w = upperWords[r];
                    if (w.equals(upperWords[q[0]]) || w.equals(upperWords[q[1]]) || w.equals(upperWords[q[2]])) {
                        continue;
                    }
                    right[from + j] = w.equals(upperWords[q[3]]);
                    break;
                }
            }
        });
        return right;
    }
}
