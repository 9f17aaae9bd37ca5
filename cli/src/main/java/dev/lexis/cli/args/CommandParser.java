package dev.lexis.cli.args;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a command line into the fields of a tree of {@link Command} classes.
 *
 * <p>Arguments are read left to right. An argument naming a subcommand of the current command moves to it
 * (its model is created then); {@code --name value}, {@code --name=value}, and for one-letter names
 * {@code -x value}, {@code -x=value} and {@code -xvalue} set options of the current command or options its
 * parents declare {@link Option#inherited() inherited}; {@code --} makes every later argument positional; an
 * argument starting with {@code -} that is no option (and not a negative number) is an unknown option. At the
 * end, positional arguments go to the {@link Parameters} fields in index order, then required options,
 * exclusive groups and default values are checked and applied for every command of the chain; all of this is
 * skipped when help or the version was requested.
 */
public final class CommandParser {

    private CommandParser() {
    }

    /**
     * Parses {@code args} for the command tree whose root is {@code root}.
     *
     * @param root an instance of the root {@link Command} class
     * @param args the command line, without the program name
     * @param out  where commands write results
     * @param err  where commands write errors and progress
     * @return the command to run, or a help or version request
     * @throws UsageException when the command line does not parse; its message is one line and names the
     *                        argument, its {@link UsageException#command()} the command whose help applies
     */
    public static ParseResult parse(Object root, String[] args, PrintWriter out, PrintWriter err) {
        CommandSpec current = CommandSpec.root(root, out, err);
        List<CommandSpec> chain = new ArrayList<>();
        chain.add(current);
        List<String> positional = new ArrayList<>();
        List<Integer> positionalIndex = new ArrayList<>();
        boolean help = false;
        boolean version = false;
        boolean endOfOptions = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!endOfOptions && arg.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (!endOfOptions && isOptionLike(arg)) {
                String name = arg;
                String value = null;
                ArgSpec option = current.findOption(arg);
                if (option == null) {
                    int eq = arg.indexOf('=');
                    if (eq > 1) {
                        name = arg.substring(0, eq);
                        value = arg.substring(eq + 1);
                        option = current.findOption(name);
                    } else if (arg.charAt(1) != '-' && arg.length() > 2) {   // -xVALUE
                        ArgSpec shortOption = current.findOption(arg.substring(0, 2));
                        if (shortOption != null && shortOption.takesValue()) {
                            name = arg.substring(0, 2);
                            value = arg.substring(2);
                            option = shortOption;
                        }
                    }
                }
                if (option == null) {
                    throw new UsageException("Unknown option: '" + arg + "'", current,
                            Suggestions.forOption(name, current));
                }
                switch (option.kind) {
                    case HELP -> help = true;
                    case VERSION -> version = true;
                    case FLAG -> option.store(current.ownerOf(option), value, current);
                    default -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException("Missing required parameter for option '" + option.longName()
                                        + "' (" + option.label + ")", current, "");
                            }
                            String next = args[i + 1];
                            if (isOptionLike(next) && current.findOption(optionName(next)) != null) {
                                throw new UsageException("Expected parameter for option '" + option.longName()
                                        + "' but found '" + next + "'", current, "");
                            }
                            value = next;
                            i++;
                        }
                        option.store(current.ownerOf(option), value, current);
                    }
                }
                continue;
            }
            if (!endOfOptions && current.annotation().subcommands().length > 0) {
                CommandSpec sub = current.subcommand(arg).orElse(null);
                if (sub != null) {
                    assign(current, positional, positionalIndex);
                    positional.clear();
                    positionalIndex.clear();
                    current = sub;
                    chain.add(sub);
                    continue;
                }
                if (current.positionals.isEmpty()) {
                    throw new UsageException("Unmatched argument at index " + i + ": '" + arg + "'", current,
                            Suggestions.forCommand(arg, current));
                }
            }
            positional.add(arg);
            positionalIndex.add(i);
        }
        if (help || version) {
            return new ParseResult(current, help, version);
        }
        assign(current, positional, positionalIndex);
        for (CommandSpec command : chain) {
            finish(command);
        }
        return new ParseResult(current, false, false);
    }

    /** Whether {@code arg} looks like an option: starts with '-', is not "-" alone and not a negative number. */
    private static boolean isOptionLike(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '-') {
            return false;
        }
        char c = arg.charAt(1);
        return !(c >= '0' && c <= '9') && c != '.';
    }

    private static String optionName(String arg) {
        int eq = arg.indexOf('=');
        return eq > 1 ? arg.substring(0, eq) : arg;
    }

    /** Distributes the positional arguments of {@code command} over its {@link Parameters} fields. */
    private static void assign(CommandSpec command, List<String> values, List<Integer> indexes) {
        int next = 0;
        List<ArgSpec> params = command.positionals;
        for (int p = 0; p < params.size(); p++) {
            ArgSpec param = params.get(p);
            // leave enough values for the minimum of the parameters after this one
            int reserved = 0;
            for (int q = p + 1; q < params.size(); q++) {
                reserved += params.get(q).minArity;
            }
            int available = Math.max(0, values.size() - next - reserved);
            int take = (int) Math.min(param.maxArity, (long) available);
            if (take < param.minArity) {
                List<String> got = values.subList(next, next + take);
                throw new UsageException(take == 0
                        ? "Missing required parameter: '" + param.label + "'"
                        : "positional parameter " + param.label + " requires at least " + param.minArity
                                + " values, but only " + take + " were specified: " + got, command, "");
            }
            for (int k = 0; k < take; k++) {
                param.store(command.command(), values.get(next++), command);
            }
        }
        if (next < values.size()) {
            throw new UsageException("Unmatched argument at index " + indexes.get(next) + ": '" + values.get(next)
                    + "'", command, "");
        }
    }

    /** Required options, exclusive groups and default values of one command. */
    private static void finish(CommandSpec command) {
        List<ArgSpec> missing = new ArrayList<>();
        for (ArgSpec option : command.options) {
            if (option.required && !option.matched) {
                missing.add(option);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (ArgSpec option : missing) {
                names.append(names.isEmpty() ? "" : ", ").append('\'').append(option.synopsis()).append('\'');
            }
            throw new UsageException("Missing required option" + (missing.size() > 1 ? "s: " : ": ") + names,
                    command, "");
        }
        for (int a = 0; a < command.options.size(); a++) {
            ArgSpec first = command.options.get(a);
            if (first.group.isEmpty() || !first.matched) {
                continue;
            }
            for (int b = a + 1; b < command.options.size(); b++) {
                ArgSpec second = command.options.get(b);
                if (second.matched && second.group.equals(first.group)) {
                    StringBuilder names = new StringBuilder();
                    for (ArgSpec option : command.options) {
                        if (option.group.equals(first.group)) {
                            names.append(names.isEmpty() ? "" : ", ").append(option.synopsis());
                        }
                    }
                    throw new UsageException(names + " are mutually exclusive (specify only one)", command, "");
                }
            }
        }
        for (ArgSpec option : command.options) {
            if (!option.matched && !option.defaultValue.equals(Option.NO_DEFAULT)) {
                option.store(command.command(), option.defaultValue, command);
                option.matched = false;   // a default is not an occurrence
            }
        }
    }
}
