/**
 * Word representations: one-hot encoding, the Huffman tree, the word2vec trainer (CBOW and Skip-gram, Mikolov et al. 2013), WordVectors queries and the word2vec text/binary formats.
 */
package dev.lexis.embeddings;
