package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Classification metrics from a confusion matrix: accuracy, per-class precision / recall / F1, macro-F1.
 *
 * <p>Row {@code i}, column {@code j} of the confusion matrix counts examples whose true label is
 * {@code labels().get(i)} and whose predicted label is {@code labels().get(j)}. A class that is never
 * predicted has precision 0; one that never occurs has recall 0 (and F1 0), as scikit-learn's default.
 */
public final class Evaluation {
    private final List<String> labels;
    private final long[][] confusion;
    private final long total;
    private final long correct;

    private Evaluation(List<String> labels, long[][] confusion) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        long t = 0;
        long c = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                t += confusion[i][j];
            }
            c += confusion[i][i];
        }
        this.total = t;
        this.correct = c;
    }

    /**
     * Metrics from parallel lists of true and predicted labels.
     *
     * @param labels    the classes (their order is the matrix order)
     * @param gold      the true labels
     * @param predicted the predicted labels, same length as {@code gold}
     * @throws IllegalArgumentException if the lengths differ or a label is not in {@code labels}
     */
    public static Evaluation of(List<String> labels, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " true labels but " + predicted.size() + " predictions");
        }
        Map<String, Integer> index = index(labels);
        long[][] m = new long[labels.size()][labels.size()];
        for (int k = 0; k < gold.size(); k++) {
            m[id(index, gold.get(k), labels, "")][id(index, predicted.get(k), labels, "")]++;
        }
        return new Evaluation(labels, m);
    }

    /**
     * Classifies {@code data} with {@code classifier} and compares with the true labels.
     *
     * @throws IllegalArgumentException if a true label was never seen in training, e.g.
     *                                  {@code test.csv:12: label "maybe" was never seen in training (labels: [neg, pos])}
     */
    public static Evaluation of(TextClassifier classifier, List<LabelledText> data) {
        List<String> labels = classifier.labels();
        Map<String, Integer> index = index(labels);
        int[] gold = new int[data.size()];
        List<String> texts = new java.util.ArrayList<>(data.size());
        for (int k = 0; k < data.size(); k++) {
            LabelledText example = data.get(k);
            gold[k] = id(index, example.label(), labels, example.where());
            texts.add(example.text());
        }
        List<Prediction> predictions = classifier.predictAll(texts);
        long[][] m = new long[labels.size()][labels.size()];
        for (int k = 0; k < gold.length; k++) {
            m[gold[k]][index.get(predictions.get(k).label())]++;
        }
        return new Evaluation(labels, m);
    }

    private static Map<String, Integer> index(List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        return index;
    }

    private static int id(Map<String, Integer> index, String label, List<String> labels, String where) {
        Integer id = index.get(label);
        if (id == null) {
            throw new IllegalArgumentException(where + "label \"" + label + "\" was never seen in training (labels: "
                    + labels + ")");
        }
        return id;
    }

    public List<String> labels() {
        return labels;
    }

    /** The number of examples. */
    public long count() {
        return total;
    }

    /** Correct / all, or 0 for no examples. */
    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** A copy of the confusion matrix (rows: true label, columns: predicted). */
    public long[][] confusionMatrix() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** True positives / predicted as {@code label}. */
    public double precision(String label) {
        int c = classId(label);
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    /** True positives / truly {@code label}. */
    public double recall(String label) {
        int c = classId(label);
        long actual = 0;
        for (long v : confusion[c]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    /** The harmonic mean of precision and recall (0 when both are 0). */
    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of the per-class F1 scores. */
    public double macroF1() {
        double sum = 0;
        for (String label : labels) {
            sum += f1(label);
        }
        return labels.isEmpty() ? 0 : sum / labels.size();
    }

    private int classId(String label) {
        int c = labels.indexOf(label);
        if (c < 0) {
            throw new NoSuchElementException("unknown label \"" + label + "\" (labels: " + labels + ")");
        }
        return c;
    }

    /** A per-class table (precision, recall, F1, support), the confusion matrix and the summary line. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        int width = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(5));
        sb.append(String.format(Locale.ROOT, "%-" + width + "s  precision  recall      f1  support%n", "label"));
        for (int c = 0; c < labels.size(); c++) {
            String l = labels.get(c);
            long support = 0;
            for (long v : confusion[c]) {
                support += v;
            }
            sb.append(String.format(Locale.ROOT, "%-" + width + "s  %9.4f  %6.4f  %6.4f  %7d%n", l, precision(l),
                    recall(l), f1(l), support));
        }
        sb.append("confusion (rows: true, columns: predicted)\n");
        sb.append(String.format(Locale.ROOT, "%-" + width + "s", ""));
        for (String l : labels) {
            sb.append(String.format(Locale.ROOT, " %" + Math.max(6, l.length()) + "s", l));
        }
        sb.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s", labels.get(i)));
            for (int j = 0; j < labels.size(); j++) {
                sb.append(String.format(Locale.ROOT, " %" + Math.max(6, labels.get(j).length()) + "d", confusion[i][j]));
            }
            sb.append('\n');
        }
        sb.append(summary());
        return sb.toString();
    }

    /** {@code accuracy=0.7712 macro_f1=0.7711 n=1066}. */
    public String summary() {
        return String.format(Locale.ROOT, "accuracy=%.4f macro_f1=%.4f n=%d", accuracy(), macroF1(), total);
    }

    @Override
    public String toString() {
        return summary();
    }
}
