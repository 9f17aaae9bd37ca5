/**
 * The neural network language model of Bengio et al. (2003), with perplexity and sampling, and a Kneser-Ney n-gram baseline.
 */
package dev.lexis.lm;
