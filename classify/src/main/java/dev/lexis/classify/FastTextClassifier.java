package dev.lexis.classify;

import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fastText-style linear classifier (Joulin et al. 2016): the text is the average of its word and word
 * n-gram embeddings, {@code h = (1/|F|) Σ_{f∈F} A_f} with {@code A} of shape (rows, embeddingDim); the class
 * probabilities are {@code softmax(B h)} with {@code B} of shape (classes, embeddingDim). Immutable and
 * thread-safe. Train it with {@link FastTextTrainer}; a text with no known word and no n-gram gets the training
 * class distribution.
 *
 * <p>Of {@code A}'s rows the model holds the words' and those of the n-gram buckets that training touched; the
 * other buckets (most of them: fastText's hashed n-gram rows are sparse) still have their initial values, which
 * {@link FastTextInit} recomputes from the seed when a text hashes into one. So the model file is proportional to
 * what was learned: model-file layout 2 stores the touched rows, their bucket numbers (int section
 * {@code inputBuckets}) and the name of the initialisation rule ({@code inputInit}); layout 1 files (the whole
 * matrix, no such sections) still load.
 */
public final class FastTextClassifier implements TextClassifier {
    /** The model-file kind. */
    public static final String KIND = "fasttext";

    private final FastTextConfig config;
    private final List<String> labels;
    private final List<String> words;
    private final long[] wordCounts;
    /** Stored rows of A (rows, embeddingDim): the words, then the buckets in {@link #storedBuckets}. */
    private final float[] input;
    /** The bucket numbers of the stored bucket rows, increasing. */
    private final int[] storedBuckets;
    /** For each bucket its stored row, or -1 when training never touched it (length buckets, or 0 for words only). */
    private final int[] bucketRow;
    private final long initBase;
    private final float[] output;
    private final float[] prior;
    private final TextAnalyzer analyzer;
    private final FastTextFeatures features;

    /**
     * @param input         rows (words + storedBuckets.length, dim): the words, then the stored buckets in order
     * @param storedBuckets bucket numbers (increasing, in [0, buckets)) of the stored bucket rows
     */
    FastTextClassifier(FastTextConfig config, List<String> labels, List<String> words, long[] wordCounts,
                       float[] input, int[] storedBuckets, float[] output, float[] prior) {
        this.config = config;
        this.labels = List.copyOf(labels);
        this.words = List.copyOf(words);
        this.wordCounts = wordCounts;
        this.input = input;
        this.storedBuckets = storedBuckets;
        this.output = output;
        this.prior = prior;
        this.analyzer = TextAnalyzer.of(config.analyzer());
        this.initBase = FastTextInit.base(config.seed());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
        this.features = new FastTextFeatures(ids, config.wordNgrams(), config.buckets());
        int buckets = features.rows() - words.size();
        this.bucketRow = new int[buckets];
        Arrays.fill(bucketRow, -1);
        for (int i = 0; i < storedBuckets.length; i++) {
            int b = storedBuckets[i];
            if (b < 0 || b >= buckets || (i > 0 && b <= storedBuckets[i - 1])) {
                throw new IllegalArgumentException("fasttext: stored bucket " + b + " at " + i
                        + " is out of order or not in [0, " + buckets + ")");
            }
            bucketRow[b] = words.size() + i;
        }
        int dim = config.embeddingDim();
        if (input.length != (long) (words.size() + storedBuckets.length) * dim
                || output.length != labels.size() * dim) {
            throw new IllegalArgumentException("fasttext: matrix sizes " + input.length + ", " + output.length
                    + " do not match " + words.size() + " words + " + storedBuckets.length + " stored buckets, "
                    + labels.size() + " classes, dim " + dim);
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
        hidden(feats, n, hidden);
        float[] z = new float[labels.size()];
        for (int c = 0; c < z.length; c++) {
            z[c] = FastTextTrainer.dot(output, c * dim, hidden, dim);
        }
        Examples.softmax(z, z.length);
        return z;
    }

    // hidden (dim) = mean of the input rows of the features feats[0 .. n) (rows of the whole matrix A): stored
    // rows from input, untouched bucket rows recomputed from the initialisation rule. The row loops are the
    // trainer's kernels, already compiled by the JIT when a model is tested right after training
    private void hidden(int[] feats, int n, float[] hidden) {
        int dim = config.embeddingDim();
        int wordCount = words.size();
        Arrays.fill(hidden, 0, dim, 0f);
        for (int f = 0; f < n; f++) {
            int row = feats[f];
            int stored = row < wordCount ? row : bucketRow[row - wordCount];
            if (stored >= 0) {
                FastTextTrainer.addRow(input, stored * dim, hidden, dim);
            } else {
                FastTextInit.addRow(initBase, row, dim, hidden, 0);
            }
        }
        FastTextTrainer.scale(hidden, 1f / n, dim);
    }

    /** The number of n-gram bucket rows stored (touched by training); the others keep their initial values. */
    public int storedBucketCount() {
        return storedBuckets.length;
    }

    /**
     * Writes the model (model-file layout 2: the word rows and the touched bucket rows only; see the class doc).
     *
     * @throws IOException if the file cannot be written
     */
    @Override
    public void save(Path file) throws IOException {
        int dim = config.embeddingDim();
        ModelFile.builder(KIND)
                .config(config.toProperties())
                .vocabulary(words, wordCounts)
                .strings("labels", labels)
                .tensor("input", Tensor.of(input, words.size() + storedBuckets.length, dim))
                .tensor("output", Tensor.of(output, labels.size(), dim))
                .tensor("prior", Tensor.of(prior, prior.length))
                .ints(INPUT_BUCKETS, storedBuckets)
                .strings(INPUT_INIT, List.of(FastTextInit.RULE))
                .build().save(file);
    }

    /** The int section of layout 2 that lists the stored bucket rows. */
    static final String INPUT_BUCKETS = "inputBuckets";
    /** The string section of layout 2 that names the initialisation rule of the rows not stored. */
    static final String INPUT_INIT = "inputInit";

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
            List<String> words = file.vocabularyWords();
            Tensor input = file.tensor("input");
            int[] storedBuckets;
            if (file.extraNames().contains(INPUT_BUCKETS)) {            // layout 2: touched rows only
                List<String> rule = file.strings(INPUT_INIT);
                if (!rule.equals(List.of(FastTextInit.RULE))) {
                    throw new IllegalArgumentException("initialisation rule " + rule + " is not this Lexis's ("
                            + FastTextInit.RULE + "); the file was written by another version");
                }
                storedBuckets = file.ints(INPUT_BUCKETS);
            } else {                                                    // layout 1: every row of the matrix
                int buckets = config.wordNgrams() > 1 ? config.buckets() : 0;
                if (input.rank() != 2 || input.shape()[0] != words.size() + buckets) {
                    throw new IllegalArgumentException("input has shape " + Arrays.toString(input.shape())
                            + ", expected " + (words.size() + buckets) + " rows (words + buckets)");
                }
                storedBuckets = new int[buckets];
                for (int b = 0; b < buckets; b++) {
                    storedBuckets[b] = b;
                }
            }
            return new FastTextClassifier(config, file.strings("labels"), words, file.vocabularyCounts(),
                    input.toArray(), storedBuckets, file.tensor("output").toArray(), file.tensor("prior").toArray());
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new IOException(file.source() + ": not a valid fasttext model: " + e.getMessage(), e);
        }
    }
}
