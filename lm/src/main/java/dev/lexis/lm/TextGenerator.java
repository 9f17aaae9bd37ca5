package dev.lexis.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples text from a {@link LanguageModel}: each next word is drawn from p(w | the previous n − 1 words),
 * sharpened or flattened by a temperature T (p^(1/T), renormalised) and optionally restricted to the k most
 * probable words. The same model, prompt, settings and seed give the same text.
 *
 * @param temperature T &gt; 0 (1 = the model's distribution; lower = more conservative)
 * @param topK        keep only the k most probable words; 0 = all
 * @param seed        the random seed
 */
public record TextGenerator(double temperature, int topK, long seed) {

    public TextGenerator {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
    }

    /**
     * Generates {@code words} tokens after a prompt; {@code </s>} tokens are kept in the result (they end
     * sentences). An empty prompt starts at a sentence boundary.
     *
     * @param prompt whitespace-separated words; unknown words become {@code <unk>}
     * @return the generated tokens (the prompt not included)
     * @throws IllegalArgumentException if the prompt is not empty but has no word of the vocabulary, or
     *                                  words &lt; 0
     */
    public List<String> generate(LanguageModel model, String prompt, int words) {
        if (words < 0) {
            throw new IllegalArgumentException("words must be >= 0, got " + words);
        }
        LmVocabulary vocab = model.vocabulary();
        EncodedText encoded = vocab.encodeSentence(prompt == null ? "" : prompt, false);
        if (encoded.length() > 0 && encoded.oov() == encoded.length()) {
            throw new IllegalArgumentException("prompt \"" + prompt.strip() + "\" has no word of the vocabulary ("
                    + vocab.size() + " words; all " + encoded.length() + " prompt words are unknown); "
                    + "give at least one known word");
        }
        int n = model.historySize();
        int[] context = new int[n + words + encoded.length() + 1];
        int len = 0;
        context[len++] = LmVocabulary.EOS_ID;
        for (int id : encoded.ids()) {
            context[len++] = id;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            double[] p = model.nextDistribution(Arrays.copyOfRange(context, Math.max(0, len - n), len));
            int next = sample(p, random);
            context[len++] = next;
            out.add(vocab.word(next));
        }
        return out;
    }

    /** Joins tokens into lines: each {@code </s>} ends a line. */
    public static String render(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        boolean lineStart = true;
        for (String t : tokens) {
            if (LmVocabulary.EOS.equals(t)) {
                sb.append('\n');
                lineStart = true;
                continue;
            }
            if (!lineStart) {
                sb.append(' ');
            }
            sb.append(t);
            lineStart = false;
        }
        return sb.toString();
    }

    int sample(double[] p, SplittableRandom random) {
        double[] q = new double[p.length];
        double inv = 1 / temperature;
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i] <= 0 ? 0 : Math.exp(Math.log(p[i]) * inv);
        }
        if (topK > 0 && topK < q.length) {
            double[] sorted = q.clone();
            Arrays.sort(sorted);
            double threshold = sorted[sorted.length - topK];
            int kept = 0;
            for (int i = 0; i < q.length; i++) {
                if (q[i] < threshold || (q[i] == threshold && kept >= topK)) {
                    q[i] = 0;
                } else {
                    kept++;
                }
            }
        }
        double sum = 0;
        for (double v : q) {
            sum += v;
        }
        double u = random.nextDouble() * sum;
        double acc = 0;
        int last = 0;
        for (int i = 0; i < q.length; i++) {
            if (q[i] > 0) {
                acc += q[i];
                last = i;
                if (u < acc) {
                    return i;
                }
            }
        }
        return last;
    }
}
