package dev.lexis.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import java.util.concurrent.Callable;

import dev.lexis.cli.args.CommandParser;
import dev.lexis.cli.args.CommandSpec;
import dev.lexis.cli.args.Help;
import dev.lexis.cli.args.ParseResult;
import dev.lexis.cli.args.UsageException;

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
        LexisCommand root = new LexisCommand(in);
        CommandSpec running = null;
        try {
            ParseResult parsed = CommandParser.parse(root, args, out, err);
            running = parsed.command();
            if (parsed.helpRequested()) {
                out.print(Help.of(running));
                return OK;
            }
            if (parsed.versionRequested()) {
                for (String line : LexisVersion.lines()) {
                    out.println(line);
                }
                return OK;
            }
            Object command = running.command();
            if (command instanceof Callable<?> callable) {
                return callable.call() instanceof Integer code ? code : OK;
            }
            ((Runnable) command).run();
            return OK;
        } catch (UsageException e) {
            CommandSpec failed = e.command().orElse(running);
            err.println("lexis: " + Errors.oneLine(e.getMessage()) + " (see '"
                    + (failed == null ? "lexis" : failed.qualifiedName()) + " --help')");
            if (!e.hint().isEmpty()) {
                err.println(e.hint());
            }
            return USAGE;
        } catch (OutOfMemoryError e) {
            err.println("lexis: out of memory (" + Errors.oneLine(e.getMessage())
                    + "); give the JVM more heap, e.g. LEXIS_JAVA_OPTS=-Xmx8g");
            return ERROR;
        } catch (Exception e) {
            boolean verbose = root.verbose();
            String message = Errors.describe(e);
            if (!Errors.isExpected(e) && !verbose) {
                message += " (run with --verbose for the stack trace)";
            }
            err.println("lexis: " + message);
            if (verbose) {
                e.printStackTrace(err);
            }
            return ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
