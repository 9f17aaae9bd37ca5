package dev.lexis.corpora;

/**
 * What one pass over a CoNLL file read.
 *
 * @param sentences sentences delivered
 * @param tokens rows (tokens) in them
 * @param docStarts {@code -DOCSTART-} rows skipped
 * @param comments comment lines skipped
 */
public record ConllSummary(long sentences, long tokens, long docStarts, long comments) {
}
