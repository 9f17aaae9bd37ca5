/**
 * Benchmarks of the word-vector API: nearest-neighbour latency and vectors-file loading (the word2vec trainer
 * against gensim is {@code bench/embeddings/run.sh}).
 */
package dev.lexis.bench.embeddings;
