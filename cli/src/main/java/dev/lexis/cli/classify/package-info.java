/**
 * {@code lexis classify train|test|predict}: text classifiers (TextCNN, the fastText-style baseline, and any
 * model registered with {@link dev.lexis.classify.TextClassifiers}) from the command line.
 */
package dev.lexis.cli.classify;
