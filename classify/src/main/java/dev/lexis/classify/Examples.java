package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks of training data shared by the trainers, and the label index. */
final class Examples {
    private Examples() {
    }

    /**
     * The sorted distinct labels of {@code train}, after checking that it has at least two classes and no
     * empty text.
     */
    static List<String> checkTraining(List<LabelledText> train) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (LabelledText example : train) {
            if (example.text().isBlank()) {
                throw new IllegalArgumentException(example.where() + "empty text (label \"" + example.label()
                        + "\"); every training example needs a text");
            }
            counts.merge(example.label(), 1, Integer::sum);
        }
        if (counts.size() < 2) {
            String source = train.get(0).source();
            int colon = source.lastIndexOf(':');
            String file = colon > 0 ? source.substring(0, colon) + ": " : "";
            throw new IllegalArgumentException(file + "the training data has only one class (\""
                    + counts.keySet().iterator().next() + "\", " + train.size()
                    + (train.size() == 1 ? " example" : " examples") + "); a classifier needs at least two");
        }
        return List.copyOf(counts.keySet());
    }

    /** Label → id for the sorted labels. */
    static Map<String, Integer> index(List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        return index;
    }

    /** The label id of each example; an unknown label names the example's source. */
    static int[] labelIds(List<LabelledText> data, Map<String, Integer> index, List<String> labels) {
        int[] ids = new int[data.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = index.get(data.get(i).label());
            if (id == null) {
                throw new IllegalArgumentException(data.get(i).where() + "label \"" + data.get(i).label()
                        + "\" was never seen in training (labels: " + labels + ")");
            }
            ids[i] = id;
        }
        return ids;
    }

    /** The class distribution of {@code labelIds} (the prediction for a text without tokens). */
    static float[] prior(int[] labelIds, int classes) {
        float[] prior = new float[classes];
        for (int id : labelIds) {
            prior[id]++;
        }
        for (int c = 0; c < classes; c++) {
            prior[c] /= labelIds.length;
        }
        return prior;
    }

    /** A prediction from class probabilities: labels ranked by probability, ties in label order. */
    static Prediction prediction(List<String> labels, float[] probabilities) {
        Integer[] order = new Integer[labels.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(probabilities[b], probabilities[a]));
        ScoredLabel[] ranked = new ScoredLabel[order.length];
        for (int i = 0; i < order.length; i++) {
            ranked[i] = new ScoredLabel(labels.get(order[i]), probabilities[order[i]]);
        }
        return new Prediction(List.of(ranked));
    }

    /** In-place softmax of {@code z[0 … n)}, max-shifted. */
    static void softmax(float[] z, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, z[i]);
        }
        float sum = 0;
        for (int i = 0; i < n; i++) {
            z[i] = (float) Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < n; i++) {
            z[i] /= sum;
        }
    }
}
