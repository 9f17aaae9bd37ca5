package dev.lexis.cli.classify;

import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.CommandSpec;
import dev.lexis.cli.args.UsageException;
import dev.lexis.cli.args.Spec;

/** {@code lexis classify}: train, test and apply text classifiers. */
@Command(name = "classify",
        description = {"Text classification: TextCNN (Kim 2014) and a fastText-style linear baseline (Joulin et al. 2016).",
                "Data: CSV (or .tsv) with a header naming a label and a text column (default: label,text)."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ClassifyTrainCommand.class, ClassifyTestCommand.class, ClassifyPredictCommand.class})
public final class ClassifyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** {@code lexis classify} without a command is a usage error. */
    @Override
    public void run() {
        throw new UsageException("missing command: choose one of "
                + String.join(", ", spec.subcommandNames()));
    }
}
