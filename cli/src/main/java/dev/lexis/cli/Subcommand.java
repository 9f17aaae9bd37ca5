package dev.lexis.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.lexis.cli.args.CommandSpec;
import dev.lexis.cli.args.Spec;

/**
 * Base class of the {@code lexis} subcommands: the streams {@link Main} was given (so tests can capture them),
 * standard input, and whether {@code --verbose} was given.
 *
 * <p>A subcommand implements {@link #call()}, writes its results to {@link #out()} and its progress to
 * {@link #err()} (or {@link #note(String)}), returns {@code 0}, and throws an exception whose message names
 * the file, line and value when something is wrong; {@link Main} turns it into one line on stderr and exit
 * code 1 ({@link dev.lexis.cli.args.UsageException}: exit code 2).
 */
public abstract class Subcommand implements Callable<Integer> {

    /** Set by the parser: this command's model, with its parents and streams. */
    @Spec
    protected CommandSpec spec;

    /** Where results go (standard output, or a test's writer). */
    protected final PrintWriter out() {
        return spec.out();
    }

    /** Where progress and notes go (standard error, or a test's writer). */
    protected final PrintWriter err() {
        return spec.err();
    }

    /** Standard input (or a test's stream); not closed by the subcommand. */
    protected final InputStream in() {
        return in(spec);
    }

    /** Whether {@code --verbose} was given anywhere on the command line. */
    protected final boolean verbose() {
        return verbose(spec);
    }

    /** Prints one line to stderr, prefixed with {@code lexis <command>:}. */
    protected final void note(String message) {
        err().println(spec.qualifiedName() + ": " + message);
        err().flush();
    }

    /** Prints one line to stderr only with {@code --verbose}. */
    protected final void detail(String message) {
        if (verbose()) {
            note(message);
        }
    }

    /**
     * Standard input for any command of the tree that {@code spec} belongs to.
     *
     * @param spec a command of the {@code lexis} tree
     * @return the stream the root {@link LexisCommand} was created with
     */
    public static InputStream in(CommandSpec spec) {
        return spec.root().command() instanceof LexisCommand lexis ? lexis.in() : System.in;
    }

    /**
     * Whether {@code --verbose} was given (before or after the subcommand name).
     *
     * @param spec a command of the {@code lexis} tree, after parsing
     * @return true when the option was given at any level of the command line
     */
    public static boolean verbose(CommandSpec spec) {
        return spec.root().command() instanceof LexisCommand lexis && lexis.verbose();
    }
}
