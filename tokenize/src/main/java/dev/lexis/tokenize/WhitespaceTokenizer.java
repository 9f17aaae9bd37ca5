package dev.lexis.tokenize;

import java.util.Objects;

/**
 * The hand-written whitespace splitter: tokens are maximal runs of chars that are not
 * {@link Character#isWhitespace} (so no-break spaces stay inside tokens, as in Lucene's
 * {@code WhitespaceTokenizer}); the word2vec C tool splits at space, tab and newline only. A token longer
 * than the maximum is truncated (like the C tool; Lucene would split it); optional lower-casing is per code
 * point, as Lucene's {@code LowerCaseFilter}.
 */
final class WhitespaceTokenizer extends Tokenizer {

    private final TokenizerSpec spec;
    private final boolean lowercase;
    private final int maxLength;
    /** Per-thread copy of the current token (for CharSequence input and for lower-casing). */
    private final ThreadLocal<char[]> scratch;
    /** Per-thread copy of the current String. */
    private final ThreadLocal<char[]> lineBuffer = ThreadLocal.withInitial(() -> new char[1024]);

    /** Lines up to this many chars keep their per-thread buffer (2 MB) for the next call. */
    static final int RETAINED_LINE_CHARS = 1 << 20;

    WhitespaceTokenizer(TokenizerSpec spec) {
        assert spec.analyzer().equals("whitespace") : spec;
        this.spec = spec;
        this.lowercase = spec.lowercase();
        this.maxLength = spec.maxTokenLength();
        this.scratch = ThreadLocal.withInitial(() -> new char[Math.min(maxLength, 1 << 12)]);
    }

    /** Character.isWhitespace for one char, with a branch-light ASCII path. */
    static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return c >= '\u0080' && Character.isWhitespace(c);
    }

    @Override
    public void forEachToken(CharSequence text, TokenSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (text instanceof String s) {
            forEachTokenOfString(s, sink);
            return;
        }
        int n = text.length();
        char[] buf = scratch.get();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            do {
                i++;
            } while (i < n && !isWhitespace(text.charAt(i)));
            int len = Math.min(i - start, maxLength);
            if (len > buf.length) {
                buf = growScratch(len);
            }
            for (int k = 0; k < len; k++) {
                buf[k] = text.charAt(start + k);
            }
            emit(buf, 0, len, i - start > maxLength, sink);
        }
    }

    /**
     * Strings: one bulk copy of the text into a per-thread buffer, then the char[] loop, which passes slices
     * of that buffer without a per-token copy. Texts over {@link #RETAINED_LINE_CHARS} use a temporary buffer
     * so a single huge line does not stay in memory.
     */
    private void forEachTokenOfString(String text, TokenSink sink) {
        int n = text.length();
        char[] line = lineBuffer.get();
        if (n > line.length) {
            line = new char[n];
            if (n <= RETAINED_LINE_CHARS) {
                lineBuffer.set(line);
            }
        }
        text.getChars(0, n, line, 0);
        forEachToken(line, 0, n, sink);
    }

    @Override
    public void forEachToken(char[] chars, int offset, int length, TokenSink sink) {
        Objects.requireNonNull(sink, "sink");
        Objects.checkFromIndexSize(offset, length, chars.length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (isWhitespace(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            do {
                i++;
            } while (i < end && !isWhitespace(chars[i]));
            int len = Math.min(i - start, maxLength);
            if (lowercase) {
                char[] buf = scratch.get();
                if (len > buf.length) {
                    buf = growScratch(len);
                }
                System.arraycopy(chars, start, buf, 0, len);
                emit(buf, 0, len, i - start > maxLength, sink);
            } else {
                if (i - start > maxLength) {
                    len = TruncateFilter.truncatedLength(chars, start, maxLength);
                }
                sink.accept(chars, start, len);
            }
        }
    }

    private void emit(char[] buf, int offset, int len, boolean truncated, TokenSink sink) {
        if (truncated) {
            len = TruncateFilter.truncatedLength(buf, offset, len);
        }
        if (lowercase) {
            lowerCase(buf, offset, offset + len);
        }
        sink.accept(buf, offset, len);
    }

    private char[] growScratch(int len) {
        char[] bigger = new char[len];
        scratch.set(bigger);
        return bigger;
    }

    /** Lower-cases in place per code point, as Lucene's CharacterUtils.toLowerCase. */
    private static void lowerCase(char[] buf, int from, int to) {
        for (int i = from; i < to; ) {
            char c = buf[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    buf[i] = (char) (c + ('a' - 'A'));
                }
                i++;
            } else {
                int cp = Character.codePointAt(buf, i, to);
                int lower = Character.toLowerCase(cp);
                if (Character.charCount(lower) == Character.charCount(cp)) {
                    Character.toChars(lower, buf, i);
                }
                i += Character.charCount(cp);
            }
        }
    }

    @Override
    public boolean hasSpec() {
        return true;
    }

    @Override
    public TokenizerSpec config() {
        return spec;
    }

    @Override
    public String toString() {
        return "Tokenizer[" + spec + "]";
    }
}
