package dev.lexis.corpora;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A labelled data set read whole into memory (for small sets such as MR or TREC).
 *
 * @param source the file read
 * @param rows the examples, in file order (unmodifiable)
 * @param summary what was read and skipped
 */
public record LabelledDataset(Path source, List<LabelledText> rows, CsvSummary summary) {
    public LabelledDataset {
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }

    /** The distinct labels, sorted. */
    public List<String> labels() {
        return List.copyOf(labelCounts().keySet());
    }

    /** Rows per label, sorted by label. */
    public SortedMap<String, Integer> labelCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (LabelledText row : rows) {
            counts.merge(row.label(), 1, Integer::sum);
        }
        return counts;
    }

    /** The texts, in file order. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            texts.add(row.text());
        }
        return texts;
    }
}
