package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained text classifier: immutable and thread-safe, so one instance may serve predictions from many
 * threads at once.
 *
 * <p>Implementations: {@link TextCnnClassifier} (Kim 2014) and {@link FastTextClassifier} (Joulin et al. 2016);
 * other modules add their own through {@link TextClassifierFactory}. The text analyzer (tokenizer) is part of
 * the model and is saved with it, so a loaded model tokenizes exactly as it did in training.
 *
 * <pre>{@code
 * TextClassifier model = TextClassifiers.train("textcnn", Map.of("epochs", "10"), train, dev, System.err::println);
 * model.save(Path.of("mr.lexis"));
 * TextClassifier loaded = TextClassifier.load(Path.of("mr.lexis"));
 * Prediction p = loaded.predict("a gripping , funny film");   // p.label() = "pos", p.probability() = 0.93
 * }</pre>
 */
public interface TextClassifier {

    /** The model kind stored in its file, e.g. {@code "textcnn"} or {@code "fasttext"}. */
    String kind();

    /** The class labels in the model's order (sorted by name). */
    List<String> labels();

    /** The analyzer spec the model tokenizes with (see {@link TextAnalyzer#of(String)}). */
    String analyzer();

    /** The training configuration as properties (the keys of the model file and the command line). */
    Map<String, String> config();

    /**
     * Classifies one text. A text without any token (empty, blank, or only characters the analyzer drops)
     * is given the class distribution of the training set.
     *
     * @throws IllegalArgumentException if {@code text} is null
     */
    Prediction predict(String text);

    /** The {@code k} most probable labels for {@code text}, most probable first. */
    default List<ScoredLabel> topK(String text, int k) {
        return predict(text).topK(k);
    }

    /** Classifies each text, in order (implementations may use several threads). */
    default List<Prediction> predictAll(List<String> texts) {
        List<Prediction> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(predict(text));
        }
        return out;
    }

    /**
     * Classifies each example and compares with its label.
     *
     * @throws IllegalArgumentException if an example's label is not one of {@link #labels()} (naming the
     *                                  example's source and the known labels)
     */
    default Evaluation evaluate(List<LabelledText> data) {
        return Evaluation.of(this, data);
    }

    /**
     * Writes the model to {@code file} in the Lexis model-file format (atomically: temporary file, then rename).
     *
     * @throws IOException if the file cannot be written
     */
    void save(Path file) throws IOException;

    /**
     * Reads a classifier of any registered kind.
     *
     * @throws IOException if the file cannot be read, is not a Lexis model file, or holds a model that is not
     *                     a text classifier (the message names the file and its kind)
     */
    static TextClassifier load(Path file) throws IOException {
        return TextClassifiers.load(file);
    }
}
