package dev.lexis.corpora;

import java.util.List;

/**
 * What one pass over a labelled CSV/TSV file read.
 *
 * @param rows examples delivered
 * @param emptyTexts rows skipped because the text was blank
 * @param emptyLabels rows skipped because the label was blank
 * @param blankLines empty lines skipped
 * @param header the header names, or an empty list when the file has no header
 */
public record CsvSummary(long rows, long emptyTexts, long emptyLabels, long blankLines, List<String> header) {
    public CsvSummary {
        header = List.copyOf(header);
    }
}
