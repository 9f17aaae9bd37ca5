package dev.lexis.cli.lm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
