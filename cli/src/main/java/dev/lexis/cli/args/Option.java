package dev.lexis.cli.args;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named option on a field of a {@link Command} class.
 *
 * <p>The field's type decides the kind: {@code boolean} is a flag (no value; {@code --flag=false} also works);
 * {@code List<T>} collects every occurrence; {@code Map<String, String>} collects {@code KEY=VALUE} values;
 * any other type takes one value, given at most once. Values are converted by the {@link #converter()}, or by
 * type: {@code String}, {@code Path}, {@code int}, {@code long}, {@code float}, {@code double},
 * {@code boolean} (and their boxes), enums (case-insensitive).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Option {

    /** Marks "no default value" (an empty string is a valid default). */
    String NO_DEFAULT = "\u0000no default";

    /** The option's names, e.g. {@code {"-i", "--input"}}; one-letter names have one dash. */
    String[] names();

    /** The value's name in the help, e.g. {@code PATH}; empty for a flag. */
    String paramLabel() default "";

    /** The help text; {@code ${DEFAULT-VALUE}} is replaced by the default value. */
    String description() default "";

    /** Whether the command line must give the option. */
    boolean required() default false;

    /** The value used when the option is absent, converted like a given value. */
    String defaultValue() default NO_DEFAULT;

    /** Whether the help leaves the option out. */
    boolean hidden() default false;

    /**
     * Options of one command sharing a non-empty group name exclude each other: giving two of them is a
     * usage error.
     */
    String group() default "";

    /** Whether subcommands accept the option too (anywhere after their name); the value lands on this field. */
    boolean inherited() default false;

    /** Converts the value instead of the type's standard conversion. */
    Class<? extends Converter<?>> converter() default Converter.ByType.class;
}
