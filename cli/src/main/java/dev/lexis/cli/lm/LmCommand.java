package dev.lexis.cli.lm;

import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.CommandSpec;
import dev.lexis.cli.args.UsageException;
import dev.lexis.cli.args.Spec;

/** {@code lexis lm}: the language-model commands (NNLM of Bengio et al. 2003 and a Kneser-Ney baseline). */
@Command(name = "lm",
        description = {"Neural network language models (Bengio et al. 2003) and a Kneser-Ney n-gram baseline.",
                "Texts: one tokenized sentence per line; each line ends with </s>; words below --min-count become <unk>."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {LmTrainCommand.class, LmNgramCommand.class, LmPerplexityCommand.class, LmGenerateCommand.class})
public final class LmCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** {@code lexis lm} without a command is a usage error. */
    @Override
    public void run() {
        throw new UsageException("missing command: choose one of "
                + String.join(", ", spec.subcommandNames()));
    }
}
