package dev.lexis.bench.nn;

import dev.lexis.nn.Losses;
import dev.lexis.nn.Ops;
import dev.lexis.nn.Ops.Activation;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.layers.Dense;
import dev.lexis.nn.optim.Optimizer;
import dev.lexis.nn.train.MiniBatches;
import dev.lexis.nn.train.Trainable;
import dev.lexis.nn.train.Trainer;
import dev.lexis.nn.train.TrainerConfig;
import dev.lexis.nn.train.TrainingListener;
import dev.lexis.nn.train.TrainingResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training speed of a bag-of-words MLP on MR (Pang &amp; Lee 2005): counts (vocabSize) → 64 ReLU → 2, softmax
 * cross-entropy, AdaGrad (η 0.05), mini-batches of 50, on a seeded 90/10 split (the same as the nn module's
 * real-task test). Two forms of the first layer: {@code sparse} sums the rows of W₁ of the sentence's tokens
 * (the one-hot product without its zeros; W₁ a sparse-row parameter) and {@code dense} multiplies the
 * (batch, vocabSize) count matrix by W₁ with the GEMM kernel.
 *
 * <pre>
 * MrMlpBench --data mr.csv [--mode sparse|dense] [--threads 2] [--epochs 8] [--export data.txt]
 * </pre>
 * Prints one line per epoch and {@code RESULT lexis_mlp mode=… threads=… examples_per_s=… acc=…}, the
 * examples per second being the median over the epochs after the first (JIT warm-up). {@code --export} writes
 * the tokenised split ({@code train|test label id id …} lines after a {@code vocab V} line) for
 * {@code bench/nn/mlp_torch.py}, so that PyTorch trains on exactly the same ids.
 */
public final class MrMlpBench {
    private MrMlpBench() {
    }

    record Review(int[] ids, int label) {
    }

    static final class BagOfWordsMlp implements Trainable<Review> {
        final Parameter w1;
        final Parameter b1;
        final Dense output;
        final boolean sparse;

        BagOfWordsMlp(int vocabSize, int hidden, long seed, boolean sparse) {
            var random = new SplittableRandom(seed);
            Dense first = Dense.create("hidden", vocabSize, hidden, Activation.RELU, random);
            this.sparse = sparse;
            this.w1 = sparse ? Parameter.sparseRows("hidden.weight", first.weight().value()) : first.weight();
            this.b1 = first.bias().orElseThrow();
            this.output = Dense.create("output", hidden, 2, Activation.IDENTITY, random);
        }

        @Override
        public List<Parameter> parameters() {
            List<Parameter> all = new ArrayList<>(List.of(w1, b1));
            all.addAll(output.parameters());
            return all;
        }

        Var logits(Tape tape, List<Review> batch) {
            int tokens = 0;
            for (Review r : batch) {
                tokens += r.ids.length;
            }
            Var h;
            if (sparse) {
                // pooling (batch, tokens) of 1s times the looked-up rows of W₁ = counts · W₁
                int[] ids = new int[Math.max(1, tokens)];
                ids[0] = -1;
                Var pool = tape.input(batch.size(), Math.max(1, tokens));
                int t = 0;
                for (int b = 0; b < batch.size(); b++) {
                    for (int id : batch.get(b).ids) {
                        ids[t] = id;
                        pool.value().set(b, t, 1f);
                        t++;
                    }
                }
                h = Ops.relu(Ops.linear(pool, Ops.embedding(tape.param(w1), ids), tape.param(b1)));
            } else {
                int vocabSize = w1.value().dim(0);
                Var counts = tape.input(batch.size(), vocabSize);
                Tensor c = counts.value();
                for (int b = 0; b < batch.size(); b++) {
                    for (int id : batch.get(b).ids) {
                        c.set(b, id, c.get(b, id) + 1f);
                    }
                }
                h = Ops.relu(Ops.linear(counts, tape.param(w1), tape.param(b1)));
            }
            return output.forward(h);
        }

        @Override
        public Var loss(Tape tape, List<Review> batch) {
            int[] labels = new int[batch.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = batch.get(i).label;
            }
            return Losses.softmaxCrossEntropy(logits(tape, batch), labels);
        }

        double accuracy(List<Review> reviews) {
            Tape tape = new Tape().setTraining(false);
            int right = 0;
            for (int start = 0; start < reviews.size(); start += 200) {
                List<Review> part = reviews.subList(start, Math.min(reviews.size(), start + 200));
                tape.reset();
                Tensor logits = logits(tape, part).value();
                for (int i = 0; i < part.size(); i++) {
                    right += (logits.get(i, 1) > logits.get(i, 0) ? 1 : 0) == part.get(i).label ? 1 : 0;
                }
            }
            return right / (double) reviews.size();
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of("mode", "sparse", "threads", "2", "epochs", "8",
                "hidden", "64", "batch", "50", "lr", "0.05"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("data")) {
            throw new IllegalArgumentException("usage: MrMlpBench --data mr.csv [--mode sparse|dense] [--threads N] "
                    + "[--epochs N] [--export FILE]");
        }
        Path csv = Path.of(options.get("data"));
        List<String[]> rows = readCsv(csv);
        int[] order = MiniBatches.shuffledOrder(rows.size(), new SplittableRandom(2005));
        int trainSize = rows.size() * 9 / 10;
        List<List<String>> tokenized = new ArrayList<>();
        for (String[] row : rows) {
            tokenized.add(tokens(row[1]));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        for (int i = 0; i < trainSize; i++) {
            for (String t : tokenized.get(order[i])) {
                vocabulary.putIfAbsent(t, vocabulary.size());
            }
        }
        List<Review> train = new ArrayList<>();
        List<Review> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String label = rows.get(order[i])[0];
            int[] ids = tokenized.get(order[i]).stream().filter(vocabulary::containsKey).mapToInt(vocabulary::get).toArray();
            (i < trainSize ? train : test).add(new Review(ids, label.equals("pos") ? 1 : 0));
        }
        if (options.containsKey("export")) {
            try (BufferedWriter out = Files.newBufferedWriter(Path.of(options.get("export")), StandardCharsets.UTF_8)) {
                out.write("vocab " + vocabulary.size() + "\n");
                for (int i = 0; i < train.size() + test.size(); i++) {
                    Review r = i < train.size() ? train.get(i) : test.get(i - train.size());
                    StringBuilder line = new StringBuilder(i < train.size() ? "train " : "test ").append(r.label);
                    for (int id : r.ids) {
                        line.append(' ').append(id);
                    }
                    out.write(line.append('\n').toString());
                }
            }
        }

        String mode = options.get("mode");
        int threads = Integer.parseInt(options.get("threads"));
        int epochs = Integer.parseInt(options.get("epochs"));
        BagOfWordsMlp model = new BagOfWordsMlp(vocabulary.size(), Integer.parseInt(options.get("hidden")), 7,
                mode.equals("sparse"));
        List<Double> speeds = new ArrayList<>();
        TrainingResult result = new Trainer<Review>(TrainerConfig.defaults().withEpochs(epochs)
                .withBatchSize(Integer.parseInt(options.get("batch"))).withThreads(threads))
                .listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochSummary s) {
                        speeds.add(s.examplesPerSecond());
                        System.err.println(mode + " threads " + threads + ": " + s);
                    }
                })
                .train(model, train, Optimizer.adaGrad(model.parameters(), Float.parseFloat(options.get("lr"))));
        double[] afterWarmup = speeds.subList(Math.min(1, speeds.size() - 1), speeds.size()).stream()
                .mapToDouble(Double::doubleValue).sorted().toArray();
        double median = afterWarmup.length % 2 == 1 ? afterWarmup[afterWarmup.length / 2]
                : (afterWarmup[afterWarmup.length / 2 - 1] + afterWarmup[afterWarmup.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "RESULT lexis_mlp mode=%s threads=%d vocab=%d epochs=%d examples_per_s=%.0f "
                        + "acc=%.4f per_epoch=%s%n", mode, threads, vocabulary.size(), result.lastEpoch(), median,
                model.accuracy(test), Arrays.toString(speeds.stream().mapToLong(Math::round).toArray()));
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** (label, text) rows of an RFC 4180 CSV with a header. */
    static List<String[]> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                if (fields.size() != 2) {
                    throw new IOException(file + ":" + (rows.size() + 1) + ": expected 2 columns, found " + fields.size());
                }
                rows.add(fields.toArray(new String[0]));
                fields.clear();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return rows.subList(1, rows.size());
    }
}
