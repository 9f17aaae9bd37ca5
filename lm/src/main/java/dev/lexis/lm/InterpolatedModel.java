package dev.lexis.lm;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The linear mixture λ · p_a + (1 − λ) · p_b of two language models over the same vocabulary: Bengio et al.
 * (2003) mix the NNLM with an interpolated Kneser-Ney trigram this way (λ fixed; they report the mixture
 * beats both). Immutable and thread-safe; not saved as a file of its own (save the two models).
 */
public final class InterpolatedModel implements LanguageModel {
    private final LanguageModel a;
    private final LanguageModel b;
    private final double weight;

    /**
     * @param weight λ, the weight of {@code a}, in [0, 1]
     * @throws IllegalArgumentException if the vocabularies differ or λ is out of range
     */
    public InterpolatedModel(LanguageModel a, LanguageModel b, double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
        if (!a.vocabulary().equals(b.vocabulary())) {
            throw new IllegalArgumentException("cannot mix models with different vocabularies (" + a.vocabulary().size()
                    + " and " + b.vocabulary().size() + " words); train both with the same training file, "
                    + "--min-count and vocabulary size");
        }
        this.a = a;
        this.b = b;
        this.weight = weight;
    }

    /**
     * The weight λ ∈ {0.01, 0.02, …, 0.99} whose mixture has the lowest perplexity on {@code ids} (a held-out
     * text encoded with the shared vocabulary: tune on the validation text, never on the test text). Each model's
     * log-probabilities are computed once.
     *
     * @throws IllegalArgumentException if the vocabularies differ or {@code ids} is empty
     */
    public static double tuneWeight(LanguageModel a, LanguageModel b, int[] ids) {
        new InterpolatedModel(a, b, 0.5);
        if (ids.length == 0) {
            throw new IllegalArgumentException("no tokens to tune the mixture weight on");
        }
        double[] pa = a.logProbabilities(ids);
        double[] pb = b.logProbabilities(ids);
        for (int t = 0; t < ids.length; t++) {
            pa[t] = Math.exp(pa[t]);
            pb[t] = Math.exp(pb[t]);
        }
        double best = 0.5;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= 99; i++) {
            double w = i / 100.0;
            double nll = 0;
            for (int t = 0; t < ids.length; t++) {
                nll -= Math.log(w * pa[t] + (1 - w) * pb[t]);
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = w;
            }
        }
        return best;
    }

    /**
     * {@link #tuneWeight(LanguageModel, LanguageModel, int[])} on a text file.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read (naming it)
     */
    public static double tuneWeight(LanguageModel a, LanguageModel b, Path text) {
        return tuneWeight(a, b, a.vocabulary().encode(text).ids());
    }

    /** λ, the weight of the first model. */
    public double weight() {
        return weight;
    }

    @Override
    public LmVocabulary vocabulary() {
        return a.vocabulary();
    }

    @Override
    public int order() {
        return Math.max(a.order(), b.order());
    }

    @Override
    public double[] logProbabilities(int[] ids) {
        double[] la = a.logProbabilities(ids);
        double[] lb = b.logProbabilities(ids);
        double[] out = new double[ids.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(weight * Math.exp(la[i]) + (1 - weight) * Math.exp(lb[i]));
        }
        return out;
    }

    @Override
    public double[] nextDistribution(int[] context) {
        double[] pa = a.nextDistribution(context);
        double[] pb = b.nextDistribution(context);
        for (int i = 0; i < pa.length; i++) {
            pa[i] = weight * pa[i] + (1 - weight) * pb[i];
        }
        return pa;
    }

    /** @throws UnsupportedOperationException always: save the two models and mix them when loading */
    @Override
    public void save(Path file) throws IOException {
        throw new UnsupportedOperationException("a mixture is not saved; save its two models");
    }
}
