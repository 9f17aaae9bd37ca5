package dev.lexis.cli.classify;

import dev.lexis.classify.CrossValidation;
import dev.lexis.classify.Evaluation;
import dev.lexis.classify.TextClassifier;
import dev.lexis.classify.TextClassifierFactory;
import dev.lexis.classify.TextClassifiers;
import dev.lexis.classify.TrainingListener;
import dev.lexis.cli.Subcommand;
import dev.lexis.corpora.LabelledText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/** {@code lexis classify train}: trains a classifier, optionally tests it or cross-validates. */
@Command(name = "train",
        description = {"Trains a text classifier and writes it to --output.",
                "Without --dev, a stratified --dev-fraction of the training data is held out to pick the best epoch.",
                "With --test the last stdout line is: accuracy=... macro_f1=... n=N; with --folds K (stratified "
                        + "cross-validation on --train) it is: accuracy=MEAN accuracy_std=... macro_f1=... folds=K.",
                "Example: lexis classify train --train trec/train.csv --test trec/test.csv --output trec.lexis --epochs 10"})
public final class ClassifyTrainCommand extends Subcommand {

    @Option(names = "--train", required = true, paramLabel = "CSV", description = "Training data.")
    Path train;

    @Option(names = "--dev", paramLabel = "CSV", description = "Dev data for early stopping (the best dev epoch is kept).")
    Path dev;

    @Option(names = "--test", paramLabel = "CSV", group = "evaluate", description = "Test data, evaluated after training.")
    Path test;

    @Option(names = "--folds", paramLabel = "K", group = "evaluate", description = "Stratified K-fold cross-validation on --train instead.")
    Integer folds;

    @Option(names = "--max-folds", defaultValue = "0", paramLabel = "N", description = "With --folds: run only the first N folds (0 = all).")
    int maxFolds;

    @Option(names = "--output", paramLabel = "MODEL", description = "Model file to write (required unless --folds; with --folds, a final model on all of --train).")
    Path output;

    @Option(names = "--model", defaultValue = "textcnn", paramLabel = "NAME", description = "Classifier: textcnn, fasttext, or another registered model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--mode", paramLabel = "MODE", description = "TextCNN input: rand, static, non-static or multichannel (default: rand; the last three need --embeddings).")
    String mode;

    @Option(names = "--embeddings", paramLabel = "VECTORS", description = "Pre-trained word vectors (word2vec text, or binary if the name ends in .bin).")
    Path embeddings;

    @Option(names = "--dim", paramLabel = "D", description = "Embedding dimension (default: from --embeddings, else 300 for textcnn, 100 for fasttext).")
    Integer dim;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (default: 25 textcnn, 5 fasttext).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", description = "Mini-batch size (textcnn; default 50).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 1.0 Adadelta for textcnn, 0.1 SGD for fasttext).")
    Double lr;

    @Option(names = "--analyzer", paramLabel = "SPEC", description = "Tokenizer: kim, kim-cased, whitespace, lowercase or a tokenize spec such as standard (default: kim).")
    String analyzer;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed.")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other model option, e.g. --set featureMaps=200 --set wordNgrams=2.")
    Map<String, String> extra = new LinkedHashMap<>();

    @Option(names = "--dev-fraction", defaultValue = "0.1", paramLabel = "F", description = "Without --dev: hold out this fraction of --train as dev; 0 = none (default: ${DEFAULT-VALUE}).")
    double devFraction;

    @Option(names = "--label-column", defaultValue = "label", paramLabel = "COLUMN", description = "CSV label column: a header name or a 0-based index (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--text-column", defaultValue = "text", paramLabel = "COLUMN", description = "CSV text column: a header name or a 0-based index (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Override
    public Integer call() throws Exception {
        if (output == null && folds == null) {
            throw new UsageException("--output MODEL is required (unless --folds)");
        }
        if (devFraction < 0 || devFraction >= 1) {
            throw new UsageException("--dev-fraction must be in [0, 1), got " + devFraction);
        }
        TextClassifierFactory factory;
        try {
            factory = TextClassifiers.factory(model);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
        Map<String, String> options = options();
        long start = System.nanoTime();
        if (verbose()) {      // the JVM's start, the command line's parsing and the class loading so far
            detail(String.format(Locale.ROOT, "started %.2f s after the JVM",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
        }
        List<LabelledText> trainData = ClassifyCommand.read(train, labelColumn, textColumn);
        List<LabelledText> devData = dev == null ? List.of() : ClassifyCommand.read(dev, labelColumn, textColumn);
        List<LabelledText> testData = test == null ? List.of() : ClassifyCommand.read(test, labelColumn, textColumn);
        long splitSeed = seed == null ? 1 : seed;
        detail(String.format(Locale.ROOT, "read the CSV files in %.2f s", (System.nanoTime() - start) / 1e9));
        note(String.format(Locale.ROOT, "%s %s: %d training examples%s", model, options, trainData.size(),
                devData.isEmpty() ? "" : ", " + devData.size() + " dev"));
        if (folds != null) {
            List<CrossValidation.Fold> all = CrossValidation.stratifiedFolds(trainData, folds, splitSeed);
            int run = maxFolds > 0 ? Math.min(maxFolds, all.size()) : all.size();
            List<Double> accuracies = new ArrayList<>();
            double f1Sum = 0;
            for (CrossValidation.Fold fold : all.subList(0, run)) {
                List<List<LabelledText>> parts = split(fold.train(), devData, splitSeed + fold.index());
                TextClassifier c = factory.train(options, parts.get(0), parts.get(1),
                        listener("fold " + (fold.index() + 1) + " "));
                Evaluation e = c.evaluate(fold.test());
                accuracies.add(e.accuracy());
                f1Sum += e.macroF1();
                out().println(String.format(Locale.ROOT, "fold %d %s", fold.index() + 1, e.summary()));
                out().flush();
            }
            double mean = accuracies.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = accuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).average().orElse(0);
            if (output != null) {
                List<List<LabelledText>> parts = split(trainData, devData, splitSeed);
                factory.train(options, parts.get(0), parts.get(1), listener("final ")).save(output);
                note("model written to " + output);
            }
            out().println(String.format(Locale.ROOT, "accuracy=%.4f accuracy_std=%.4f macro_f1=%.4f folds=%d",
                    mean, Math.sqrt(var), f1Sum / run, run));
            return 0;
        }
        List<List<LabelledText>> parts = split(trainData, devData, splitSeed);
        long t0 = System.nanoTime();
        TextClassifier c = factory.train(options, parts.get(0), parts.get(1), listener(""));
        double seconds = (System.nanoTime() - t0) / 1e9;
        // the model file is written (mostly waiting for the disk) while the test set is evaluated (CPU)
        long t1 = System.nanoTime();
        double[] saveSeconds = new double[1];
        FutureTask<Void> save = new FutureTask<>(() -> {
            c.save(output);
            saveSeconds[0] = (System.nanoTime() - t1) / 1e9;
            return null;
        });
        Thread saver = new Thread(save, "lexis-save-model");
        saver.start();
        Evaluation e = testData.isEmpty() ? null : c.evaluate(testData);
        double testSeconds = (System.nanoTime() - t1) / 1e9;
        try {
            save.get();
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw ex;
        }
        detail(String.format(Locale.ROOT, "saved the model in %.2f s", saveSeconds[0]));
        note(String.format(Locale.ROOT, "trained in %.1f s; model written to %s", seconds, output));
        if (e != null) {
            detail(String.format(Locale.ROOT, "tested in %.2f s (while the model was written)", testSeconds));
            out().println(e.report());
        } else {
            out().println("model=" + output + " labels=" + c.labels().size());
        }
        return 0;
    }

    /** Epoch reports and setup notes on stderr, each line after {@code prefix}. */
    private TrainingListener listener(String prefix) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                note(prefix + report);
            }

            @Override
            public void onNote(String text) {
                note(prefix + text);
            }
        };
    }

    /** [train, dev]: the given dev set, or a stratified hold-out of --dev-fraction, or none. */
    private List<List<LabelledText>> split(List<LabelledText> data, List<LabelledText> devData, long splitSeed) {
        if (!devData.isEmpty() || devFraction == 0) {
            return List.of(data, devData);
        }
        return CrossValidation.holdOut(data, devFraction, splitSeed);
    }

    private Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        if (mode != null) {
            o.put("mode", mode);
        }
        if (embeddings != null) {
            o.put("embeddings", embeddings.toString());
            if (mode == null) {
                o.put("mode", "non-static");
            }
        }
        put(o, "embeddingDim", dim);
        put(o, "epochs", epochs);
        put(o, "batchSize", batch);
        put(o, "learningRate", lr);
        put(o, "analyzer", analyzer);
        put(o, "threads", threads);
        put(o, "seed", seed);
        o.putAll(extra);
        return o;
    }

    private static void put(Map<String, String> o, String key, Object value) {
        if (value != null) {
            o.put(key, value.toString());
        }
    }
}
