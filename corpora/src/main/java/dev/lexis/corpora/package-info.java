/**
 * Streaming corpus readers. {@link dev.lexis.corpora.TextCorpus} reads plain text (a file, a {@code .gz} file or a
 * folder, recursively in path order) as lines of strict UTF-8, never holding the corpus in memory, and cuts it into
 * line-aligned {@linkplain dev.lexis.corpora.TextCorpus#shards(int) shards} for parallel readers
 * ({@link dev.lexis.corpora.TextShards} for one file); {@link dev.lexis.corpora.Sentences} cuts token sequences to
 * word2vec's 1,000 tokens. {@link dev.lexis.corpora.LabelledCsv} reads labelled CSV/TSV through Apache Commons CSV,
 * {@link dev.lexis.corpora.ConllCorpus} CoNLL column files, {@link dev.lexis.corpora.SlashTaggedCorpus}
 * {@code word/tag} lines (Brown), and {@link dev.lexis.corpora.Splits} makes seeded train/dev/test splits and
 * (stratified) k-fold cross-validation. Every reading error is a
 * {@link dev.lexis.corpora.CorpusException} whose one-line message names the file and line.
 */
package dev.lexis.corpora;
