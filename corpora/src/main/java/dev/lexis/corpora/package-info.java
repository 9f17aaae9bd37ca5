/**
 * Streaming corpus readers: plain text (files, folders, .gz) with strict UTF-8, labelled CSV/TSV through Apache Commons CSV, CoNLL columns; seeded splits, k-fold, and byte-range shards for parallel readers.
 */
package dev.lexis.corpora;
