/**
 * The word-vector commands of {@code lexis}: {@code word2vec} trains vectors on text files, {@code nearest}
 * and {@code analogy} query them, and {@code evaluate} scores them on analogy questions and word-pair
 * similarities (the API is {@link dev.lexis.embeddings}).
 */
package dev.lexis.cli.embeddings;
