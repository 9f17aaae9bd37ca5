package dev.lexis.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code help [COMMAND...]}: prints the help of the root command, or of the command that the names lead to
 * (e.g. {@code help classify train}). Add it to the root's {@link Command#subcommands()}.
 */
@Command(name = "help",
        description = {"Display help information about the specified command.",
                "When no COMMAND is given, the usage help for the main command is displayed. If a COMMAND is "
                        + "specified, the help for that command is shown."})
public final class HelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to display the usage help of.")
    List<String> commands = new ArrayList<>();

    /**
     * Prints the help.
     *
     * @return 0
     * @throws UsageException when a name is not a subcommand of the command before it
     */
    @Override
    public Integer call() {
        CommandSpec target = spec.root();
        for (String name : commands) {
            CommandSpec parent = target;
            target = target.subcommand(name).orElseThrow(() -> new UsageException(
                    "Unknown subcommand '" + name + "'.", parent, Suggestions.forCommand(name, parent)));
        }
        spec.out().print(Help.of(target));
        spec.out().flush();
        return 0;
    }
}
