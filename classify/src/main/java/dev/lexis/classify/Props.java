package dev.lexis.classify;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads typed config values from properties, naming the key in every error; rejects unknown keys. */
final class Props {
    private final Map<String, String> map;
    private final String what;

    Props(Map<String, String> map, Set<String> known, String what) {
        this.map = map;
        this.what = what;
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown " + what + " option(s) " + unknown + "; known: "
                    + new TreeSet<>(known));
        }
    }

    String string(String key, String fallback) {
        String v = map.get(key);
        return v == null ? fallback : v.strip();
    }

    int integer(String key, int fallback) {
        String v = map.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " option " + key + " must be an integer, got \"" + v + "\"");
        }
    }

    long longValue(String key, long fallback) {
        String v = map.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " option " + key + " must be an integer, got \"" + v + "\"");
        }
    }

    double real(String key, double fallback) {
        String v = map.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " option " + key + " must be a number, got \"" + v + "\"");
        }
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
