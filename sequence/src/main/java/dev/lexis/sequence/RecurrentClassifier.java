package dev.lexis.sequence;

import dev.lexis.classify.Prediction;
import dev.lexis.classify.ScoredLabel;
import dev.lexis.classify.TextAnalyzer;
import dev.lexis.classify.TextClassifier;
import dev.lexis.nn.Ops;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.io.ModelFile;
import dev.lexis.nn.rnn.RecurrentConfig;
import dev.lexis.nn.rnn.RecurrentStack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sentence classifier on a recurrent encoder: word embeddings → (Bi)LSTM / GRU / RNN → max-pool over the
 * tokens (or the final states) → dropout → softmax. Behind the {@link TextClassifier} API, so
 * {@code TextClassifiers.train("bilstm", ...)} and {@code lexis classify train --model bilstm} work like TextCNN.
 * Immutable and thread-safe.
 */
public final class RecurrentClassifier implements TextClassifier {
    /** The model-file kind of every recurrent classifier. */
    public static final String KIND = "rnn-classifier";
    private static final int PREDICT_BATCH = 64;

    private final RecurrentClassifierConfig config;
    private final TextAnalyzer analyzer;
    private final List<String> words;
    private final Map<String, Integer> wordIds;
    private final List<String> labels;
    private final float[] prior;
    final Network network;
    private final ThreadLocal<Tape> tapes = ThreadLocal.withInitial(() -> new Tape().setTraining(false));

    RecurrentClassifier(RecurrentClassifierConfig config, List<String> words, List<String> labels, float[] prior,
                        Network network) {
        this.config = config;
        this.analyzer = TextAnalyzer.of(config.analyzer());
        this.words = List.copyOf(words);
        Map<String, Integer> ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            ids.putIfAbsent(words.get(i), i);
        }
        this.wordIds = Collections.unmodifiableMap(ids);
        this.labels = List.copyOf(labels);
        this.prior = prior.clone();
        this.network = network;
    }

    /** The network: embedding → recurrent stack → pooling → dropout → dense. */
    static final class Network {
        final RecurrentClassifierConfig config;
        final Parameter embedding;
        final RecurrentStack stack;
        final Parameter outputWeight;
        final Parameter outputBias;

        Network(RecurrentClassifierConfig config, Parameter embedding, RecurrentStack stack, Parameter outputWeight,
                Parameter outputBias) {
            this.config = config;
            this.embedding = embedding;
            this.stack = stack;
            this.outputWeight = outputWeight;
            this.outputBias = outputBias;
        }

        static RecurrentConfig recurrent(RecurrentClassifierConfig c) {
            return new RecurrentConfig(c.cell(), c.embeddingDim(), c.hiddenSize(), c.layers(), c.bidirectional(),
                    c.dropout(), 0);
        }

        static Network create(RecurrentClassifierConfig c, int vocabularySize, int classes, SplittableRandom random) {
            Tensor e = Tensor.zeros(vocabularySize, c.embeddingDim());
            float[] ed = e.data();
            for (int i = 0; i < ed.length; i++) {
                ed[i] = (float) ((2 * random.nextDouble() - 1) * 0.1);
            }
            RecurrentConfig rc = recurrent(c);
            RecurrentStack stack = RecurrentStack.create("rnn", rc, random);
            Tensor w = Tensor.zeros(rc.outputSize(), classes);
            float bound = (float) Math.sqrt(6.0 / (rc.outputSize() + classes));
            float[] wd = w.data();
            for (int i = 0; i < wd.length; i++) {
                wd[i] = (float) ((2 * random.nextDouble() - 1) * bound);
            }
            return new Network(c, Parameter.sparseRows("embedding", e), stack, Parameter.dense("output.weight", w),
                    Parameter.dense("output.bias", Tensor.zeros(classes)));
        }

        List<Parameter> parameters() {
            List<Parameter> all = new ArrayList<>();
            all.add(embedding);
            all.addAll(stack.parameters());
            all.add(outputWeight);
            all.add(outputBias);
            return all;
        }

        /** Logits (batch, classes) for a time-major batch of word ids (−1 padding), lengths longest first. */
        Var logits(Tape tape, int[] ids, int batch, int steps, int[] lengths) {
            Var x = Ops.embedding(tape.param(embedding), ids, batch * steps, 0);
            x = Ops.dropout(x, config.dropout());
            Var h = stack.forward(x, batch, lengths);
            Var pooled = config.pooling().pool(h, batch, lengths, config.bidirectional());
            pooled = Ops.dropout(pooled, config.dropout());
            return Ops.linear(pooled, tape.param(outputWeight), tape.param(outputBias));
        }
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
        return config.analyzer();
    }

    @Override
    public Map<String, String> config() {
        return config.toProperties();
    }

    public RecurrentClassifierConfig recurrentConfig() {
        return config;
    }

    /** The word ids of a text: its tokens, cut at maxTokens, unknown words as 0 ({@code <unk>}). */
    int[] encode(String text) {
        List<String> tokens = analyzer.tokens(text);
        int n = Math.min(tokens.size(), config.maxTokens());
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            Integer id = wordIds.get(tokens.get(i));
            ids[i] = id == null ? 0 : id;
        }
        return ids;
    }

    @Override
    public Prediction predict(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        return predictAll(List.of(text)).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<String> texts) {
        int n = texts.size();
        int[][] encoded = new int[n][];
        for (int i = 0; i < n; i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("text " + i + " is null");
            }
            encoded[i] = encode(texts.get(i));
        }
        float[][] probabilities = probabilities(encoded);
        List<Prediction> out = new ArrayList<>(n);
        for (float[] p : probabilities) {
            out.add(prediction(p));
        }
        return out;
    }

    private Prediction prediction(float[] p) {
        List<ScoredLabel> ranked = new ArrayList<>(labels.size());
        for (int c = 0; c < labels.size(); c++) {
            ranked.add(new ScoredLabel(labels.get(c), p[c]));
        }
        ranked.sort((a, b) -> {
            int byP = Double.compare(b.probability(), a.probability());
            return byP != 0 ? byP : a.label().compareTo(b.label());
        });
        return new Prediction(ranked);
    }

    /** Softmax probabilities per text (the training prior for a text without tokens). */
    float[][] probabilities(int[][] encoded) {
        int n = encoded.length;
        float[][] out = new float[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(encoded[b].length, encoded[a].length));
        Tape tape = tapes.get();
        int classes = labels.size();
        for (int start = 0; start < n; start += PREDICT_BATCH) {
            int end = Math.min(n, start + PREDICT_BATCH);
            int live = 0;
            while (start + live < end && encoded[order[start + live]].length > 0) {
                live++;
            }
            for (int i = start + live; i < end; i++) {
                out[order[i]] = prior.clone();
            }
            if (live == 0) {
                continue;
            }
            int steps = encoded[order[start]].length;
            int[] ids = new int[live * steps];
            int[] lengths = new int[live];
            fill(encoded, order, start, live, steps, ids, lengths);
            tape.reset();
            Var logits = network.logits(tape, ids, live, steps, lengths);
            float[] d = logits.value().data();
            int off = logits.value().offset();
            for (int b = 0; b < live; b++) {
                float[] p = new float[classes];
                softmax(d, off + b * classes, p, classes);
                out[order[start + b]] = p;
            }
        }
        tape.reset();
        return out;
    }

    private static void softmax(float[] x, int off, float[] p, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, x[off + c]);
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += Math.exp(x[off + c] - max);
        }
        for (int c = 0; c < n; c++) {
            p[c] = (float) (Math.exp(x[off + c] - max) / sum);
        }
    }

    static void fill(int[][] encoded, Integer[] order, int start, int batch, int steps, int[] ids, int[] lengths) {
        for (int b = 0; b < batch; b++) {
            int[] e = encoded[order[start + b]];
            lengths[b] = e.length;
            for (int t = 0; t < steps; t++) {
                ids[t * batch + b] = t < e.length ? e[t] : -1;
            }
        }
    }

    @Override
    public void save(Path file) throws IOException {
        ModelFile.builder(KIND).config(config.toProperties())
                .vocabulary(words, new long[words.size()])
                .strings("labels", labels)
                .tensor("prior", Tensor.of(prior.clone(), prior.length))
                .parameters(network.parameters())
                .build().save(file);
    }

    /**
     * Reads a recurrent classifier.
     *
     * @throws IOException naming the file when it is not a Lexis model file, holds another kind of model, or is
     *                     inconsistent
     */
    public static RecurrentClassifier load(Path file) throws IOException {
        return fromModelFile(ModelFile.load(file, KIND));
    }

    static RecurrentClassifier fromModelFile(ModelFile m) throws IOException {
        try {
            RecurrentClassifierConfig config = RecurrentClassifierConfig.fromProperties(m.config());
            Map<String, Parameter> byName = new HashMap<>();
            for (String name : m.tensorNames()) {
                byName.put(name, name.equals("embedding") ? Parameter.sparseRows(name, m.tensor(name))
                        : Parameter.dense(name, m.tensor(name)));
            }
            var lookup = RecurrentStack.lookup(byName);
            Network network = new Network(config, lookup.apply("embedding"),
                    RecurrentStack.of("rnn", Network.recurrent(config), lookup), lookup.apply("output.weight"),
                    lookup.apply("output.bias"));
            List<String> labels = m.strings("labels");
            float[] prior = m.tensor("prior").toArray();
            if (prior.length != labels.size() || network.outputBias.value().size() != labels.size()
                    || network.embedding.value().dim(0) != m.vocabularySize()) {
                throw new IOException(m.source() + ": inconsistent recurrent classifier (labels, prior, output and "
                        + "vocabulary sizes differ)");
            }
            return new RecurrentClassifier(config, m.vocabularyWords(), labels, prior, network);
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new IOException(m.source() + ": not a valid recurrent classifier: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RecurrentClassifier[" + (config.bidirectional() ? "bi" : "") + config.cell().key() + ", "
                + config.layers() + " x " + config.hiddenSize() + ", " + config.pooling().key() + " pooling, "
                + words.size() + " words, labels " + labels + "]";
    }
}
