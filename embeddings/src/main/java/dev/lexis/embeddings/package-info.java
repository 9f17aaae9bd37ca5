/**
 * Word representations: one-hot encoding, the Huffman tree, the word2vec trainer (CBOW and Skip-gram, Mikolov et al.
 * 2013) with checkpoints inside epochs and resume, fastText-style subword vectors ({@link dev.lexis.embeddings.Subwords},
 * Bojanowski et al. 2017) that give a vector to words the corpus never had, WordVectors queries, the word2vec
 * text/binary formats, and
 * {@link dev.lexis.embeddings.HnswIndex}, approximate nearest words on Lucene's HNSW graph for big vocabularies.
 */
package dev.lexis.embeddings;
