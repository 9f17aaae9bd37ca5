package dev.lexis.embeddings;

/**
 * A word found by a nearest-neighbour or analogy query, with its score.
 *
 * @param word       the word
 * @param similarity cosine similarity to the query in [-1, 1] (3CosMul: the 3CosMul objective)
 */
public record Neighbor(String word, double similarity) {
}
