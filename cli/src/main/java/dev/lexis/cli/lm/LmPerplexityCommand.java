package dev.lexis.cli.lm;

import dev.lexis.cli.Subcommand;
import dev.lexis.lm.EncodedText;
import dev.lexis.lm.InterpolatedModel;
import dev.lexis.lm.KneserNeyModel;
import dev.lexis.lm.LanguageModel;
import dev.lexis.lm.NeuralLanguageModel;
import dev.lexis.lm.Perplexity;
import dev.lexis.lm.UnigramCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/** {@code lexis lm perplexity}: perplexity of a model, or of its mixture with another, on a text. */
@Command(name = "perplexity",
        description = {"Perplexity of a language model (NNLM or Kneser-Ney) on a text: every token counts, each </s> "
                + "included; words outside the model's vocabulary are predicted as <unk> and counted as oov.",
                "With --mix, also the other model's and the mixture weight*p(MODEL) + (1-weight)*p(NGRAM_MODEL);",
                "with --tune, first a line with the three perplexities on the tuning text.",
                "--mix repeated mixes three or more models, with weights chosen on --tune by expectation-maximisation.",
                "--cache N adds a unigram cache of the last N tokens (Kuhn & De Mori 1990) to the mixture (needs --tune).",
                "The last line is: perplexity=... words=N oov=K",
                "Example: lexis lm perplexity --model brown.nnlm --mix brown.kn5 --tune brown/valid.txt --data brown/test.txt"})
public final class LmPerplexityCommand extends Subcommand {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "An lm train or lm ngram model file.")
    Path modelFile;

    @Option(names = "--mix", paramLabel = "NGRAM_MODEL", description = "A second model (same vocabulary) to interpolate with; "
            + "repeat it to mix three or more models (their weights then come from --tune).")
    List<Path> mixFiles = new ArrayList<>();

    @Option(names = "--weight", defaultValue = "0.5", paramLabel = "W", description = "Weight of --model in the mixture (default: ${DEFAULT-VALUE}).")
    double weight;

    @Option(names = "--tune", paramLabel = "VALID_FILE", description = "Choose the mixture weight (0.01 to 0.99) that minimises the perplexity on this held-out text (the validation text, not --data); replaces --weight.")
    Path tune;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Text to evaluate, one tokenized sentence per line.")
    Path data;

    @Option(names = "--cache", paramLabel = "N", description = "Add a unigram cache component: p(w) = count of w among the previous N tokens / N (Kuhn & De Mori 1990); its weight comes from --tune.")
    Integer cache;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the NNLM (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (!(weight >= 0 && weight <= 1)) {
            throw new UsageException("--weight must be in [0, 1], got " + weight);
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be >= 1, got " + threads);
        }
        if (cache != null && cache < 1) {
            throw new UsageException("--cache must be >= 1 tokens, got " + cache);
        }
        if (cache != null && tune == null) {
            throw new UsageException("--cache adds a component to the mixture: its weight is "
                    + "chosen with --tune VALID_FILE");
        }
        if (tune != null && mixFiles.isEmpty() && cache == null) {
            throw new UsageException("--tune chooses the weight of a mixture: it needs --mix");
        }
        if (mixFiles.size() > 1 && tune == null) {
            throw new UsageException("--mix given " + mixFiles.size() + " times: the weights "
                    + "of a mixture of " + (mixFiles.size() + 1) + " models are chosen with --tune VALID_FILE");
        }
        LanguageModel model = load(modelFile);
        if (mixFiles.isEmpty() && cache == null) {
            out().println(Perplexity.of(model, data).summaryLine());
            return 0;
        }
        if (mixFiles.size() > 1 || cache != null) {
            return mixMany(model);
        }
        Path mixFile = mixFiles.get(0);
        LanguageModel other = load(mixFile);
        new InterpolatedModel(model, other, weight);   // checks the vocabularies before any evaluation
        // each model evaluates each text once: its own perplexity and the mixture's come from the same arrays
        String chosen = "";
        if (tune != null) {
            EncodedText held = encode(model, tune);
            double[] ha = model.logProbabilities(held.ids());
            double[] hb = other.logProbabilities(held.ids());
            weight = InterpolatedModel.tuneWeight(ha, hb);
            chosen = " (chosen on " + tune + ")";
            out().println(String.format(Locale.ROOT, "%s: perplexity model=%.2f mix=%.2f mixture=%.2f (weight %.3f)",
                    tune, Perplexity.of(ha, held).perplexity(), Perplexity.of(hb, held).perplexity(),
                    Perplexity.of(InterpolatedModel.mixLogProbabilities(ha, hb, weight), held).perplexity(), weight));
        }
        EncodedText text = encode(model, data);
        double[] la = model.logProbabilities(text.ids());
        double[] lb = other.logProbabilities(text.ids());
        out().println(modelFile + " " + describe(model) + ": " + Perplexity.of(la, text).summaryLine());
        out().println(mixFile + " " + describe(other) + ": " + Perplexity.of(lb, text).summaryLine());
        out().println(String.format(Locale.ROOT, "mixture weight=%.3f%s:", weight, chosen));
        out().println(Perplexity.of(InterpolatedModel.mixLogProbabilities(la, lb, weight), text).summaryLine());
        return 0;
    }

    // k >= 3 models, or a cache: weights by EM on the --tune text, each model evaluated once per text
    private int mixMany(LanguageModel model) throws Exception {
        List<Path> files = new ArrayList<>();
        List<LanguageModel> models = new ArrayList<>();
        files.add(modelFile);
        models.add(model);
        for (Path f : mixFiles) {
            LanguageModel m = load(f);
            new InterpolatedModel(model, m, 0.5);   // checks the vocabularies before any evaluation
            files.add(f);
            models.add(m);
        }
        int k = models.size() + (cache != null ? 1 : 0);
        EncodedText held = encode(model, tune);
        double[][] hl = new double[k][];
        for (int i = 0; i < models.size(); i++) {
            hl[i] = models.get(i).logProbabilities(held.ids());
        }
        int size = model.vocabulary().size();
        if (cache != null) {
            hl[k - 1] = UnigramCache.logProbabilities(held.ids(), size, cache);
        }
        double[] weights = InterpolatedModel.tuneWeights(hl);
        StringBuilder w = new StringBuilder();
        for (double x : weights) {
            w.append(w.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.3f", x));
        }
        StringBuilder line = new StringBuilder(tune + ": perplexity");
        for (int i = 0; i < hl.length; i++) {
            line.append(cache != null && i == k - 1 ? " cache"
                    : String.format(Locale.ROOT, " model%d=%.2f", i + 1, Perplexity.of(hl[i], held).perplexity()));
        }
        line.append(String.format(Locale.ROOT, " mixture=%.2f (weights %s)",
                Perplexity.of(InterpolatedModel.mixLogProbabilities(hl, weights), held).perplexity(), w));
        out().println(line);
        EncodedText text = encode(model, data);
        double[][] l = new double[k][];
        for (int i = 0; i < models.size(); i++) {
            l[i] = models.get(i).logProbabilities(text.ids());
            out().println(files.get(i) + " " + describe(models.get(i)) + ": " + Perplexity.of(l[i], text).summaryLine());
        }
        if (cache != null) {
            l[k - 1] = UnigramCache.logProbabilities(text.ids(), size, cache);
            out().println("cache (unigram, last " + cache + " tokens): not a model alone (0 for unseen words)");
        }
        out().println("mixture weights=" + w + " (chosen on " + tune + "):");
        out().println(Perplexity.of(InterpolatedModel.mixLogProbabilities(l, weights), text).summaryLine());
        return 0;
    }

    private static EncodedText encode(LanguageModel model, Path file) {
        EncodedText text = model.vocabulary().encode(file);
        if (text.length() == 0) {
            throw new IllegalArgumentException(file + ": no tokens; nothing to evaluate");
        }
        return text;
    }

    private LanguageModel load(Path file) throws Exception {
        LanguageModel m = LanguageModel.load(file);
        if (threads != null && m instanceof NeuralLanguageModel n) {
            return n.withThreads(threads);
        }
        return m;
    }

    private static String describe(LanguageModel m) {
        return "(" + (m instanceof KneserNeyModel ? "kneser-ney" : "nnlm") + ", n=" + m.order() + ", "
                + m.vocabulary().size() + " words)";
    }
}
