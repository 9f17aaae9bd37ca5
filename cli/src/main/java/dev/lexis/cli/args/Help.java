package dev.lexis.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * The usage help of a command: the usage line, the description, the options with their value names,
 * descriptions and defaults in aligned columns, the subcommands with their summaries, and the root's footer,
 * wrapped to {@value #WIDTH} columns.
 */
public final class Help {

    /** Line width of the help text: lines are at most {@code WIDTH - 1} characters long. */
    public static final int WIDTH = 80;
    private static final int MAX_LINE = WIDTH - 1;
    private static final int MAX_NAME_COLUMN = 26;

    private Help() {
    }

    /**
     * The help of {@code command}.
     *
     * @param command a command's model
     * @return the text, ending with a line break
     */
    public static String of(CommandSpec command) {
        StringBuilder text = new StringBuilder();
        synopsis(command, text);
        for (String paragraph : command.annotation().description()) {
            wrap(paragraph, 0, 0, text);
        }
        List<String[]> rows = new ArrayList<>();
        for (ArgSpec p : command.positionals) {
            rows.add(new String[] {"      " + positionalLabel(p), p.description});
        }
        for (ArgSpec o : command.visibleOptions()) {
            if (o.hidden) {
                continue;
            }
            String shortName = "";
            String longName = "";
            for (String n : o.names) {
                if (n.length() == 2 && shortName.isEmpty()) {
                    shortName = n;
                } else if (longName.isEmpty()) {
                    longName = n;
                }
            }
            String names = (shortName.isEmpty() ? "    " : "  " + shortName + (longName.isEmpty() ? "" : ","))
                    + (longName.isEmpty() ? "" : "  ".substring(shortName.isEmpty() ? 0 : 1) + longName);
            if (o.takesValue()) {
                names += "=" + o.label;
            }
            rows.add(new String[] {names, o.description.replace("${DEFAULT-VALUE}", command.defaultText(o))});
        }
        table(rows, 3, text);
        List<String> subcommands = command.subcommandNames();
        if (!subcommands.isEmpty()) {
            text.append("Commands:\n");
            List<String[]> commands = new ArrayList<>();
            Class<?>[] classes = command.annotation().subcommands();
            for (int i = 0; i < classes.length; i++) {
                String[] description = CommandSpec.annotationOf(classes[i]).description();
                commands.add(new String[] {"  " + subcommands.get(i), description.length == 0 ? "" : description[0]});
            }
            table(commands, 2, text);
        }
        for (String line : command.root().annotation().footer()) {
            wrap(line, 0, 0, text);
        }
        return text.toString();
    }

    private static String positionalLabel(ArgSpec p) {
        String label = p.maxArity > 1 && p.maxArity == Integer.MAX_VALUE ? p.label + "..." : p.label;
        return p.minArity == 0 ? "[" + label + "]" : label;
    }

    /** {@code Usage: lexis vocab [-hV] [--verbose] -i=PATH [--min-count=N] ...}, wrapped under the name. */
    private static void synopsis(CommandSpec command, StringBuilder text) {
        String start = "Usage: " + command.qualifiedName();
        List<String> parts = new ArrayList<>();
        boolean helpOption = false;
        boolean versionOption = false;
        List<String> groups = new ArrayList<>();
        for (ArgSpec o : command.visibleOptions()) {
            if (o.hidden) {
                continue;
            }
            switch (o.kind) {
                case HELP -> helpOption = true;
                case VERSION -> versionOption = true;
                default -> {
                    if (!o.group.isEmpty()) {
                        if (!groups.contains(o.group)) {
                            groups.add(o.group);
                            StringBuilder members = new StringBuilder();
                            for (ArgSpec m : command.options) {
                                if (m.group.equals(o.group)) {
                                    members.append(members.isEmpty() ? "[" : " | ").append(m.synopsis());
                                }
                            }
                            parts.add(members.append(']').toString());
                        }
                    } else {
                        String part = o.required ? o.synopsis() : "[" + o.synopsis() + "]";
                        parts.add(o.kind == ArgSpec.Kind.LIST || o.kind == ArgSpec.Kind.MAP ? part + "..." : part);
                    }
                }
            }
        }
        if (helpOption || versionOption) {
            parts.add(0, "[-" + (helpOption ? "h" : "") + (versionOption ? "V" : "") + "]");
        }
        for (ArgSpec p : command.positionals) {
            parts.add(positionalLabel(p));
        }
        if (command.annotation().subcommands().length > 0) {
            parts.add(command.annotation().synopsisSubcommandLabel());
        }
        StringBuilder line = new StringBuilder(start);
        int indent = start.length() + 1;
        for (String part : parts) {
            if (line.length() + 1 + part.length() > MAX_LINE && line.length() > indent) {
                text.append(line).append('\n');
                line.setLength(0);
                line.append(" ".repeat(indent - 1));
            }
            line.append(' ').append(part);
        }
        text.append(line).append('\n');
    }

    /**
     * Rows of {name, description}: descriptions start in one column, {@code gap} after the longest name, and
     * their continuation lines two further.
     */
    private static void table(List<String[]> rows, int gap, StringBuilder text) {
        int hang = 2;
        int column = 0;
        for (String[] row : rows) {
            if (row[0].length() <= MAX_NAME_COLUMN) {
                column = Math.max(column, row[0].length());
            }
        }
        column += gap;
        for (String[] row : rows) {
            if (row[0].length() > column - gap) {
                text.append(row[0]).append('\n');
                wrap(row[1], column, column + hang, text);
            } else {
                StringBuilder first = new StringBuilder(row[0]);
                while (first.length() < column) {
                    first.append(' ');
                }
                text.append(first);
                wrap(row[1], 0, column + hang, text, column);
            }
        }
    }

    private static void wrap(String paragraph, int firstIndent, int indent, StringBuilder text) {
        text.append(" ".repeat(firstIndent));
        wrap(paragraph, firstIndent, indent, text, firstIndent);
    }

    /** Appends {@code paragraph} word-wrapped; the current line already holds {@code used} characters. */
    private static void wrap(String paragraph, int firstIndent, int indent, StringBuilder text, int used) {
        int width = used;
        boolean lineEmpty = true;
        int i = 0;
        int n = paragraph.length();
        while (i < n) {
            int end = paragraph.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            String word = paragraph.substring(i, end);
            i = end + 1;
            if (word.isEmpty()) {
                continue;
            }
            if (!lineEmpty && width + 1 + word.length() > MAX_LINE) {
                text.append('\n').append(" ".repeat(indent));
                width = indent;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                text.append(' ');
                width++;
            }
            text.append(word);
            width += word.length();
            lineEmpty = false;
        }
        text.append('\n');
    }
}
