package dev.lexis.cli;

import java.io.InputStream;
import java.util.Objects;

import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.CommandSpec;
import dev.lexis.cli.args.HelpCommand;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.Spec;
import dev.lexis.cli.args.UsageException;

/**
 * The root of the {@code lexis} command: global options and the list of subcommands.
 *
 * <p>{@code --help}, {@code --version} and {@code --verbose} are inherited by every subcommand, so a
 * subcommand class gets them without declaring them. Exit codes and error printing live in {@link Main}.
 *
 * <p>A model module adds its subcommand by writing a public class with a public no-argument constructor,
 * annotated {@code @Command(name = ..., description = ...)} ({@link dev.lexis.cli.args}), in its own package
 * under {@code dev.lexis.cli.<module>}, and adding one line to the {@code subcommands} below; extending
 * {@link Subcommand} gives it the shared streams and helpers. Only the command that runs has its options read
 * (see {@link dev.lexis.cli.args.CommandParser}).
 */
@Command(
        name = "lexis",
        standardHelpOptions = true,
        description = "Neural text processing: tokenizers, vocabularies, word vectors, language models, "
                + "text classifiers and sequence taggers.",
        footer = {"", "Exit status: 0 ok, 1 error (one line on stderr naming the file, line and value), 2 usage error."},
        // the subcommands in the order lexis --help lists them; the model modules' commands, one line each
        subcommands = {
                HelpCommand.class,
                DemoCommand.class,
                TokenizeCommand.class,
                VocabCommand.class,
                dev.lexis.cli.embeddings.Word2VecCommand.class, dev.lexis.cli.embeddings.NearestCommand.class,
                dev.lexis.cli.embeddings.AnalogyCommand.class, dev.lexis.cli.embeddings.EvaluateCommand.class,
                dev.lexis.cli.embeddings.PrintVectorsCommand.class,
                dev.lexis.cli.lm.LmCommand.class,
                dev.lexis.cli.classify.ClassifyCommand.class,
                dev.lexis.cli.sequence.TagCommand.class})
public final class LexisCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", inherited = true,
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

    /** Whether {@code --verbose} was given, before or after the subcommand's name. */
    public boolean verbose() {
        return verbose;
    }

    /** {@code lexis} without a command is a usage error (exit code 2). */
    @Override
    public void run() {
        throw new UsageException("missing command: choose one of " + String.join(", ", spec.subcommandNames()));
    }
}
