/**
 * Tokenizers over Apache Lucene analyzers chosen by name (whitespace, standard, english, icu, smartcn, custom chains) and the Vocabulary that maps words to ids by count.
 */
package dev.lexis.tokenize;
