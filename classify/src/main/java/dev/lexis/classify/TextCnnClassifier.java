package dev.lexis.classify;

import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained TextCNN sentence classifier (Kim 2014): embeddings → convolutions of several widths → ReLU →
 * max-over-time pooling → softmax. Immutable and thread-safe (each thread gets its own scratch space).
 * Train one with {@link TextCnnTrainer}.
 *
 * <p>Words the model has no vector for (not in the training data nor in the pre-trained vectors) are zero
 * vectors, which keeps their position in the sentence. A text with no tokens gets the training class
 * distribution.
 */
public final class TextCnnClassifier implements TextClassifier {
    /** The model-file kind. */
    public static final String KIND = "textcnn";
    private static final int PREDICT_CHUNK = 64;

    private final TextCnnConfig config;
    private final List<String> labels;
    private final List<String> words;
    private final long[] wordCounts;
    private final Map<String, Integer> wordIds;
    private final CnnNet net;
    private final float[] prior;
    private final TextAnalyzer analyzer;
    private final ThreadLocal<CnnNet.Workspace> workspaces = ThreadLocal.withInitial(CnnNet.Workspace::new);

    TextCnnClassifier(TextCnnConfig config, List<String> labels, List<String> words, long[] wordCounts, CnnNet net,
                      float[] prior) {
        this.config = config;
        this.labels = List.copyOf(labels);
        this.words = List.copyOf(words);
        this.wordCounts = wordCounts;
        this.net = net;
        this.prior = prior;
        this.analyzer = TextAnalyzer.of(config.analyzer());
        this.wordIds = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            wordIds.put(words.get(i), i);
        }
    }

    /** The configuration it was trained with (embeddingDim resolved to the actual dimension). */
    public TextCnnConfig textCnnConfig() {
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

    /** The number of words with a vector. */
    public int vocabularySize() {
        return words.size();
    }

    int[] encode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must be non-null");
        }
        List<String> tokens = analyzer.tokens(text);
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = wordIds.getOrDefault(tokens.get(i), -1);
        }
        return ids;
    }

    @Override
    public Prediction predict(String text) {
        return predictAll(List.of(text)).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<String> texts) {
        List<Prediction> out = new ArrayList<>(texts.size());
        CnnNet.Workspace ws = workspaces.get();
        int[][] chunk = new int[Math.min(PREDICT_CHUNK, texts.size())][];
        int[] where = new int[chunk.length];
        Prediction[] results = new Prediction[texts.size()];
        int n = 0;
        for (int i = 0; i <= texts.size(); i++) {
            if (i < texts.size()) {
                int[] ids = encode(texts.get(i));
                if (ids.length == 0) {
                    results[i] = Examples.prediction(labels, prior);
                } else {
                    chunk[n] = ids;
                    where[n++] = i;
                }
            }
            if (n == chunk.length || (i == texts.size() && n > 0)) {
                net.forward(chunk, 0, n, ws, 0, null);
                float[] p = new float[net.classes];
                for (int k = 0; k < n; k++) {
                    System.arraycopy(ws.probs, k * net.classes, p, 0, net.classes);
                    results[where[k]] = Examples.prediction(labels, p);
                }
                n = 0;
            }
        }
        for (Prediction p : results) {
            out.add(p);
        }
        return out;
    }

    @Override
    public void save(Path file) throws IOException {
        int v = words.size();
        int e = net.dim;
        ModelFile.Builder b = ModelFile.builder(KIND)
                .config(config.toProperties())
                .vocabulary(words, wordCounts)
                .strings("labels", labels);
        if (net.embStatic != null) {
            b.tensor("embedding.static", Tensor.of(net.embStatic, v, e));
        }
        if (net.embTuned != null) {
            b.tensor("embedding.tuned", Tensor.of(net.embTuned, v, e));
        }
        b.tensor("conv.weight", Tensor.of(net.convW, net.convRows, net.inDim))
                .tensor("conv.bias", Tensor.of(net.convB, net.features))
                .tensor("output.weight", Tensor.of(net.outW, net.classes, net.features))
                .tensor("output.bias", Tensor.of(net.outB, net.classes))
                .tensor("prior", Tensor.of(prior, prior.length))
                .build().save(file);
    }

    /**
     * Reads a TextCNN model file.
     *
     * @throws IOException if the file cannot be read, is not a Lexis model file or holds another kind of model
     */
    public static TextCnnClassifier load(Path file) throws IOException {
        return fromModelFile(ModelFile.load(file, KIND));
    }

    static TextCnnClassifier fromModelFile(ModelFile file) throws IOException {
        try {
            TextCnnConfig config = TextCnnConfig.fromProperties(file.config());
            List<String> labels = file.strings("labels");
            List<String> words = file.vocabularyWords();
            int dim = config.embeddingDim();
            int[] widths = config.filterWidths().stream().mapToInt(Integer::intValue).toArray();
            float[] embStatic = config.mode().hasStaticChannel() ? tensor(file, "embedding.static", words.size(), dim) : null;
            float[] embTuned = config.mode().hasTunedChannel() ? tensor(file, "embedding.tuned", words.size(), dim) : null;
            CnnNet net = new CnnNet(words.size(), dim, config.featureMaps(), widths, labels.size(),
                    config.effectivePadding(), config.stride(), embStatic, embTuned);
            readConvWeights(file.tensor("conv.weight"), net);
            copy(tensor(file, "conv.bias", net.features), net.convB);
            copy(tensor(file, "output.weight", labels.size(), net.features), net.outW);
            copy(tensor(file, "output.bias", labels.size()), net.outB);
            net.syncForwardWeights();
            float[] prior = tensor(file, "prior", labels.size());
            return new TextCnnClassifier(config, labels, words, file.vocabularyCounts(), net, prior);
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new IOException(file.source() + ": not a valid textcnn model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code conv.weight} (W·F, D). A multichannel model written before each filter had its own weights per
     * channel holds (W·F, E): one filter applied to both channels, the same as those weights in both halves.
     *
     * @throws IllegalArgumentException for another shape
     */
    static void readConvWeights(Tensor t, CnnNet net) {
        if (net.channels == 2 && java.util.Arrays.equals(t.shape(), new int[] {net.convRows, net.dim})) {
            float[] shared = t.toArray();
            for (int r = 0; r < net.convRows; r++) {
                System.arraycopy(shared, r * net.dim, net.convW, r * net.inDim, net.dim);
                System.arraycopy(shared, r * net.dim, net.convW, r * net.inDim + net.dim, net.dim);
            }
            return;
        }
        if (!java.util.Arrays.equals(t.shape(), new int[] {net.convRows, net.inDim})) {
            throw new IllegalArgumentException("tensor \"conv.weight\" has shape " + java.util.Arrays.toString(t.shape())
                    + ", the config expects " + java.util.Arrays.toString(new int[] {net.convRows, net.inDim}));
        }
        copy(t.toArray(), net.convW);
    }

    private static float[] tensor(ModelFile file, String name, int... shape) {
        Tensor t = file.tensor(name);
        if (!java.util.Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("tensor \"" + name + "\" has shape " + java.util.Arrays.toString(t.shape())
                    + ", the config expects " + java.util.Arrays.toString(shape));
        }
        return t.toArray();
    }

    private static void copy(float[] from, float[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }
}
