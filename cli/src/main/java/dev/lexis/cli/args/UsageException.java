package dev.lexis.cli.args;

/**
 * A command line that cannot run as given: an unknown option, a bad or missing value, or options that
 * exclude each other. {@code lexis} prints its message on one line with the failing command's {@code --help}
 * and exits with code 2.
 *
 * <p>Commands throw it for values they check themselves ({@code new UsageException("--top must be >= 1, got 0")});
 * the caller then knows which command ran.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CommandSpec command;
    private final String hint;

    /**
     * A usage error of the command that is running.
     *
     * @param message one line naming the option and the value
     */
    public UsageException(String message) {
        this(message, null, "");
    }

    /**
     * A usage error found while parsing {@code command}'s arguments.
     *
     * @param message one line naming the problem
     * @param command the command whose arguments failed, or null for the command that runs
     * @param hint    a second line of suggestions ({@code Did you mean: ...}), or ""
     */
    public UsageException(String message, CommandSpec command, String hint) {
        super(message);
        this.command = command;
        this.hint = hint == null ? "" : hint;
    }

    /**
     * The command whose arguments failed, when the parser knows it.
     *
     * @return the command, or empty when the exception came from a running command
     */
    public java.util.Optional<CommandSpec> command() {
        return java.util.Optional.ofNullable(command);
    }

    /**
     * Suggestions printed on a second line, e.g. {@code Did you mean: lexis classify?}.
     *
     * @return the line, or "" when there is none
     */
    public String hint() {
        return hint;
    }
}
