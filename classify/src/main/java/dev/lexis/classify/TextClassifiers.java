package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of classifier factories: the built-in {@code textcnn} and {@code fasttext}, those found by
 * {@link ServiceLoader}, and any {@link #register registered} at run time. Trains by name and loads any
 * registered kind of model file.
 */
public final class TextClassifiers {
    private static final Map<String, TextClassifierFactory> BY_NAME = new ConcurrentHashMap<>();

    static {
        register(new TextCnnTrainer.Factory());
        register(new FastTextTrainer.Factory());
        for (TextClassifierFactory f : ServiceLoader.load(TextClassifierFactory.class)) {
            register(f);
        }
    }

    private TextClassifiers() {
    }

    /** Adds (or replaces) a factory under its {@link TextClassifierFactory#name()}. */
    public static void register(TextClassifierFactory factory) {
        BY_NAME.put(factory.name(), factory);
    }

    /** The registered model names, sorted. */
    public static List<String> names() {
        return List.copyOf(new TreeMap<>(BY_NAME).keySet());
    }

    /**
     * The factory called {@code name}.
     *
     * @throws IllegalArgumentException naming the known models if there is none
     */
    public static TextClassifierFactory factory(String name) {
        TextClassifierFactory f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model \"" + name + "\"; known models: " + names());
        }
        return f;
    }

    /** Trains a classifier with the factory called {@code name}; see {@link TextClassifierFactory#train}. */
    public static TextClassifier train(String name, Map<String, String> options, List<LabelledText> train,
                                       List<LabelledText> dev, TrainingListener listener) throws IOException {
        return factory(name).train(options, train, dev, listener);
    }

    /**
     * Reads a classifier model file of any registered kind.
     *
     * @throws IOException if the file cannot be read, is not a Lexis model file, or holds another kind of model
     *                     ({@code word2vec.lexis: is a word2vec model, not a text classifier (known: [fasttext, textcnn])})
     */
    public static TextClassifier load(Path file) throws IOException {
        ModelFile model = ModelFile.load(file);
        for (TextClassifierFactory f : BY_NAME.values()) {
            if (f.kind().equals(model.kind())) {
                return f.load(model);
            }
        }
        throw new IOException(file + ": is a " + model.kind() + " model, not a text classifier (known: "
                + BY_NAME.values().stream().map(TextClassifierFactory::kind).distinct().sorted().toList() + ")");
    }
}
