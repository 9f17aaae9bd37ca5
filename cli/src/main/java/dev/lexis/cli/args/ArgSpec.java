package dev.lexis.cli.args;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One option or positional parameter of a command: its field, names, kind and conversion; after parsing,
 * whether the command line gave it.
 */
final class ArgSpec {

    /** What the field holds. */
    enum Kind { FLAG, SINGLE, LIST, MAP, HELP, VERSION }

    final Field field;            // null for -h/--help and -V/--version
    final String[] names;         // options: their names; positional parameters: none
    final String label;
    final String description;
    final boolean required;
    final String defaultValue;    // Option.NO_DEFAULT when none
    final boolean hidden;
    final String group;
    final boolean inherited;
    final Kind kind;
    final Class<?> valueType;     // of one value (the element type of a List)
    final Converter<?> converter; // null: by type
    final int index;              // positional parameters: order
    final int minArity;
    final int maxArity;           // Integer.MAX_VALUE for *
    Object initial;               // the field's value before parsing (shown as the default when none is declared)
    boolean matched;

    private ArgSpec(Field field, String[] names, String label, String description, boolean required,
            String defaultValue, boolean hidden, String group, boolean inherited, Kind kind, Class<?> valueType,
            Converter<?> converter, int index, int minArity, int maxArity) {
        this.field = field;
        this.names = names;
        this.label = label;
        this.description = description;
        this.required = required;
        this.defaultValue = defaultValue;
        this.hidden = hidden;
        this.group = group;
        this.inherited = inherited;
        this.kind = kind;
        this.valueType = valueType;
        this.converter = converter;
        this.index = index;
        this.minArity = minArity;
        this.maxArity = maxArity;
    }

    static ArgSpec option(Field field, Option o) {
        Kind kind = kindOf(field);
        if (o.names().length == 0) {
            throw new IllegalStateException(field + ": @Option without names");
        }
        return new ArgSpec(field, o.names(), o.paramLabel().isEmpty() && kind != Kind.FLAG ? "VALUE" : o.paramLabel(),
                o.description(), o.required(), o.defaultValue(), o.hidden(), o.group(), o.inherited(), kind,
                valueType(field, kind), converter(o.converter(), field), 0, kind == Kind.FLAG ? 0 : 1, 1);
    }

    static ArgSpec positional(Field field, Parameters p) {
        Kind kind = kindOf(field);
        if (kind == Kind.MAP || kind == Kind.FLAG) {
            throw new IllegalStateException(field + ": @Parameters on a Map or boolean field");
        }
        String arity = p.arity().isEmpty() ? (kind == Kind.LIST ? "0..*" : "1") : p.arity();
        int dots = arity.indexOf("..");
        int min;
        int max;
        try {
            min = Integer.parseInt(dots < 0 ? arity : arity.substring(0, dots));
            String top = dots < 0 ? arity : arity.substring(dots + 2);
            max = top.equals("*") ? Integer.MAX_VALUE : Integer.parseInt(top);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(field + ": arity \"" + arity + "\" is not N, N..M or N..*", e);
        }
        if (kind == Kind.SINGLE && max > 1) {
            throw new IllegalStateException(field + ": arity \"" + arity + "\" needs a List field");
        }
        return new ArgSpec(field, new String[0], p.paramLabel(), p.description(), min > 0, Option.NO_DEFAULT, false,
                "", false, kind, valueType(field, kind), converter(p.converter(), field), p.index(), min, max);
    }

    static ArgSpec standard(Kind kind) {
        boolean help = kind == Kind.HELP;
        return new ArgSpec(null, help ? new String[] {"-h", "--help"} : new String[] {"-V", "--version"}, "",
                help ? "Show this help message and exit." : "Print version information and exit.",
                false, Option.NO_DEFAULT, false, "", true, kind, boolean.class, null, 0, 0, 0);
    }

    boolean isOption() {
        return names.length > 0;
    }

    boolean takesValue() {
        return kind == Kind.SINGLE || kind == Kind.LIST || kind == Kind.MAP;
    }

    boolean hasName(String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The longest name, as messages name the option: {@code --input}. */
    String longName() {
        String longest = names.length == 0 ? label : names[0];
        for (String n : names) {
            if (n.length() > longest.length()) {
                longest = n;
            }
        }
        return longest;
    }

    /** {@code --input=PATH}, {@code --approximate}, or the label of a positional parameter. */
    String synopsis() {
        return !isOption() ? label : kind == Kind.FLAG || !takesValue() ? longName() : longName() + "=" + label;
    }

    /**
     * Converts {@code text} and stores it in {@code command}'s field (adds it to a List or Map field).
     *
     * @throws UsageException when the text is not a valid value, or a single value is given twice
     */
    @SuppressWarnings("unchecked")
    void store(Object command, String text, CommandSpec owner) {
        try {
            switch (kind) {
                case FLAG -> field.set(command, convert(text == null ? "true" : text, owner));
                case SINGLE -> {
                    if (matched && isOption()) {
                        throw new UsageException("option '" + longName() + "' (" + label
                                + ") should be specified only once", owner, "");
                    }
                    field.set(command, convert(text, owner));
                }
                case LIST -> {
                    List<Object> list = (List<Object>) field.get(command);
                    if (list == null) {
                        list = new ArrayList<>();
                        field.set(command, list);
                    }
                    list.add(convert(text, owner));
                }
                case MAP -> {
                    int eq = text.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("Value for option '" + longName() + "' (" + label
                                + ") should be in KEY=VALUE format but was " + text, owner, "");
                    }
                    Map<String, String> map = (Map<String, String>) field.get(command);
                    if (map == null) {
                        map = new LinkedHashMap<>();
                        field.set(command, map);
                    }
                    map.put(text.substring(0, eq), text.substring(eq + 1));
                }
                default -> throw new IllegalStateException(kind + " has no field");
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + field + ": " + e.getMessage(), e);
        }
        matched = true;
    }

    private Object convert(String text, CommandSpec owner) {
        if (converter != null) {
            try {
                return converter.convert(text);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage(), owner);
            }
        }
        Class<?> t = valueType;
        try {
            if (t == String.class) {
                return text;
            } else if (t == Path.class) {
                return Path.of(text);
            } else if (t == int.class || t == Integer.class) {
                return Integer.valueOf(text.strip());
            } else if (t == long.class || t == Long.class) {
                return Long.valueOf(text.strip());
            } else if (t == double.class || t == Double.class) {
                return Double.valueOf(text);
            } else if (t == float.class || t == Float.class) {
                return Float.valueOf(text);
            } else if (t == boolean.class || t == Boolean.class) {
                if (text.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                } else if (text.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw invalid("'" + text + "' is not a boolean", owner);
            } else if (t.isEnum()) {
                for (Object constant : t.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                        return constant;
                    }
                }
                throw invalid("expected one of " + java.util.Arrays.toString(t.getEnumConstants())
                        + " (case-insensitive) but was '" + text + "'", owner);
            }
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "' is not " + typeName(t), owner);
        } catch (InvalidPathException e) {
            throw invalid("'" + text + "' is not a path: " + e.getReason(), owner);
        }
        throw new IllegalStateException(field + ": no conversion to " + t.getName() + "; give a converter");
    }

    private UsageException invalid(String reason, CommandSpec owner) {
        String what = isOption() ? "option '" + longName() + "'" : "positional parameter " + label;
        return new UsageException("Invalid value for " + what + ": " + reason, owner, "");
    }

    private static String typeName(Class<?> t) {
        if (t == int.class || t == Integer.class) {
            return "an int";
        } else if (t == long.class || t == Long.class) {
            return "a long";
        } else if (t == float.class || t == Float.class) {
            return "a float";
        }
        return "a " + t.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static Kind kindOf(Field field) {
        Class<?> t = field.getType();
        if (t == boolean.class || t == Boolean.class) {
            return Kind.FLAG;
        } else if (List.class.isAssignableFrom(t)) {
            return Kind.LIST;
        } else if (Map.class.isAssignableFrom(t)) {
            return Kind.MAP;
        }
        return Kind.SINGLE;
    }

    private static Class<?> valueType(Field field, Kind kind) {
        if (kind == Kind.MAP) {
            return String.class;
        }
        if (kind != Kind.LIST) {
            return field.getType();
        }
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException(field + ": a List option needs its element type, e.g. List<Path>");
    }

    private static Converter<?> converter(Class<? extends Converter<?>> type, Field field) {
        if (type == Converter.ByType.class) {
            return null;
        }
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(field + ": cannot create its converter " + type.getName(), e);
        }
    }
}
