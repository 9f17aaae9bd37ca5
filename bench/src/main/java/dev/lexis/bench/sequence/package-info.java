/** Tagger benchmarks: training speed and quality on CoNLL-2000 against the PyTorch BiLSTM tagger. */
package dev.lexis.bench.sequence;
