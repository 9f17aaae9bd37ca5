/**
 * The {@code lexis lm} commands: {@code train} (NNLM), {@code ngram} (Kneser-Ney baseline),
 * {@code perplexity} (of one model or a mixture) and {@code generate} (sampling), on {@code dev.lexis.lm}.
 */
package dev.lexis.cli.lm;
