/**
 * Sentence classification: {@link dev.lexis.classify.TextCnnClassifier TextCNN} (Kim 2014; rand, static,
 * non-static and multichannel), a {@link dev.lexis.classify.FastTextClassifier fastText-style} linear baseline
 * (Joulin et al. 2016), the {@link dev.lexis.classify.TextClassifier} API that both implement (train from a config
 * and labelled texts, predict with class probabilities, save and load in the Lexis model-file format), a
 * {@link dev.lexis.classify.TextClassifiers registry} that other modules extend through
 * {@link dev.lexis.classify.TextClassifierFactory}, {@link dev.lexis.classify.Evaluation metrics} (accuracy,
 * per-class precision / recall / F1, macro-F1, confusion matrix), stratified k-fold
 * {@link dev.lexis.classify.CrossValidation cross-validation} and a labelled CSV reader.
 */
package dev.lexis.classify;
