package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Trains and loads one kind of {@link TextClassifier}; the plug-in point through which
 * {@link TextClassifiers} (and {@code lexis classify train --model NAME}) finds models.
 *
 * <p>Register an implementation with {@link TextClassifiers#register(TextClassifierFactory)} or as a
 * {@link java.util.ServiceLoader} service ({@code META-INF/services/dev.lexis.classify.TextClassifierFactory}).
 */
public interface TextClassifierFactory {

    /** The name users pick it by ({@code --model NAME}), e.g. {@code "textcnn"}. */
    String name();

    /** The kind written in its model files (usually equal to {@link #name()}). */
    default String kind() {
        return name();
    }

    /** One line for help texts. */
    String description();

    /**
     * Trains a classifier.
     *
     * @param options  config properties (keys as in the model's config record, e.g. {@code epochs},
     *                 {@code batchSize}, {@code threads}, {@code seed}); absent keys take defaults
     * @param train    training examples (at least two distinct labels)
     * @param dev      optional dev examples for early stopping (the best dev epoch is kept); may be empty
     * @param listener progress, once per epoch
     * @throws IllegalArgumentException for an unknown option key or a bad value (naming the key), for fewer
     *                                  than two classes, or for an empty text in {@code train}
     * @throws IOException              if a file named by an option (pre-trained vectors) cannot be read
     */
    TextClassifier train(Map<String, String> options, List<LabelledText> train, List<LabelledText> dev,
                         TrainingListener listener) throws IOException;

    /**
     * Rebuilds a classifier from a model file of this factory's {@link #kind()}.
     *
     * @throws IOException if the file's contents are inconsistent
     */
    TextClassifier load(ModelFile file) throws IOException;
}
