package dev.lexis.cli.args;

/**
 * Converts an option or parameter value from its text.
 *
 * <p>An implementation has a public no-argument constructor. A value it rejects is a usage error
 * {@code Invalid value for option '--name': <message>}: it throws {@link IllegalArgumentException} with a
 * message naming the problem (e.g. the valid values).
 *
 * @param <T> the field's type
 */
public interface Converter<T> {

    /**
     * The value of {@code text}.
     *
     * @param text the text on the command line
     * @return the value to store in the field
     * @throws IllegalArgumentException when {@code text} is not a valid value
     */
    T convert(String text);

    /** The default of {@link Option#converter()}: the standard conversion of the field's type. */
    final class ByType implements Converter<Object> {
        private ByType() {
        }

        @Override
        public Object convert(String text) {
            throw new UnsupportedOperationException("marker class");
        }
    }
}
