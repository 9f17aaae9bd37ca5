package dev.lexis.bench.classify;

import dev.lexis.classify.CrossValidation;
import dev.lexis.classify.Evaluation;
import dev.lexis.classify.TextClassifier;
import dev.lexis.classify.TextClassifiers;
import dev.lexis.classify.TrainingListener;
import dev.lexis.corpora.CsvOptions;
import dev.lexis.corpora.LabelledCsv;
import dev.lexis.corpora.LabelledText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains and tests a classifier the way the PyTorch reference does, printing one {@code RESULT} line.
 *
 * <pre>
 * ClassifyBench train  --model textcnn|fasttext (--data CSV --folds K [--max-folds N] | --train CSV --test CSV)
 *                      [--dev-fraction 0.1] [--set key=value ...] [--seeds 1,2,3] [--latency]
 * ClassifyBench export --data CSV --folds K --fold I --out DIR     (DIR/train.csv, DIR/test.csv)
 * </pre>
 *
 * The training part's dev set (a stratified tenth, as Kim and the reference) picks the epoch; the test accuracy
 * is that epoch's. {@code train_ex_per_s} = training examples / seconds in training steps (no evaluation), the
 * median over folds, as the reference counts it. {@code --latency} adds the median single-sentence predict time.
 * {@code --seeds} repeats every fold with each seed (the model's seed; the dev split's seed is seed + fold), and
 * the mean and standard deviation are over all runs: on small test sets (TREC: 500 questions) one run's accuracy
 * moves by a point from seed to seed.
 */
public final class ClassifyBench {
    private ClassifyBench() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new HashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String key = args[i].substring(2);
            if (key.equals("latency")) {
                a.put(key, "true");
            } else if (key.equals("set")) {
                String[] kv = args[++i].split("=", 2);
                options.put(kv[0], kv[1]);
            } else {
                a.put(key, args[++i]);
            }
        }
        switch (args[0]) {
            case "export" -> export(a);
            case "train" -> train(a, options);
            default -> throw new IllegalArgumentException("usage: ClassifyBench train|export ...");
        }
    }

    private static void export(Map<String, String> a) throws IOException {
        List<LabelledText> data = read(Path.of(a.get("data")));
        CrossValidation.Fold fold = CrossValidation.stratifiedFolds(data, Integer.parseInt(a.get("folds")), 1)
                .get(Integer.parseInt(a.get("fold")));
        Path out = Path.of(a.get("out"));
        Files.createDirectories(out);
        write(out.resolve("train.csv"), fold.train());
        write(out.resolve("test.csv"), fold.test());
    }

    /** Reads a label,text file as {@code lexis classify} does (empty labels refused, empty texts kept). */
    private static List<LabelledText> read(Path file) {
        return LabelledCsv.of(file, CsvOptions.forClassification("label", "text")).readAll().rows();
    }

    private static void write(Path file, List<LabelledText> rows) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.print("label,text\n");
            for (LabelledText r : rows) {
                w.print(r.label() + ",\"" + r.text().replace("\"", "\"\"") + "\"\n");
            }
        }
    }

    private static void train(Map<String, String> a, Map<String, String> options) throws IOException {
        String model = a.getOrDefault("model", "textcnn");
        double devFraction = Double.parseDouble(a.getOrDefault("dev-fraction", "0.1"));
        List<CrossValidation.Fold> folds = new ArrayList<>();
        String source;
        if (a.containsKey("data")) {
            List<LabelledText> data = read(Path.of(a.get("data")));
            List<CrossValidation.Fold> all = CrossValidation.stratifiedFolds(data, Integer.parseInt(a.get("folds")), 1);
            int max = Integer.parseInt(a.getOrDefault("max-folds", "0"));
            folds.addAll(max > 0 ? all.subList(0, Math.min(max, all.size())) : all);
            source = a.get("data");
        } else {
            folds.add(new CrossValidation.Fold(0, read(Path.of(a.get("train"))),
                    read(Path.of(a.get("test")))));
            source = a.get("train") + "|" + a.get("test");
        }
        List<Long> seeds = new ArrayList<>();
        if (a.containsKey("seeds")) {
            for (String seed : a.get("seeds").split(",")) {
                seeds.add(Long.parseLong(seed.strip()));
            }
        }
        int runs = folds.size() * Math.max(1, seeds.size());
        double[] accuracies = new double[runs];
        double[] speeds = new double[runs];
        double f1 = 0;
        long wall0 = System.nanoTime();
        TextClassifier last = null;
        List<LabelledText> lastTest = null;
        for (int run = 0; run < runs; run++) {
            int k = run % folds.size();
            String seedNote = "";
            long splitSeed = 1 + k;
            if (!seeds.isEmpty()) {
                long seed = seeds.get(run / folds.size());
                options.put("seed", Long.toString(seed));
                splitSeed = seed + k;
                seedNote = "\tseed " + seed;
            }
            CrossValidation.Fold fold = folds.get(k);
            List<LabelledText> fit = fold.train();
            List<LabelledText> dev = List.of();
            if (devFraction > 0) {
                List<List<LabelledText>> parts = CrossValidation.holdOut(fold.train(), devFraction, splitSeed);
                fit = parts.get(0);
                dev = parts.get(1);
            }
            double[] trainSeconds = {0};
            int n = fit.size();
            int foldNo = k + 1;
            TrainingListener listener = r -> {
                trainSeconds[0] += n / r.examplesPerSecond();
                System.err.println("  fold " + foldNo + " " + r);
            };
            long t0 = System.nanoTime();
            TextClassifier c = TextClassifiers.train(model, options, fit, dev, listener);
            double wall = (System.nanoTime() - t0) / 1e9;
            Evaluation e = c.evaluate(fold.test());
            accuracies[run] = e.accuracy();
            f1 += e.macroF1();
            int epochs = Integer.parseInt(c.config().getOrDefault("epochs", "0"));
            speeds[run] = (double) n * epochs / trainSeconds[0];
            System.out.printf(Locale.ROOT, "fold %d%s\ttrain %d\ttest %d\ttest_acc %.4f\ttrain_ex_per_s %.1f"
                    + "\ttrain_wall_s %.1f%n", foldNo, seedNote, n, fold.test().size(), e.accuracy(), speeds[run], wall);
            System.out.flush();
            last = c;
            lastTest = fold.test();
        }
        double mean = Arrays.stream(accuracies).average().orElse(0);
        double std = Math.sqrt(Arrays.stream(accuracies).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        double[] sorted = speeds.clone();
        Arrays.sort(sorted);
        String latency = "";
        if (a.containsKey("latency") && last != null) {
            latency = String.format(Locale.ROOT, "\tpredict_median_ms=%.3f", medianPredictMillis(last, lastTest));
        }
        System.out.printf(Locale.ROOT, "RESULT\tlexis-%s\tacc=%.4f\tacc_std=%.4f\tmacro_f1=%.4f\ttrain_ex_per_s=%.1f"
                        + "\tfolds=%d\truns=%d%s\toptions=%s%s\twall_s=%.1f\tdata=%s%n", model, mean, std, f1 / runs,
                sorted[sorted.length / 2], folds.size(), runs, seeds.isEmpty() ? "" : "\tseeds=" + a.get("seeds"),
                options, latency, (System.nanoTime() - wall0) / 1e9, source);
    }

    // single-sentence predict(String) on the test texts, after a warm-up pass
    private static double medianPredictMillis(TextClassifier c, List<LabelledText> test) {
        for (int r = 0; r < 3; r++) {
            for (LabelledText t : test) {
                c.predict(t.text());
            }
        }
        int n = Math.min(1000, test.size());
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            c.predict(test.get(i).text());
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[n / 2] / 1e6;
    }
}
