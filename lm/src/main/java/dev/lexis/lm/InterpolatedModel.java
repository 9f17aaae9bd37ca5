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
        return tuneWeight(a.logProbabilities(ids), b.logProbabilities(ids));
    }

    /**
     * The weight λ ∈ {0.01, 0.02, …, 0.99} that minimises −Σ_t ln(λ e^{la[t]} + (1 − λ) e^{lb[t]}): the tuning of
     * {@link #tuneWeight(LanguageModel, LanguageModel, int[])} from the two models' log-probabilities of the same
     * held-out stream, computed once by the caller (so they can also give each model's own perplexity).
     *
     * @param la natural-log probabilities of the first model, one per token
     * @param lb the second model's, as long as {@code la}
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static double tuneWeight(double[] la, double[] lb) {
        if (la.length == 0 || la.length != lb.length) {
            throw new IllegalArgumentException("tuning needs two equally long, non-empty log-probability arrays, got "
                    + la.length + " and " + lb.length);
        }
        double[] pa = new double[la.length];
        double[] pb = new double[lb.length];
        for (int t = 0; t < la.length; t++) {
            pa[t] = Math.exp(la[t]);
            pb[t] = Math.exp(lb[t]);
        }
        double best = 0.5;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= 99; i++) {
            double w = i / 100.0;
            double nll = 0;
            for (int t = 0; t < pa.length; t++) {
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
     * ln(λ e^{la[t]} + (1 − λ) e^{lb[t]}) for each t: the mixture's log-probabilities from its two models'
     * (what {@link #logProbabilities(int[])} computes, without evaluating the models again).
     *
     * @throws IllegalArgumentException if the lengths differ or λ is out of [0, 1]
     */
    public static double[] mixLogProbabilities(double[] la, double[] lb, double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
        if (la.length != lb.length) {
            throw new IllegalArgumentException("log-probability arrays of different lengths: " + la.length + " and "
                    + lb.length);
        }
        double[] out = new double[la.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(weight * Math.exp(la[i]) + (1 - weight) * Math.exp(lb[i]));
        }
        return out;
    }

    /**
     * The weights λ_1 … λ_k (≥ 0, summing to 1) of the mixture Σ_i λ_i p_i of k models that maximise the
     * likelihood of a held-out stream, by expectation-maximisation from equal weights (the usual estimate of
     * interpolation weights, e.g. SRILM's compute-best-mix): each iteration sets λ_i to the mean over the
     * tokens of λ_i p_i / Σ_j λ_j p_j. Stops when an iteration improves the mean log-likelihood by less than
     * 1e-7 nats, or after 500 iterations.
     *
     * @param logProbs k ≥ 1 arrays of natural-log probabilities of the same tokens, one per model
     * @return the k weights, in the order of {@code logProbs}
     * @throws IllegalArgumentException if there is no model, no token, or the lengths differ
     */
    public static double[] tuneWeights(double[][] logProbs) {
        int k = logProbs.length;
        if (k == 0 || logProbs[0].length == 0) {
            throw new IllegalArgumentException("tuning needs at least one model and one token");
        }
        int n = logProbs[0].length;
        for (double[] l : logProbs) {
            if (l.length != n) {
                throw new IllegalArgumentException("log-probability arrays of different lengths: " + n + " and "
                        + l.length);
            }
        }
        double[] weights = new double[k];
        java.util.Arrays.fill(weights, 1.0 / k);
        double[] next = new double[k];
        double previous = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < 500; iteration++) {
            java.util.Arrays.fill(next, 0);
            double loglik = 0;
            for (int t = 0; t < n; t++) {
                // shifted by the largest log-probability so that no exp underflows to 0 for every model
                double top = Double.NEGATIVE_INFINITY;
                for (double[] l : logProbs) {
                    top = Math.max(top, l[t]);
                }
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += weights[i] * Math.exp(logProbs[i][t] - top);
                }
                for (int i = 0; i < k; i++) {
                    next[i] += weights[i] * Math.exp(logProbs[i][t] - top) / sum;
                }
                loglik += top + Math.log(sum);
            }
            for (int i = 0; i < k; i++) {
                weights[i] = next[i] / n;
            }
            if (loglik / n - previous / n < 1e-7) {
                break;
            }
            previous = loglik;
        }
        return weights;
    }

    /**
     * ln Σ_i λ_i e^{logProbs[i][t]} for each token t: the k-model mixture's log-probabilities from its models'.
     *
     * @throws IllegalArgumentException if the counts or lengths differ, or a weight is negative
     */
    public static double[] mixLogProbabilities(double[][] logProbs, double[] weights) {
        if (logProbs.length == 0 || logProbs.length != weights.length) {
            throw new IllegalArgumentException("need one weight per model, got " + weights.length + " weights for "
                    + logProbs.length + " models");
        }
        double[] out = new double[logProbs[0].length];
        for (int t = 0; t < out.length; t++) {
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                if (!(weights[i] >= 0) || logProbs[i].length != out.length) {
                    throw new IllegalArgumentException("bad mixture: weight " + weights[i] + " of model " + i
                            + " with " + logProbs[i].length + " log-probabilities for " + out.length + " tokens");
                }
                sum += weights[i] * Math.exp(logProbs[i][t]);
            }
            out[t] = Math.log(sum);
        }
        return out;
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
    public int historySize() {
        return Math.max(a.historySize(), b.historySize());
    }

    @Override
    public double[] logProbabilities(int[] ids) {
        return mixLogProbabilities(a.logProbabilities(ids), b.logProbabilities(ids), weight);
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
