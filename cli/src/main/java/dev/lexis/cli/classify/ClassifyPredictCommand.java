package dev.lexis.cli.classify;

import dev.lexis.cli.args.UsageException;
import dev.lexis.classify.Prediction;
import dev.lexis.classify.ScoredLabel;
import dev.lexis.classify.TextClassifier;
import dev.lexis.cli.Subcommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.Parameters;

/** {@code lexis classify predict}: labels texts from the arguments or standard input. */
@Command(name = "predict",
        description = {"Classifies each TEXT (without TEXT: each line of standard input) and prints one line per text: "
                + "label<TAB>probability (with --top K: K such pairs, tab-separated, most probable first).",
                "A text without tokens gets the training class distribution.",
                "Example: lexis classify predict --model mr.lexis \"a gripping , funny film\""})
public final class ClassifyPredictCommand extends Subcommand {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model file written by classify train.")
    Path model;

    @Option(names = "--top", defaultValue = "1", paramLabel = "K", description = "Print the K most probable labels (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts to classify.")
    List<String> texts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new UsageException("--top must be >= 1, got " + top);
        }
        TextClassifier classifier = TextClassifier.load(model);
        if (!texts.isEmpty()) {
            for (Prediction p : classifier.predictAll(texts)) {
                print(p);
            }
            return 0;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in(), StandardCharsets.UTF_8));
        List<String> batch = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            batch.add(line);
            if (batch.size() == 256) {
                classifier.predictAll(batch).forEach(this::print);
                batch.clear();
                out().flush();
            }
        }
        classifier.predictAll(batch).forEach(this::print);
        return 0;
    }

    private void print(Prediction p) {
        StringBuilder sb = new StringBuilder();
        for (ScoredLabel s : p.topK(top)) {
            sb.append(sb.isEmpty() ? "" : "\t").append(s.label()).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", s.probability()));
        }
        out().println(sb);
    }
}
