package dev.lexis.cli;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root of the {@code lexis} command: global options and the list of subcommands.
 *
 * <p>{@code --help}, {@code --version} and {@code --verbose} are inherited by every subcommand, so a
 * subcommand class gets them without declaring them. Exit codes and error printing live in {@link Main}.
 *
 * <p>A model module adds its subcommand by writing a public class with a public no-argument constructor,
 * annotated {@code @Command(name = ..., description = ...)}, in its own package under
 * {@code dev.lexis.cli.<module>}, and adding one line to {@link #COMMANDS}; extending {@link Subcommand} gives
 * it the shared streams and helpers.
 *
 * <p>The subcommands are attached by {@link Main#commandLine(InputStream, java.io.PrintWriter,
 * java.io.PrintWriter, String...)}, not by the annotation: building picocli's model of every command costs about
 * a quarter of a second at each start, so a command line that names its command gets only that command's tree.
 */
@Command(
        name = "lexis",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = LexisVersion.class,
        synopsisSubcommandLabel = "COMMAND",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Neural text processing: tokenizers, vocabularies, word vectors, language models, "
                + "text classifiers and sequence taggers.",
        footer = {"", "Exit status: 0 ok, 1 error (one line on stderr naming the file, line and value), 2 usage error."})
public final class LexisCommand implements Runnable {

    /** The subcommands in the order {@code lexis --help} lists them. */
    public static final List<Class<?>> COMMANDS = List.of(
            HelpCommand.class,
            DemoCommand.class,
            TokenizeCommand.class,
            VocabCommand.class,
            // the model modules' commands, one line each:
            dev.lexis.cli.embeddings.Word2VecCommand.class, dev.lexis.cli.embeddings.NearestCommand.class,
            dev.lexis.cli.embeddings.AnalogyCommand.class, dev.lexis.cli.embeddings.EvaluateCommand.class,
            dev.lexis.cli.lm.LmCommand.class,
            dev.lexis.cli.classify.ClassifyCommand.class,
            dev.lexis.cli.sequence.TagCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print progress details, and the stack trace of an error.")
    boolean verbose;

    private final InputStream in;

    /** A root command reading standard input from {@code System.in}. */
    public LexisCommand() {
        this(System.in);
    }

    /**
     * A root command whose subcommands read "standard input" from {@code in} (tests pass their own).
     *
     * @param in the stream that subcommands such as {@code tokenize} read; never closed here
     */
    public LexisCommand(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** The stream subcommands read as standard input. */
    public InputStream in() {
        return in;
    }

    /** {@code lexis} without a command is a usage error (exit code 2). */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
