/**
 * Sentence classification: {@link dev.lexis.classify.TextCnnClassifier TextCNN} (Kim 2014; rand, static,
 * non-static and multichannel), a {@link dev.lexis.classify.FastTextClassifier fastText-style} linear baseline
 * (Joulin et al. 2016), the {@link dev.lexis.classify.TextClassifier} API that both implement (train from a config
 * and labelled texts, predict with class probabilities, save and load in the Lexis model-file format), a
 * {@link dev.lexis.classify.TextClassifiers registry} that other modules extend through
 * {@link dev.lexis.classify.TextClassifierFactory}, {@link dev.lexis.classify.Evaluation metrics} (accuracy,
 * per-class precision / recall / F1, macro-F1, confusion matrix), stratified k-fold
 * {@link dev.lexis.classify.CrossValidation cross-validation}. The examples are corpora's
 * {@link dev.lexis.corpora.LabelledText} rows, read from CSV/TSV files by {@link dev.lexis.corpora.LabelledCsv}
 * (with {@link dev.lexis.corpora.CsvOptions#forClassification} as the command line reads them); their source,
 * {@code file:line}, names the row in the trainers' and the evaluation's error messages.
 */
package dev.lexis.classify;
