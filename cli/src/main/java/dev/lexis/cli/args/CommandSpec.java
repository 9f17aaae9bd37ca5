package dev.lexis.cli.args;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model of one command on the command line: its instance, its options and positional parameters (read
 * from the annotated fields of its class), its parent, and the streams it writes to. Commands get theirs in
 * a field annotated {@link Spec}.
 *
 * <p>The options are read when the model is created, which happens only for the command that runs and its
 * parents (and for the command whose help is printed); subcommands are known by their class until one is
 * chosen.
 */
public final class CommandSpec {

    private final Command annotation;
    private final Object command;
    private final CommandSpec parent;
    private final PrintWriter out;
    private final PrintWriter err;
    final List<ArgSpec> options = new ArrayList<>();
    final List<ArgSpec> positionals = new ArrayList<>();

    private CommandSpec(Object command, CommandSpec parent, PrintWriter out, PrintWriter err) {
        Class<?> type = command.getClass();
        this.annotation = annotationOf(type);
        this.command = command;
        this.parent = parent;
        this.out = out;
        this.err = err;
        if (annotation.standardHelpOptions()) {
            options.add(ArgSpec.standard(ArgSpec.Kind.HELP));
            options.add(ArgSpec.standard(ArgSpec.Kind.VERSION));
        }
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        int standard = options.size();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                Parameters parameters = field.getAnnotation(Parameters.class);
                boolean spec = field.isAnnotationPresent(Spec.class);
                if (option == null && parameters == null && !spec) {
                    continue;
                }
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    throw new IllegalStateException(field + ": an annotated field must be neither static nor final");
                }
                field.setAccessible(true);
                if (spec) {
                    set(field, this);
                } else if (option != null) {
                    options.add(withInitial(ArgSpec.option(field, option)));
                } else {
                    positionals.add(withInitial(ArgSpec.positional(field, parameters)));
                }
            }
        }
        // own options first, then -h and -V (as the help lists them)
        if (standard > 0) {
            options.add(options.remove(0));
            options.add(options.remove(0));
        }
        for (int i = 1; i < positionals.size(); i++) {   // stable sort by index, without a lambda at start-up
            for (int j = i; j > 0 && positionals.get(j - 1).index > positionals.get(j).index; j--) {
                positionals.set(j, positionals.set(j - 1, positionals.get(j)));
            }
        }
    }

    /**
     * The model of a root command.
     *
     * @param command an instance of a class annotated {@link Command}
     * @param out     where the command writes its results
     * @param err     where it writes errors and progress
     * @return the model, with {@code command}'s {@link Spec} field set
     * @throws IllegalStateException when the class is not annotated or an annotation is malformed
     */
    public static CommandSpec root(Object command, PrintWriter out, PrintWriter err) {
        return new CommandSpec(command, null, out, err);
    }

    private ArgSpec withInitial(ArgSpec arg) {
        try {
            arg.initial = arg.field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + arg.field + ": " + e.getMessage(), e);
        }
        return arg;
    }

    private void set(Field field, Object value) {
        try {
            field.set(command, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + field + ": " + e.getMessage(), e);
        }
    }

    static Command annotationOf(Class<?> type) {
        Command c = type.getAnnotation(Command.class);
        if (c == null) {
            throw new IllegalStateException(type.getName() + " has no @Command annotation");
        }
        return c;
    }

    /** The command's name, e.g. {@code train}. */
    public String name() {
        return annotation.name();
    }

    /** The names from the root down, e.g. {@code lexis classify train}. */
    public String qualifiedName() {
        return parent == null ? name() : parent.qualifiedName() + " " + name();
    }

    /** The command object whose fields the parser sets. */
    public Object command() {
        return command;
    }

    /** The root command's model. */
    public CommandSpec root() {
        CommandSpec c = this;
        while (c.parent != null) {
            c = c.parent;
        }
        return c;
    }

    /** Where results go. */
    public PrintWriter out() {
        return out;
    }

    /** Where errors and progress go. */
    public PrintWriter err() {
        return err;
    }

    /** The {@code @Command} annotation of the command's class. */
    public Command annotation() {
        return annotation;
    }

    /**
     * The names of the subcommands, in declaration order (reads each subcommand's {@code @Command}, creates none).
     *
     * @return the names, empty for a command without subcommands
     */
    public List<String> subcommandNames() {
        List<String> names = new ArrayList<>();
        for (Class<?> c : annotation.subcommands()) {
            names.add(annotationOf(c).name());
        }
        return names;
    }

    /**
     * Creates the subcommand named {@code name}, with its model.
     *
     * @param name a subcommand name
     * @return the subcommand's model, empty when this command has no subcommand of that name
     * @throws IllegalStateException when the subcommand class cannot be created
     */
    public Optional<CommandSpec> subcommand(String name) {
        for (Class<?> c : annotation.subcommands()) {
            if (annotationOf(c).name().equals(name)) {
                Object instance;
                try {
                    instance = c.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot create the command " + c.getName()
                            + " (it needs a public no-argument constructor): " + e, e);
                }
                return Optional.of(new CommandSpec(instance, this, out, err));
            }
        }
        return Optional.empty();
    }

    /** Whether the option named {@code name} (of this command or an inherited one) was given. */
    public boolean matched(String name) {
        ArgSpec a = findOption(name);
        return a != null && a.matched;
    }

    /** This command's option named {@code name}, or an inherited option of a parent; null when none. */
    ArgSpec findOption(String name) {
        for (ArgSpec a : options) {
            if (a.hasName(name)) {
                return a;
            }
        }
        for (CommandSpec p = parent; p != null; p = p.parent) {
            for (ArgSpec a : p.options) {
                if (a.inherited && a.hasName(name)) {
                    return a;
                }
            }
        }
        return null;
    }

    /** This command's options, then the inherited options of its parents. */
    List<ArgSpec> visibleOptions() {
        List<ArgSpec> all = new ArrayList<>(options);
        for (int pass = 0; pass < 2; pass++) {   // inherited -h and -V first, then the others
            for (CommandSpec p = parent; p != null; p = p.parent) {
                for (ArgSpec a : p.options) {
                    boolean standard = a.kind == ArgSpec.Kind.HELP || a.kind == ArgSpec.Kind.VERSION;
                    if (a.inherited && standard == (pass == 0) && !all.contains(a)) {
                        all.add(a);
                    }
                }
            }
        }
        return all;
    }

    /** The command object that owns {@code arg}: this command or the parent that declared it. */
    Object ownerOf(ArgSpec arg) {
        for (CommandSpec c = this; c != null; c = c.parent) {
            if (c.options.contains(arg) || c.positionals.contains(arg)) {
                return c.command;
            }
        }
        throw new IllegalStateException(arg.longName() + " belongs to no command of " + qualifiedName());
    }

    /** The text shown for {@code ${DEFAULT-VALUE}}: the declared default, else the field's initial value. */
    String defaultText(ArgSpec arg) {
        if (!arg.defaultValue.equals(Option.NO_DEFAULT)) {
            return arg.defaultValue;
        }
        return arg.field == null ? "" : String.valueOf(arg.initial);
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
