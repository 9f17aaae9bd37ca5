/**
 * The lm bench: Kneser-Ney, the NNLM (softmax and hierarchical softmax) and their mixture on Brown
 * ({@code LmBench}); mixtures of saved models and a unigram cache ({@code MixtureBench}).
 */
package dev.lexis.bench.lm;
