package dev.lexis.sequence;

import dev.lexis.classify.PretrainedVectors;
import dev.lexis.classify.TextAnalyzer;
import dev.lexis.classify.TextClassifier;
import dev.lexis.classify.TextClassifierFactory;
import dev.lexis.classify.TrainingListener;
import dev.lexis.corpora.LabelledText;
import dev.lexis.nn.Gradients;
import dev.lexis.nn.Losses;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.io.ModelFile;
import dev.lexis.nn.optim.Optimizer;
import dev.lexis.nn.rnn.CellKind;
import dev.lexis.nn.train.TrainingDivergedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a {@link RecurrentClassifier}: batches of texts of similar length (order shuffled each epoch), Adam with
 * gradient-norm clipping, data-parallel workers, early stopping on dev accuracy (the best epoch is kept).
 */
public final class RecurrentClassifierTrainer {
    private final RecurrentClassifierConfig config;

    public RecurrentClassifierTrainer(RecurrentClassifierConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /**
     * @throws IllegalArgumentException for fewer than two labels or a training text without tokens (naming it)
     * @throws IOException              when the pre-trained vectors cannot be read
     */
    public RecurrentClassifier train(List<LabelledText> train, List<LabelledText> dev, TrainingListener listener)
            throws IOException {
        RecurrentClassifierConfig cfg = config;
        TextAnalyzer analyzer = TextAnalyzer.of(cfg.analyzer());
        TreeSet<String> labelSet = new TreeSet<>();
        Map<String, Integer> counts = new HashMap<>();
        List<List<String>> tokenized = new ArrayList<>(train.size());
        for (LabelledText t : train) {
            List<String> tokens = analyzer.tokens(t.text());
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException(t.where() + ": the text has no tokens after the " + cfg.analyzer()
                        + " analyzer: \"" + t.text() + "\"");
            }
            tokenized.add(tokens);
            labelSet.add(t.label());
            for (String w : tokens) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        if (labelSet.size() < 2) {
            throw new IllegalArgumentException("need at least two labels to train a classifier, got " + labelSet);
        }
        List<String> labels = new ArrayList<>(labelSet);
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Comparator.naturalOrder()));
        words.add(0, TokenEncoder.UNKNOWN);
        PretrainedVectors vectors = null;
        if (!cfg.embeddings().isEmpty() && !cfg.mode().equals("rand")) {
            vectors = PretrainedVectors.read(Path.of(cfg.embeddings()), counts::containsKey);
            if (vectors.dim() != cfg.embeddingDim()) {
                cfg = cfg.with("embeddingDim", Integer.toString(vectors.dim()));
            }
        }
        SplittableRandom random = new SplittableRandom(cfg.seed());
        RecurrentClassifier.Network network = RecurrentClassifier.Network.create(cfg, words.size(), labels.size(), random);
        if (vectors != null) {
            float[] e = network.embedding.value().data();
            for (int id = 1; id < words.size(); id++) {
                Optional<float[]> v = vectors.vector(words.get(id));
                if (v.isPresent()) {
                    System.arraycopy(v.get(), 0, e, id * cfg.embeddingDim(), cfg.embeddingDim());
                }
            }
            network.embedding.setTrainable(!cfg.mode().equals("static"));
        }
        Map<String, Integer> labelIds = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIds.put(labels.get(i), i);
        }
        float[] prior = new float[labels.size()];
        for (LabelledText t : train) {
            prior[labelIds.get(t.label())] += 1f / train.size();
        }
        RecurrentClassifier model = new RecurrentClassifier(cfg, words, labels, prior, network);
        List<Example> examples = new ArrayList<>(train.size());
        for (LabelledText t : train) {
            examples.add(new Example(model.encode(t.text()), labelIds.get(t.label())));
        }
        new Run(cfg, network, examples).loop(model, dev, listener);
        return new RecurrentClassifier(cfg, words, labels, prior, network);
    }

    private record Example(int[] ids, int label) {
    }

    private static final class Run {
        private final RecurrentClassifierConfig cfg;
        private final RecurrentClassifier.Network network;
        private final List<Example> data;
        private final List<Parameter> parameters;
        private final Optimizer optimizer;
        private final Tape[] tapes;

        Run(RecurrentClassifierConfig cfg, RecurrentClassifier.Network network, List<Example> data) {
            this.cfg = cfg;
            this.network = network;
            this.data = data;
            this.parameters = network.parameters();
            this.optimizer = Optimizer.adam(parameters, cfg.learningRate());
            if (cfg.clipNorm() > 0) {
                optimizer.setClipNorm(cfg.clipNorm());
            }
            int n = Math.max(1, Math.min(cfg.threads(), cfg.batchSize()));
            tapes = new Tape[n];
            for (int w = 0; w < n; w++) {
                tapes[w] = n == 1 ? new Tape() : new Tape(new Gradients());
            }
        }

        void loop(RecurrentClassifier model, List<LabelledText> dev, TrainingListener listener) {
            ExecutorService pool = tapes.length == 1 ? null : Executors.newFixedThreadPool(tapes.length - 1, r -> {
                Thread t = new Thread(r, "lexis-rnn-classifier");
                t.setDaemon(true);
                return t;
            });
            try {
                Map<String, Tensor> best = new HashMap<>();
                double bestAccuracy = Double.NEGATIVE_INFINITY;
                int sinceBest = 0;
                long step = 0;
                for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
                    List<Example> order = new ArrayList<>(data);
                    Random random = new Random(cfg.seed() * 1_000_003L + epoch);
                    Collections.shuffle(order, random);
                    order.sort(Comparator.comparingInt((Example e) -> e.ids().length).reversed());
                    List<List<Example>> batches = new ArrayList<>();
                    for (int i = 0; i < order.size(); i += cfg.batchSize()) {
                        batches.add(order.subList(i, Math.min(order.size(), i + cfg.batchSize())));
                    }
                    Collections.shuffle(batches, random);
                    long start = System.nanoTime();
                    double lossSum = 0;
                    for (List<Example> batch : batches) {
                        step++;
                        double loss = step(batch, pool, step);
                        if (!Double.isFinite(loss)) {
                            throw new TrainingDivergedException(epoch, step, (float) loss,
                                    optimizer.currentLearningRate(), null);
                        }
                        optimizer.step();
                        optimizer.zeroGrad();
                        lossSum += loss * batch.size();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double devAccuracy = Double.NaN;
                    boolean isBest = true;
                    if (!dev.isEmpty()) {
                        devAccuracy = model.evaluate(dev).accuracy();
                        isBest = devAccuracy > bestAccuracy;
                        if (isBest) {
                            bestAccuracy = devAccuracy;
                            sinceBest = 0;
                            for (Parameter p : parameters) {
                                best.put(p.name(), p.value().copy());
                            }
                        } else {
                            sinceBest++;
                        }
                    }
                    listener.onEpoch(new TrainingListener.EpochReport(epoch, cfg.epochs(), lossSum / data.size(),
                            devAccuracy, data.size() / seconds, isBest));
                    if (cfg.patience() > 0 && sinceBest >= cfg.patience()) {
                        break;
                    }
                }
                if (!best.isEmpty()) {
                    for (Parameter p : parameters) {
                        p.value().copyFrom(best.get(p.name()));
                    }
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        private double step(List<Example> batch, ExecutorService pool, long step) {
            int n = Math.min(tapes.length, batch.size());
            List<Future<Double>> futures = new ArrayList<>();
            for (int w = 1; w < n; w++) {
                int worker = w;
                futures.add(pool.submit(() -> part(worker, n, batch, step)));
            }
            double loss = part(0, n, batch, step);
            for (Future<Double> f : futures) {
                try {
                    loss += f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while training", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            if (n > 1) {
                for (int w = 0; w < n; w++) {
                    tapes[w].gradients().addToParameters();
                    tapes[w].gradients().zero();
                }
            }
            return loss;
        }

        /** Worker w's share (examples w, w + n, ...) of the batch; returns its share of the mean loss. */
        private double part(int w, int n, List<Example> batch, long step) {
            List<Example> mine = new ArrayList<>();
            for (int i = w; i < batch.size(); i += n) {
                mine.add(batch.get(i));
            }
            int size = mine.size();
            int steps = mine.get(0).ids().length;
            int[] ids = new int[size * steps];
            int[] lengths = new int[size];
            int[] targets = new int[size];
            for (int b = 0; b < size; b++) {
                int[] e = mine.get(b).ids();
                lengths[b] = e.length;
                targets[b] = mine.get(b).label();
                for (int t = 0; t < steps; t++) {
                    ids[t * size + b] = t < e.length ? e[t] : -1;
                }
            }
            Tape tape = tapes[w];
            tape.reset();
            tape.setTraining(true);
            tape.setSeed(cfg.seed() * 31 + step * 7 + w);
            Var loss = Losses.softmaxCrossEntropy(network.logits(tape, ids, size, steps, lengths), targets);
            float share = (float) size / batch.size();
            tape.backward(loss, Tensor.of(new float[] {share}, 1));
            return loss.item() * share;
        }
    }

    /**
     * The {@code TextClassifier} plug-in for one cell and direction ({@code bilstm}, {@code lstm}, {@code bigru},
     * {@code gru}); all share the model kind {@value RecurrentClassifier#KIND}.
     */
    public abstract static class Factory implements TextClassifierFactory {
        private final String name;
        private final CellKind cell;
        private final boolean bidirectional;

        Factory(String name, CellKind cell, boolean bidirectional) {
            this.name = name;
            this.cell = cell;
            this.bidirectional = bidirectional;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String kind() {
            return RecurrentClassifier.KIND;
        }

        @Override
        public String description() {
            return (bidirectional ? "bidirectional " : "") + cell.name() + " over the words, max-pooled, softmax";
        }

        @Override
        public TextClassifier train(Map<String, String> options, List<LabelledText> train, List<LabelledText> dev,
                                    TrainingListener listener) throws IOException {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("cell", cell.key());
            o.put("bidirectional", Boolean.toString(bidirectional));
            o.putAll(options);
            return new RecurrentClassifierTrainer(RecurrentClassifierConfig.fromProperties(o)).train(train, dev, listener);
        }

        @Override
        public TextClassifier load(ModelFile file) throws IOException {
            return RecurrentClassifier.fromModelFile(file);
        }
    }

    /** {@code --model bilstm}. */
    public static final class BiLstm extends Factory {
        public BiLstm() {
            super("bilstm", CellKind.LSTM, true);
        }
    }

    /** {@code --model lstm}. */
    public static final class Lstm extends Factory {
        public Lstm() {
            super("lstm", CellKind.LSTM, false);
        }
    }

    /** {@code --model bigru}. */
    public static final class BiGru extends Factory {
        public BiGru() {
            super("bigru", CellKind.GRU, true);
        }
    }

    /** {@code --model gru}. */
    public static final class Gru extends Factory {
        public Gru() {
            super("gru", CellKind.GRU, false);
        }
    }
}
