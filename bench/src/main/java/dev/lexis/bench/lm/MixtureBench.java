package dev.lexis.bench.lm;

import dev.lexis.lm.EncodedText;
import dev.lexis.lm.InterpolatedModel;
import dev.lexis.lm.LanguageModel;
import dev.lexis.lm.NeuralLanguageModel;
import dev.lexis.lm.Perplexity;
import dev.lexis.lm.UnigramCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mixtures of saved language models (and a unigram cache) on Brown, each model evaluated once per text: the
 * weights of every requested mixture by EM on the validation text ({@link InterpolatedModel#tuneWeights}),
 * then its validation and test perplexity. What {@code lexis lm perplexity --mix … --tune} prints, for many
 * subsets of the same models without evaluating a model twice.
 *
 * <pre>
 * MixtureBench --valid V --test T [--threads 2] [--cache N] --model NAME=FILE ... --mix NAME,NAME[,cache] ...
 * </pre>
 * Prints one {@code MODEL} line per model and one {@code MIX} line per mixture (tab-separated key=value).
 */
public final class MixtureBench {
    private MixtureBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> mixes = new ArrayList<>();
        Path valid = null;
        Path test = null;
        int threads = 2;
        int cache = 0;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--valid" -> valid = Path.of(v);
                case "--test" -> test = Path.of(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--cache" -> cache = Integer.parseInt(v);
                case "--model" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--model wants NAME=FILE, got " + v);
                    }
                    files.put(v.substring(0, eq), Path.of(v.substring(eq + 1)));
                }
                case "--mix" -> mixes.add(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (valid == null || test == null || files.isEmpty()) {
            throw new IllegalArgumentException("need --valid, --test and at least one --model NAME=FILE");
        }
        Map<String, double[]> lv = new LinkedHashMap<>();
        Map<String, double[]> lt = new LinkedHashMap<>();
        EncodedText va = null;
        EncodedText te = null;
        for (Map.Entry<String, Path> e : files.entrySet()) {
            LanguageModel m = LanguageModel.load(e.getValue());
            if (m instanceof NeuralLanguageModel n) {
                m = n.withThreads(threads);
            }
            if (va == null) {
                va = m.vocabulary().encode(valid);
                te = m.vocabulary().encode(test);
            }
            long t0 = System.nanoTime();
            lv.put(e.getKey(), m.logProbabilities(va.ids()));
            lt.put(e.getKey(), m.logProbabilities(te.ids()));
            System.out.printf(Locale.ROOT, "MODEL\t%s\tvalid_ppl=%.2f\ttest_ppl=%.2f\teval_s=%.1f\tfile=%s\t%s%n",
                    e.getKey(), Perplexity.of(lv.get(e.getKey()), va).perplexity(),
                    Perplexity.of(lt.get(e.getKey()), te).perplexity(), (System.nanoTime() - t0) / 1e9,
                    e.getValue(), m);
            System.out.flush();
        }
        if (cache > 0) {
            int size = LanguageModel.load(files.values().iterator().next()).vocabulary().size();
            lv.put("cache", UnigramCache.logProbabilities(va.ids(), size, cache));
            lt.put("cache", UnigramCache.logProbabilities(te.ids(), size, cache));
        }
        for (String mix : mixes) {
            String[] names = mix.split(",");
            double[][] hv = new double[names.length][];
            double[][] ht = new double[names.length][];
            for (int i = 0; i < names.length; i++) {
                hv[i] = lv.get(names[i]);
                ht[i] = lt.get(names[i]);
                if (hv[i] == null) {
                    throw new IllegalArgumentException("mixture " + mix + ": no model \"" + names[i] + "\""
                            + (names[i].equals("cache") ? " (give --cache N)" : ""));
                }
            }
            double[] w = InterpolatedModel.tuneWeights(hv);
            StringBuilder ws = new StringBuilder();
            for (double x : w) {
                ws.append(ws.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.3f", x));
            }
            System.out.printf(Locale.ROOT, "MIX\t%s\tweights=%s\tvalid_ppl=%.2f\ttest_ppl=%.2f%s%n", mix, ws,
                    Perplexity.of(InterpolatedModel.mixLogProbabilities(hv, w), va).perplexity(),
                    Perplexity.of(InterpolatedModel.mixLogProbabilities(ht, w), te).perplexity(),
                    cache > 0 && mix.contains("cache") ? "\tcache=" + cache : "");
            System.out.flush();
        }
    }
}
