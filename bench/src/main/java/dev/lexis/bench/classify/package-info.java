/**
 * Benchmarks of the classify module: TextCNN and the fastText-style baseline against PyTorch and fastText
 * on MR and TREC (driven by {@code bench/classify/run.sh}).
 */
package dev.lexis.bench.classify;
