package dev.lexis.lm;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The perplexity of a language model on a text: exp(−(1/N) Σ_t ln p(w_t | context)) over all N tokens of the
 * stream, every {@code </s>} and every {@code <unk>} included (the unknown words are predicted as the one
 * symbol {@code <unk>}, the same way by every model of this package; so compare perplexities only at equal
 * vocabularies).
 *
 * @param perplexity the perplexity
 * @param words      N, the number of predicted tokens ({@code </s>} included)
 * @param oov        how many of them were out of the vocabulary (predicted as {@code <unk>})
 * @param logProb    Σ ln p, natural log
 */
public record Perplexity(double perplexity, long words, long oov, double logProb) {

    /**
     * Evaluates {@code model} on a file (one tokenized sentence per line).
     *
     * @throws IllegalArgumentException if the file has no tokens
     */
    public static Perplexity of(LanguageModel model, Path file) {
        EncodedText text = model.vocabulary().encode(file);
        if (text.length() == 0) {
            throw new IllegalArgumentException(file + ": no tokens; nothing to evaluate");
        }
        return of(model, text);
    }

    /** Evaluates {@code model} on an encoded text. */
    public static Perplexity of(LanguageModel model, EncodedText text) {
        return of(model.logProbabilities(text.ids()), text);
    }

    /**
     * The perplexity from a model's log-probabilities of {@code text}'s tokens, already computed (e.g. by
     * {@link LanguageModel#logProbabilities(int[])}, to reuse them for a mixture).
     *
     * @param logProbs natural-log probabilities, one per token of {@code text}
     * @throws IllegalArgumentException if the lengths differ or the text is empty
     */
    public static Perplexity of(double[] logProbs, EncodedText text) {
        if (logProbs.length != text.length() || text.length() == 0) {
            throw new IllegalArgumentException("need one log-probability per token of a non-empty text, got "
                    + logProbs.length + " for " + text.length() + " tokens");
        }
        double sum = 0;
        for (double lp : logProbs) {
            sum += lp;
        }
        return new Perplexity(Math.exp(-sum / text.length()), text.length(), text.oov(), sum);
    }

    /** {@code perplexity=192.41 words=171297 oov=5321}: the last line of {@code lexis lm perplexity}. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "perplexity=%.2f words=%d oov=%d", perplexity, words, oov);
    }
}
