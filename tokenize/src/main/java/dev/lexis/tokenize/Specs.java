package dev.lexis.tokenize;

import java.util.ArrayList;
import java.util.List;

/** Small string helpers for the spec syntax: splitting outside parentheses, backslash escapes. */
final class Specs {

    private Specs() {}

    /**
     * Splits {@code text} at {@code separator} where it is neither inside parentheses nor escaped by a
     * backslash.
     *
     * @throws IllegalArgumentException when parentheses do not balance
     */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("unbalanced ')' at index " + i + " in \"" + text + "\"");
                }
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '(' in \"" + text + "\"");
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Index of the first {@code c} at or after {@code from} that is not escaped, or -1. */
    static int indexOfUnescaped(String text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            char x = text.charAt(i);
            if (x == '\\') {
                i++;
            } else if (x == c) {
                return i;
            }
        }
        return -1;
    }

    /** Removes backslash escapes: {@code \x} becomes {@code x}. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Escapes the characters that have a meaning inside a parameter list. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == ',' || c == '(' || c == ')' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
