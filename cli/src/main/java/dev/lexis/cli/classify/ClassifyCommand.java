package dev.lexis.cli.classify;

import dev.lexis.corpora.CorpusException;
import dev.lexis.corpora.CsvOptions;
import dev.lexis.corpora.LabelledCsv;
import dev.lexis.corpora.LabelledText;
import java.nio.file.Path;
import java.util.List;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.CommandSpec;
import dev.lexis.cli.args.UsageException;
import dev.lexis.cli.args.Spec;

/** {@code lexis classify}: train, test and apply text classifiers. */
@Command(name = "classify",
        description = {"Text classification: TextCNN (Kim 2014) and a fastText-style linear baseline (Joulin et al. 2016).",
                "Data: CSV (or .tsv) with a header naming a label and a text column (default: label,text); "
                        + "a row with an empty label is refused."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ClassifyTrainCommand.class, ClassifyTestCommand.class, ClassifyPredictCommand.class})
public final class ClassifyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /**
     * The labelled rows of {@code file}, read by corpora's {@link LabelledCsv} with
     * {@link CsvOptions#forClassification}: columns by header name or 0-based index, an empty label refused, an
     * empty text kept (the trainers refuse it naming the row; evaluation predicts the prior for it).
     *
     * @throws CorpusException naming the file and line (an {@link IllegalArgumentException} with the same message
     *     and the options that choose the columns, when a column is missing from the header)
     */
    static List<LabelledText> read(Path file, String labelColumn, String textColumn) {
        CsvOptions options;
        try {
            options = CsvOptions.forClassification(labelColumn, textColumn);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--label-column " + labelColumn + " / --text-column " + textColumn + ": "
                    + e.getMessage());
        }
        try {
            return LabelledCsv.of(file, options).readAll().rows();
        } catch (CorpusException e) {
            // the reader's message names the file, the column and the header; the options that fix it are the CLI's
            if (e.getMessage().contains(") in the header (")) {
                throw new IllegalArgumentException(e.getMessage()
                        + "; choose the columns with --label-column / --text-column", e);
            }
            throw e;
        }
    }

    /** {@code lexis classify} without a command is a usage error. */
    @Override
    public void run() {
        throw new UsageException("missing command: choose one of "
                + String.join(", ", spec.subcommandNames()));
    }
}
