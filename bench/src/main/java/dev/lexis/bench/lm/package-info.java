/** The lm bench: Kneser-Ney, the NNLM (softmax and hierarchical softmax) and their mixture on Brown. */
package dev.lexis.bench.lm;
