package dev.lexis.cli.classify;

import dev.lexis.classify.Evaluation;
import dev.lexis.classify.TextClassifier;
import dev.lexis.cli.Subcommand;
import java.nio.file.Path;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;

/** {@code lexis classify test}: evaluates a model on labelled data. */
@Command(name = "test",
        description = {"Evaluates a classifier on labelled data: per-class precision, recall, F1, the confusion matrix, "
                + "and as the last line: accuracy=... macro_f1=... n=N.",
                "Example: lexis classify test --model trec.lexis --data trec/test.csv"})
public final class ClassifyTestCommand extends Subcommand {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model file written by classify train.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "CSV", description = "Labelled data.")
    Path data;

    @Option(names = "--label-column", defaultValue = "label", paramLabel = "COLUMN", description = "CSV label column: a header name or a 0-based index (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--text-column", defaultValue = "text", paramLabel = "COLUMN", description = "CSV text column: a header name or a 0-based index (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Override
    public Integer call() throws Exception {
        TextClassifier classifier = TextClassifier.load(model);
        Evaluation e = classifier.evaluate(ClassifyCommand.read(data, labelColumn, textColumn));
        out().println(e.report());
        return 0;
    }
}
