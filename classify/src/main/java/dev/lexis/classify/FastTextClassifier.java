package dev.lexis.classify;

import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fastText-style linear classifier (Joulin et al. 2016): the text is the average of its word and word
 * n-gram embeddings, {@code h = (1/|F|) Σ_{f∈F} A_f} with {@code A} of shape (rows, embeddingDim); the class
 * probabilities are {@code softmax(B h)} with {@code B} of shape (classes, embeddingDim). Immutable and
 * thread-safe. Train it with {@link FastTextTrainer}; a text with no known word and no n-gram gets the training
 * class distribution.
 */
public final class FastTextClassifier implements TextClassifier {
    /** The model-file kind. */
    public static final String KIND = "fasttext";

    private final FastTextConfig config;
    private final List<String> labels;
    private final List<String> words;
    private final long[] wordCounts;
    private final float[] input;
    private final float[] output;
    private final float[] prior;
    private final TextAnalyzer analyzer;
    private final FastTextFeatures features;

    FastTextClassifier(FastTextConfig config, List<String> labels, List<String> words, long[] wordCounts,
                       float[] input, float[] output, float[] prior) {
        this.config = config;
        this.labels = List.copyOf(labels);
        this.words = List.copyOf(words);
        this.wordCounts = wordCounts;
        this.input = input;
        this.output = output;
        this.prior = prior;
        this.analyzer = TextAnalyzer.of(config.analyzer());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
        this.features = new FastTextFeatures(ids, config.wordNgrams(), config.buckets());
        if (input.length != features.rows() * config.embeddingDim() || output.length != labels.size() * config.embeddingDim()) {
            throw new IllegalArgumentException("fasttext: matrix sizes " + input.length + ", " + output.length
                    + " do not match " + features.rows() + " rows, " + labels.size() + " classes, dim "
                    + config.embeddingDim());
        }
    }

    public FastTextConfig fastTextConfig() {
        return config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public String analyzer() {
        return analyzer.spec();
    }

    @Override
    public Map<String, String> config() {
        return config.toProperties();
    }

    /** The number of words in the vocabulary (rows of the input matrix before the n-gram buckets). */
    public int vocabularySize() {
        return words.size();
    }

    @Override
    public Prediction predict(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must be non-null");
        }
        List<String> tokens = analyzer.tokens(text);
        int[] feats = new int[features.maxFeatures(tokens.size())];
        int n = features.features(tokens, feats);
        float[] probabilities = n == 0 ? prior.clone() : probabilities(feats, n, new float[config.embeddingDim()]);
        return Examples.prediction(labels, probabilities);
    }

    private float[] probabilities(int[] feats, int n, float[] hidden) {
        int dim = config.embeddingDim();
        FastTextTrainer.average(input, feats, 0, n, hidden, dim);
        float[] z = new float[labels.size()];
        for (int c = 0; c < z.length; c++) {
            z[c] = FastTextTrainer.dot(output, c * dim, hidden, dim);
        }
        Examples.softmax(z, z.length);
        return z;
    }

    @Override
    public void save(Path file) throws IOException {
        int dim = config.embeddingDim();
        ModelFile.builder(KIND)
                .config(config.toProperties())
                .vocabulary(words, wordCounts)
                .strings("labels", labels)
                .tensor("input", Tensor.of(input, features.rows(), dim))
                .tensor("output", Tensor.of(output, labels.size(), dim))
                .tensor("prior", Tensor.of(prior, prior.length))
                .build().save(file);
    }

    /**
     * Reads a fastText-style classifier.
     *
     * @throws IOException if the file cannot be read, is not a Lexis model file or is not a fasttext model
     */
    public static FastTextClassifier load(Path file) throws IOException {
        return fromModelFile(ModelFile.load(file, KIND));
    }

    static FastTextClassifier fromModelFile(ModelFile file) throws IOException {
        try {
            FastTextConfig config = FastTextConfig.fromProperties(file.config());
            return new FastTextClassifier(config, file.strings("labels"), file.vocabularyWords(),
                    file.vocabularyCounts(), file.tensor("input").toArray(), file.tensor("output").toArray(),
                    file.tensor("prior").toArray());
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new IOException(file.source() + ": not a valid fasttext model: " + e.getMessage(), e);
        }
    }
}
