package dev.lexis.corpora;

import java.util.Objects;

/**
 * A column of a CSV/TSV file, chosen by header name or by 0-based index (a negative index counts from the end:
 * -1 is the last column).
 *
 * @param name the header name, or null when chosen by index
 * @param index the index, used when {@code name} is null
 */
public record Column(String name, int index) {
    public Column {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }

    /** The column whose header is {@code name} (case-insensitive when no exact match). */
    public static Column named(String name) {
        return new Column(Objects.requireNonNull(name, "name"), 0);
    }

    /** The column at {@code index} (0-based; negative counts from the end). */
    public static Column at(int index) {
        return new Column(null, index);
    }

    /** {@code "2"} or {@code "-1"} → by index; anything else → by name (for command-line options). */
    public static Column parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String trimmed = spec.trim();
        if (trimmed.matches("-?\\d{1,9}")) {
            return at(Integer.parseInt(trimmed));
        }
        return named(trimmed);
    }

    /** True when chosen by header name. */
    public boolean byName() {
        return name != null;
    }

    @Override
    public String toString() {
        return name != null ? "\"" + name + "\"" : "index " + index;
    }
}
