/**
 * Statistical language models over one shared vocabulary: the neural network language model of Bengio et
 * al. (2003) ({@link dev.lexis.lm.NnlmTrainer} → {@link dev.lexis.lm.NeuralLanguageModel}, full or
 * hierarchical softmax output, optional direct connections, and beyond the paper an optional FOFE input of the
 * longer history, Zhang et al. 2015), an interpolated modified Kneser-Ney n-gram baseline
 * ({@link dev.lexis.lm.KneserNeyModel}), their mixture ({@link dev.lexis.lm.InterpolatedModel}), a unigram
 * cache component for mixtures ({@link dev.lexis.lm.UnigramCache}),
 * perplexity ({@link dev.lexis.lm.Perplexity}) and sampling ({@link dev.lexis.lm.TextGenerator}). Texts are
 * tokenized files, one sentence per line; {@link dev.lexis.lm.LmVocabulary} documents how sentence ends and
 * unknown words are handled — identically for every model, so perplexities compare like with like.
 */
package dev.lexis.lm;
