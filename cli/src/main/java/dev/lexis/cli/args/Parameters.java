package dev.lexis.cli.args;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Positional parameters on a field of a {@link Command} class: a {@code List<T>} field takes several values,
 * another type one. Values are converted as {@link Option} values are.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Parameters {

    /** The values' name in the help, e.g. {@code WORD}. */
    String paramLabel();

    /**
     * How many values: {@code "3"}, {@code "0..1"}, {@code "1..*"}, {@code "0..*"}; the default is {@code "1"}
     * for a single-valued field and {@code "0..*"} for a list.
     */
    String arity() default "";

    /** The help text. */
    String description() default "";

    /** Order among the command's positional fields: lower indexes take the values first. */
    int index() default 0;

    /** Converts the values instead of the type's standard conversion. */
    Class<? extends Converter<?>> converter() default Converter.ByType.class;
}
