package dev.lexis.tokenize;

import java.util.SplittableRandom;

/** Random test strings mixing scripts, whitespace kinds, emoji, controls and lone surrogates. */
final class RandomText {

    private static final String[] PIECES = {
        " ", " ", " ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u3000", "\u000B", "\u001F",
        "a", "Z", "ß", "é", "İ", "Σ", "ж", "字", "北京", "ไทย", "😀", "𝔘", "1", "٣",
        ".", ",", "'", "-", "@", "_", "\u0000", "\u0085", "\u200B", "\uFEFF", "\uD83D", "\uDE00", "\u0301",
    };

    private RandomText() {}

    static String next(SplittableRandom random, int maxPieces) {
        int n = random.nextInt(maxPieces + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(4) == 0) {
                out.append((char) random.nextInt(0x10000));  // any UTF-16 unit
            } else {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }
}
