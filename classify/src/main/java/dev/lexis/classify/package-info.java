/**
 * Sentence classification: TextCNN (Kim 2014), a fastText-style linear baseline, the TextClassifier API and its metrics.
 */
package dev.lexis.classify;
