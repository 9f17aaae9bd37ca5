package dev.lexis.cli.args;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command of the command line: its name, its help text and its subcommands.
 *
 * <p>The annotated class has a public no-argument constructor (except the root, which the caller creates),
 * and runs by implementing {@link java.util.concurrent.Callable Callable&lt;Integer&gt;} (the exit code) or
 * {@link Runnable} (exit code 0).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Command {

    /** The name typed on the command line, e.g. {@code train}. */
    String name();

    /** Help paragraphs, one per element; the first is the summary in the parent's command list. */
    String[] description() default {};

    /** Subcommands, in the order the help lists them; each class carries its own {@code @Command}. */
    Class<?>[] subcommands() default {};

    /** How the usage line names the subcommand: {@code COMMAND}, or {@code [COMMAND]} when it is optional. */
    String synopsisSubcommandLabel() default "COMMAND";

    /** Lines printed at the end of the help; a root's footer ends every command's help. */
    String[] footer() default {};

    /** Whether the command (and every command under it) takes {@code -h/--help} and {@code -V/--version}. */
    boolean standardHelpOptions() default false;
}
