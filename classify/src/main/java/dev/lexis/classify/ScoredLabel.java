package dev.lexis.classify;

/**
 * A class label with its probability under a classifier.
 *
 * @param label       the class name
 * @param probability the softmax probability, in [0, 1]
 */
public record ScoredLabel(String label, double probability) {
}
