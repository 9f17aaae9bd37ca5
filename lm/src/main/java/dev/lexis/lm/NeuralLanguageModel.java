package dev.lexis.lm;

import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A trained neural network language model (Bengio, Ducharme, Vincent and Jauvin 2003, "A Neural
 * Probabilistic Language Model", JMLR 3): p(w_t | w_{t−n+1} … w_{t−1}) = softmax(b + W x + U tanh(d + H x)),
 * x the concatenated feature vectors C(w) of the n − 1 context words; with hierarchical softmax the output
 * is a product of binary decisions along the word's path in a Huffman tree (Morin and Bengio 2005, with
 * word2vec's tree).
 *
 * <p>Optionally (an extension beyond Bengio et al.; {@link NnlmConfig#fofe()}) x has one more block, the
 * fixed-size ordinally-forgetting encoding of the longer history projected by C, Σ_{k&lt;K} α^k C(w_{t−1−k})
 * (Zhang, Jiang, Xu, Hou and Dai 2015, "The Fixed-Size Ordinally-Forgetting Encoding Method for Neural
 * Network Language Models", ACL), so that a feed-forward model sees K previous words, not only n − 1.
 *
 * <p>Immutable and thread-safe: queries allocate their own scratch. Evaluation of long texts uses
 * {@code threads} worker threads (default: the config's).
 */
public final class NeuralLanguageModel implements LanguageModel {
    /** The model-file kind. */
    public static final String KIND = "nnlm";
    private static final int EVAL_ROWS = 128;

    private final NnlmConfig config;
    private final LmVocabulary vocabulary;
    private final NnlmWeights weights;
    private final Map<String, String> provenance;

    NeuralLanguageModel(NnlmConfig config, LmVocabulary vocabulary, NnlmWeights weights,
                        Map<String, String> provenance) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.provenance = Map.copyOf(provenance);
    }

    /** The configuration it was trained with. */
    public NnlmConfig config() {
        return config;
    }

    /**
     * The same model (sharing its weights) evaluating long texts on {@code threads} threads.
     *
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public NeuralLanguageModel withThreads(int threads) {
        return new NeuralLanguageModel(config.withThreads(threads), vocabulary, weights, provenance);
    }

    /** Training facts kept in the model file (e.g. {@code train.file}, {@code train.valid_perplexity}). */
    public Map<String, String> provenance() {
        return provenance;
    }

    @Override
    public LmVocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int order() {
        return config.order();
    }

    /** n − 1, or with a FOFE input the longer of n − 1 and the FOFE window K. */
    @Override
    public int historySize() {
        return config.historySize();
    }

    NnlmWeights weights() {
        return weights;
    }

    /** The feature vector C(w) of a word id (a copy of m values). */
    public float[] embedding(int id) {
        vocabulary.word(id);
        float[] e = new float[config.embeddingDim()];
        System.arraycopy(weights.c, id * e.length, e, 0, e.length);
        return e;
    }

    @Override
    public double[] logProbabilities(int[] ids) {
        return logProbabilities(ids, config.threads());
    }

    /** {@link #logProbabilities(int[])} on {@code threads} threads. */
    public double[] logProbabilities(int[] ids, int threads) {
        LmFiles.checkIds(ids, vocabulary.size());
        return logProbabilities(weights, ids, threads);
    }

    static double[] logProbabilities(NnlmWeights weights, int[] ids, int threads) {
        double[] out = new double[ids.length];
        int chunks = (ids.length + EVAL_ROWS - 1) / EVAL_ROWS;
        int workers = Math.max(1, Math.min(threads, chunks));
        if (workers == 1) {
            evaluateRange(weights, ids, out, 0, chunks, 1);
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "nnlm-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int wkr = 0; wkr < workers; wkr++) {
                int first = wkr;
                futures.add(pool.submit(() -> evaluateRange(weights, ids, out, first, chunks, workers)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static void evaluateRange(NnlmWeights weights, int[] ids, double[] out, int first, int chunks, int step) {
        NnlmWorker worker = new NnlmWorker(weights, OutputKernel.get(), EVAL_ROWS, false);
        for (int ch = first; ch < chunks; ch += step) {
            int from = ch * EVAL_ROWS;
            int rows = Math.min(EVAL_ROWS, ids.length - from);
            for (int r = 0; r < rows; r++) {
                worker.load(r, ids, from + r);
            }
            worker.evaluate(rows);
            System.arraycopy(worker.logp, 0, out, from, rows);
        }
    }

    @Override
    public double[] nextDistribution(int[] context) {
        LmFiles.checkIds(context, vocabulary.size());
        NnlmWorker worker = new NnlmWorker(weights, OutputKernel.get(), 1, false);
        worker.loadContext(0, context, 0);
        int v = vocabulary.size();
        double[] p = new double[v];
        if (!weights.hs) {
            float[] y = worker.scores(1);
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < v; i++) {
                max = Math.max(max, y[i]);
            }
            double sum = 0;
            for (int i = 0; i < v; i++) {
                p[i] = Math.exp(y[i] - max);
                sum += p[i];
            }
            for (int i = 0; i < v; i++) {
                p[i] /= sum;
            }
            return p;
        }
        float[] s = worker.innerNodeProbabilities();
        for (int w = 0; w < v; w++) {
            double q = 1;
            for (int j = weights.offsets[w]; j < weights.offsets[w + 1]; j++) {
                double sj = s[weights.points[j]];
                q *= weights.codes[j] == 0 ? sj : 1 - sj;
            }
            p[w] = q;
        }
        return p;
    }

    @Override
    public void save(Path file) throws IOException {
        toModelFile(Map.of()).save(file);
    }

    ModelFile toModelFile(Map<String, String> extraConfig) {
        return toModelFile(config, vocabulary, weights, provenance, extraConfig, Map.of());
    }

    static ModelFile toModelFile(NnlmConfig config, LmVocabulary vocabulary, NnlmWeights w,
                                 Map<String, String> provenance, Map<String, String> extraConfig,
                                 Map<String, Tensor> extraTensors) {
        ModelFile.Builder b = ModelFile.builder(KIND).config(config.toProperties()).config(provenance)
                .config(extraConfig).vocabulary(vocabulary.words(), vocabulary.counts());
        b.tensor("C", Tensor.of(w.c.clone(), w.vocab, w.dim));
        b.tensor("H", Tensor.of(w.h.clone(), w.in, w.hidden));
        b.tensor("d", Tensor.of(w.d.clone(), w.hidden));
        int rows = w.outRows();
        float[] u = new float[rows * w.k];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < w.k; j++) {
                u[r * w.k + j] = w.outWeight(r, j);
            }
        }
        b.tensor("U", Tensor.of(u, rows, w.k));
        b.tensor("b", Tensor.of(java.util.Arrays.copyOf(w.outBias, rows), rows));
        extraTensors.forEach(b::tensor);
        return b.build();
    }

    /**
     * Reads an NNLM model file (or a training checkpoint, which is one too).
     *
     * @throws IOException if it cannot be read, is damaged or holds another kind of model
     */
    public static NeuralLanguageModel load(Path file) throws IOException {
        return fromModelFile(ModelFile.load(file, KIND));
    }

    static NeuralLanguageModel fromModelFile(ModelFile file) {
        NnlmConfig config = NnlmConfig.fromProperties(file.config());
        LmVocabulary vocabulary = LmFiles.vocabulary(file);
        NnlmWeights w = readWeights(file, config, vocabulary);
        Map<String, String> provenance = new java.util.TreeMap<>();
        file.config().forEach((k, v) -> {
            if (k.startsWith("model.")) {
                provenance.put(k, v);
            }
        });
        return new NeuralLanguageModel(config, vocabulary, w, provenance);
    }

    static NnlmWeights readWeights(ModelFile file, NnlmConfig config, LmVocabulary vocabulary) {
        NnlmWeights w = new NnlmWeights(config, vocabulary, OutputKernel.get());
        copy(file, "C", w.c, w.vocab, w.dim);
        copy(file, "H", w.h, w.in, w.hidden);
        copy(file, "d", w.d, w.hidden);
        int rows = w.outRows();
        float[] u = new float[rows * w.k];
        copy(file, "U", u, rows, w.k);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < w.k; j++) {
                w.setOutWeight(r, j, u[r * w.k + j]);
            }
        }
        float[] bias = new float[rows];
        copy(file, "b", bias, rows);
        System.arraycopy(bias, 0, w.outBias, 0, rows);
        return w;
    }

    static void copy(ModelFile file, String name, float[] into, int... shape) {
        Tensor t = file.tensor(name);
        if (!java.util.Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException(file.source() + ": tensor \"" + name + "\" has shape "
                    + java.util.Arrays.toString(t.shape()) + ", the config needs " + java.util.Arrays.toString(shape));
        }
        System.arraycopy(t.data(), t.offset(), into, 0, into.length);
    }

    @Override
    public String toString() {
        return "NeuralLanguageModel[n=" + order() + ", " + vocabulary.size() + " words, m=" + config.embeddingDim()
                + ", h=" + config.hiddenSize() + (config.direct() ? ", direct" : "")
                + (config.hasFofe() ? ", fofe=" + config.fofe() + " K=" + config.effectiveFofeWindow() : "") + ", "
                + config.outputLayer().key() + "]";
    }
}
