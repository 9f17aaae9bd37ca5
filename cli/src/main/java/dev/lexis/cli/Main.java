package dev.lexis.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code lexis} command: runs {@link LexisCommand} and maps the outcome to an exit code.
 *
 * <ul>
 *   <li>{@value #OK}: success;</li>
 *   <li>{@value #ERROR}: an error (a missing or malformed file, a bad value, ...), printed as one line
 *       {@code lexis: <message>} on stderr, with the stack trace only under {@code --verbose};</li>
 *   <li>{@value #USAGE}: a usage error (unknown option, missing or malformed argument), printed as one line
 *       naming the problem and the command's {@code --help}.</li>
 * </ul>
 *
 * <p>This is the only place in Lexis that calls {@link System#exit(int)}.
 */
public final class Main {

    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code of a run that failed on its input, files or resources. */
    public static final int ERROR = 1;
    /** Exit code of a command line that does not parse. */
    public static final int USAGE = 2;

    private Main() {
    }

    /**
     * Runs {@code lexis} with the process's standard streams (UTF-8) and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // results are buffered (tokenize may print millions of lines); errors and progress are not
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = run(args, System.in, out, err);
        System.exit(code);
    }

    /**
     * Runs {@code lexis} in-process (for tests and embedding) and returns its exit code; never exits.
     *
     * @param args the command line
     * @param in   standard input for commands that read it
     * @param out  where results go; flushed before returning
     * @param err  where errors and progress go; flushed before returning
     * @return {@link #OK}, {@link #ERROR} or {@link #USAGE}
     */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(in, out, err, args);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("lexis: out of memory (" + Errors.oneLine(e.getMessage())
                    + "); give the JVM more heap, e.g. LEXIS_JAVA_OPTS=-Xmx8g");
            return ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The configured picocli command line with every subcommand: streams, exit codes and error handlers.
     *
     * @param in  standard input for commands that read it
     * @param out where results go
     * @param err where errors and progress go
     * @return a command line ready for {@link CommandLine#execute(String...)}
     */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        return commandLine(in, out, err, new String[0]);
    }

    /**
     * The configured picocli command line for {@code args}: when {@code args} name a command (the first argument
     * that is not an option, other than {@code help}), only that command's tree is built, which saves about a
     * quarter of a second of start-up; otherwise (no command, {@code help}, an unknown or misspelt name, whose
     * suggestions need the full list) every subcommand is attached.
     *
     * @param in   standard input for commands that read it
     * @param out  where results go
     * @param err  where errors and progress go
     * @param args the command line that will be executed
     * @return a command line ready for {@link CommandLine#execute(String...)}
     */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new LexisCommand(in));
        String named = commandName(args);
        boolean known = named != null && !named.equals("help")
                && LexisCommand.COMMANDS.stream().anyMatch(c -> named.equals(nameOf(c)));
        for (Class<?> command : LexisCommand.COMMANDS) {
            if (!known || named.equals(nameOf(command))) {
                commandLine.addSubcommand(command);
            }
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(e -> e instanceof ParameterException ? USAGE : ERROR);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> error(e, failed, parseResult));
        return commandLine;
    }

    /** The first argument that is not an option (the root's options take no value), or null. */
    private static String commandName(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(CommandLine.Command.class).name();
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("lexis: " + Errors.oneLine(e.getMessage()) + " (see '"
                + failed.getCommandSpec().qualifiedName() + " --help')");
        UnmatchedArgumentException.printSuggestions(e, err);
        err.flush();
        return USAGE;
    }

    private static int error(Exception e, CommandLine failed, ParseResult parseResult) {
        PrintWriter err = failed.getErr();
        boolean verbose = Subcommand.verbose(parseResult);
        String message = Errors.describe(e);
        if (!Errors.isExpected(e) && !verbose) {
            message += " (run with --verbose for the stack trace)";
        }
        err.println("lexis: " + message);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ERROR;
    }
}
