package dev.lexis.bench.sequence;

import dev.lexis.corpora.ConllCorpus;
import dev.lexis.corpora.ConllOptions;
import dev.lexis.corpora.ConllSentence;
import dev.lexis.sequence.TagEvaluation;
import dev.lexis.sequence.Tagger;
import dev.lexis.sequence.TaggerConfig;
import dev.lexis.sequence.TaggerListener;
import dev.lexis.sequence.TaggerTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a tagger on CoNLL columns and prints one tab-separated RESULT line (like the PyTorch peer's):
 * {@code TaggerBench TRAIN TEST TAG_COLUMN [key=value ...]} with keys of {@link TaggerConfig}, e.g.
 * {@code cell=gru bidirectional=false epochs=5 threads=2}. {@code dev=split} holds out the last 10 % of the
 * training sentences as the dev set (early stopping); {@code dev=test} uses the test set (the PyTorch peer's
 * protocol); by default ({@code dev=none}) there is no dev set and the last epoch is scored.
 */
public final class TaggerBench {
    private TaggerBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: TaggerBench TRAIN TEST TAG_COLUMN [key=value ...] [dev=none|split|test] [label=NAME]");
            System.exit(2);
        }
        ConllOptions options = ConllOptions.defaults().withTagColumn(Integer.parseInt(args[2]));
        List<ConllSentence> train = ConllCorpus.of(Path.of(args[0]), options).readAll();
        List<ConllSentence> test = ConllCorpus.of(Path.of(args[1]), options).readAll();
        Map<String, String> props = new LinkedHashMap<>();
        String devMode = "none";
        String label = "lexis";
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv[0].equals("dev")) {
                devMode = kv[1];
            } else if (kv[0].equals("label")) {
                label = kv[1];
            } else {
                props.put(kv[0], kv[1]);
            }
        }
        TaggerConfig config = TaggerConfig.fromProperties(props);
        List<ConllSentence> dev = List.of();
        if (devMode.equals("test")) {
            dev = test;
        } else if (devMode.equals("split")) {
            // the last 10 % of the training file (whole documents of WSJ section 18) as the dev set
            int cut = train.size() - train.size() / 10;
            dev = train.subList(cut, train.size());
            train = train.subList(0, cut);
        } else if (!devMode.equals("none")) {
            throw new IllegalArgumentException("dev must be none, split or test, got " + devMode);
        }
        long start = System.nanoTime();
        Tagger tagger = new TaggerTrainer(config).listener(TaggerListener.stderr())
                .train(train, dev);
        double wall = (System.nanoTime() - start) / 1e9;
        TagEvaluation e = tagger.evaluate(test);
        System.out.println(String.format(Locale.ROOT,
                "RESULT\t%s\tacc=%.4f\tf1=%.2f\ttrain_tok_per_s=%s\tbest_epoch=%s\tepochs=%d\twall_s=%.1f\tconfig=%s",
                label, e.accuracy(), e.f1(), tagger.provenance().get("trainTokensPerSecond"),
                tagger.provenance().get("bestEpoch"), config.epochs(), wall, props));
    }
}
