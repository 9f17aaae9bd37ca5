/**
 * Benchmarks of Lexis against its peers (gensim, fastText, PyTorch) on the same data in one run.
 */
package dev.lexis.bench;
