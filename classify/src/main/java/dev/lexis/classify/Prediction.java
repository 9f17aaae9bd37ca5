package dev.lexis.classify;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A classifier's answer for one text: the most probable label and the probability of every class.
 *
 * @param ranked every class with its probability, most probable first (ties in label order); the
 *               probabilities sum to 1 within rounding
 */
public record Prediction(List<ScoredLabel> ranked) {
    public Prediction {
        if (ranked == null || ranked.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one scored label");
        }
        ranked = List.copyOf(ranked);
    }

    /** The predicted (most probable) label. */
    public String label() {
        return ranked.get(0).label();
    }

    /** The probability of the predicted label. */
    public double probability() {
        return ranked.get(0).probability();
    }

    /** The {@code k} most probable labels (all of them when {@code k} exceeds the number of classes). */
    public List<ScoredLabel> topK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    /**
     * The probability of {@code label}.
     *
     * @throws NoSuchElementException if the classifier does not know the label
     */
    public double probabilityOf(String label) {
        for (ScoredLabel s : ranked) {
            if (s.label().equals(label)) {
                return s.probability();
            }
        }
        throw new NoSuchElementException("unknown label \"" + label + "\": the classifier knows "
                + ranked.stream().map(ScoredLabel::label).sorted().toList());
    }
}
