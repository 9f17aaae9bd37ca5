package dev.lexis.bench.lm;

import dev.lexis.lm.EncodedText;
import dev.lexis.lm.InterpolatedModel;
import dev.lexis.lm.KneserNeyModel;
import dev.lexis.lm.LmVocabulary;
import dev.lexis.lm.NeuralLanguageModel;
import dev.lexis.lm.NnlmConfig;
import dev.lexis.lm.NnlmTrainer;
import dev.lexis.lm.Perplexity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lm bench on Brown: Kneser-Ney 3- and 5-gram, the NNLM (full softmax, then hierarchical softmax) with the
 * PyTorch peer's settings, and the NNLM + KN5 mixture with its weight chosen on the validation text. Prints
 * one {@code RESULT} line per model (tab-separated key=value) on stdout, progress on stderr.
 *
 * <pre>
 * LmBench --data DIR [--epochs 5] [--threads 2] [--batch 64] [--optimizer sgd] [--lr 0] [--direct]
 *         [--hidden 100] [--dim 60] [--order 5] [--dropout 0] [--weight-decay 0] [--lr-decay 0] [--patience 2]
 *         [--seed 1] [--save MODEL] [--skip-hs] [--skip-softmax] [--max-train-words N] [--fofe ALPHA]
 *         [--fofe-window K]
 * </pre>
 */
public final class LmBench {
    private LmBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            boolean flag = a.equals("--direct") || a.equals("--skip-hs") || a.equals("--skip-softmax");
            opt.put(a.substring(2), flag ? "true" : args[++i]);
        }
        Path dir = Path.of(opt.getOrDefault("data", "../shared/data/brown"));
        Path train = dir.resolve("train.txt");
        Path valid = dir.resolve("valid.txt");
        Path test = dir.resolve("test.txt");
        int order = Integer.parseInt(opt.getOrDefault("order", "5"));
        NnlmConfig config = NnlmConfig.defaults().withContextSize(order - 1)
                .withEpochs(Integer.parseInt(opt.getOrDefault("epochs", "5")))
                .withThreads(Integer.parseInt(opt.getOrDefault("threads", "2")))
                .withBatchSize(Integer.parseInt(opt.getOrDefault("batch", "64")))
                .withOptimizer(NnlmConfig.Optimizer.parse(opt.getOrDefault("optimizer", "sgd")))
                .withLearningRate(Double.parseDouble(opt.getOrDefault("lr", "0")))
                .withHiddenSize(Integer.parseInt(opt.getOrDefault("hidden", "100")))
                .withEmbeddingDim(Integer.parseInt(opt.getOrDefault("dim", "60")))
                .withDirect(opt.containsKey("direct"))
                .withPatience(Integer.parseInt(opt.getOrDefault("patience", "2")))
                .withDropout(Double.parseDouble(opt.getOrDefault("dropout", "0")))
                .withWeightDecay(Double.parseDouble(opt.getOrDefault("weight-decay", "0")))
                .withLearningRateDecay(Double.parseDouble(opt.getOrDefault("lr-decay", "0")))
                .withSeed(Long.parseLong(opt.getOrDefault("seed", "1")))
                .withFofe(Double.parseDouble(opt.getOrDefault("fofe", "0")))
                .withFofeWindow(Integer.parseInt(opt.getOrDefault("fofe-window", "0")))
                .withMinCount(4);

        int maxWords = Integer.parseInt(opt.getOrDefault("max-train-words", "0"));
        if (maxWords > 0) {
            // as nnlm_torch.py --max-train-words: vocabulary and training text from the first N tokens only
            train = firstTokens(train, maxWords);
        }
        LmVocabulary vocab = LmVocabulary.build(train, 4, 0);
        EncodedText tr = vocab.encode(train);
        EncodedText va = vocab.encode(valid);
        EncodedText te = vocab.encode(test);
        System.err.printf(Locale.ROOT, "vocab %d, train %d / valid %d / test %d tokens (</s> included), test oov %d%n",
                vocab.size(), tr.length(), va.length(), te.length(), te.oov());

        KneserNeyModel kn5 = null;
        for (int n : new int[] {3, 5}) {
            long t0 = System.nanoTime();
            KneserNeyModel kn = KneserNeyModel.train(vocab, tr.ids(), n, 4, 0);
            double secs = (System.nanoTime() - t0) / 1e9;
            result("kn" + n, Perplexity.of(kn, va), Perplexity.of(kn, te), "build_s=" + fmt(secs));
            if (n == 5) {
                kn5 = kn;
            }
        }
        if (!opt.containsKey("skip-softmax")) {
            long cpu0 = processCpuNanos();
            NeuralLanguageModel nnlm = new NnlmTrainer(config).train(vocab, tr, va, p -> System.err.println("  " + p));
            double trainCpu = (processCpuNanos() - cpu0) / 1e9;
            if (opt.containsKey("save")) {
                nnlm.save(Path.of(opt.get("save")));
            }
            Perplexity nv = Perplexity.of(nnlm, va);
            Perplexity nt = Perplexity.of(nnlm, te);
            result("nnlm_softmax", nv, nt, describe(nnlm) + "\ttrain_cpu_s=" + fmt(trainCpu));
            // the weight that minimises the validation perplexity (never the test's)
            double bestW = InterpolatedModel.tuneWeight(nnlm, kn5, va.ids());
            InterpolatedModel mix = new InterpolatedModel(nnlm, kn5, bestW);
            result("mix_nnlm_kn5", Perplexity.of(mix, va), Perplexity.of(mix, te), "weight=" + bestW);
        }
        if (!opt.containsKey("skip-hs")) {
            NeuralLanguageModel hs = new NnlmTrainer(config.withOutputLayer(NnlmConfig.OutputLayer.HIERARCHICAL_SOFTMAX))
                    .train(vocab, tr, va, p -> System.err.println("  " + p));
            result("nnlm_hs", Perplexity.of(hs, va), Perplexity.of(hs, te), describe(hs));
        }
    }

    /** The first lines of {@code file} up to {@code n} tokens ({@code </s>} counted), cut inside the last line. */
    private static Path firstTokens(Path file, int n) throws java.io.IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        int count = 0;
        for (String line : java.nio.file.Files.readAllLines(file)) {
            String[] tokens = LmVocabulary.tokens(line);
            if (tokens.length == 0) {
                continue;
            }
            if (count + tokens.length + 1 > n) {
                if (n - count > 0) {
                    out.add(String.join(" ", java.util.Arrays.copyOf(tokens, n - count)));
                }
                break;
            }
            out.add(line);
            count += tokens.length + 1;
        }
        Path cut = java.nio.file.Files.createTempFile("lm-bench-train", ".txt");
        cut.toFile().deleteOnExit();
        java.nio.file.Files.write(cut, out);
        return cut;
    }

    /** CPU time of this process (all threads), ns. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String describe(NeuralLanguageModel m) {
        Map<String, String> p = m.provenance();
        NnlmConfig c = m.config();
        return "train_words_per_s=" + p.get("model.train_words_per_second") + "\tepochs_run=" + p.get("model.epochs_run")
                + "\ttrain_s=" + p.get("model.train_seconds") + "\tn=" + c.order() + "\tm=" + c.embeddingDim()
                + "\th=" + c.hiddenSize() + "\tdirect=" + c.direct() + "\toptimizer=" + c.optimizer()
                + "\tlr=" + c.effectiveLearningRate() + "\tdropout=" + c.dropout() + "\tfofe=" + c.fofe() + "\tfofe_window=" + c.effectiveFofeWindow()
                + "\tweight_decay="
                + c.weightDecay() + "\tvalid_ppl_best_epoch=" + p.get("model.valid_perplexity")
                + "\tbatch=" + c.batchSize() + "\tthreads=" + c.threads()
                + "\tkernel=" + p.get("model.output_kernel");
    }

    private static void result(String name, Perplexity valid, Perplexity test, String extra) {
        System.out.println("RESULT\t" + name + "\tvalid_ppl=" + fmt(valid.perplexity()) + "\ttest_ppl="
                + fmt(test.perplexity()) + "\ttest_words=" + test.words() + "\ttest_oov=" + test.oov() + "\t" + extra);
        System.out.flush();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
