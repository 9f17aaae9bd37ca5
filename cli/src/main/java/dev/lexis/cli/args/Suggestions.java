package dev.lexis.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * The "did you mean" line after an unknown command or option: the names within a small edit distance of what
 * was typed (Damerau-Levenshtein: insertions, deletions, substitutions and swaps of neighbours), or that it
 * begins.
 */
final class Suggestions {

    private static final int MAX = 3;

    private Suggestions() {
    }

    /** {@code Did you mean: lexis classify?}, or "" when no subcommand name is close to {@code typed}. */
    static String forCommand(String typed, CommandSpec command) {
        List<String> close = closest(typed, command.subcommandNames());
        if (close.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder("Did you mean: ");
        for (int i = 0; i < close.size(); i++) {
            line.append(i == 0 ? "" : " or ").append(command.qualifiedName()).append(' ').append(close.get(i));
        }
        return line.append('?').toString();
    }

    /** {@code Possible solutions: --min-count}, or "" when no option name is close to {@code typed}. */
    static String forOption(String typed, CommandSpec command) {
        List<String> names = new ArrayList<>();
        for (ArgSpec option : command.visibleOptions()) {
            if (!option.hidden) {
                for (String name : option.names) {
                    names.add(name);
                }
            }
        }
        List<String> close = closest(typed, names);
        return close.isEmpty() ? "" : "Possible solutions: " + String.join(", ", close);
    }

    /** Up to three candidates nearest to {@code typed}, nearest first. */
    static List<String> closest(String typed, List<String> candidates) {
        List<String> found = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        String bare = strip(typed);
        if (bare.isEmpty()) {
            return found;
        }
        for (String candidate : candidates) {
            String name = strip(candidate);
            int d = distance(bare, name);
            int allowed = Math.max(1, Math.min(bare.length(), name.length()) / 3);
            if (name.length() >= 3 && bare.length() >= 3 && (name.startsWith(bare) || bare.startsWith(name))) {
                d = Math.min(d, 1);
            }
            if (d <= allowed) {
                int at = 0;
                while (at < distances.size() && distances.get(at) <= d) {
                    at++;
                }
                found.add(at, candidate);
                distances.add(at, d);
            }
        }
        return found.size() > MAX ? new ArrayList<>(found.subList(0, MAX)) : found;
    }

    private static String strip(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '-') {
            i++;
        }
        return name.substring(i);
    }

    /** The optimal-string-alignment distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
