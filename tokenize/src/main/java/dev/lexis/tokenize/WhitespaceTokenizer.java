package dev.lexis.tokenize;

import java.util.Objects;

/**
 * The hand-written whitespace splitter: tokens are maximal runs of chars that are not
 * {@link Character#isWhitespace} (so no-break spaces stay inside tokens, as in Lucene's
 * {@code WhitespaceTokenizer}); the word2vec C tool splits at space, tab and newline only. A token longer
 * than the maximum is truncated (like the C tool; Lucene would split it); optional lower-casing is per code
 * point, as Lucene's {@code LowerCaseFilter}.
 *
 * <p>Each thread has its buffers in a {@link State}. A sink that calls this tokenizer again on the same
 * thread gets fresh buffers for the inner call, so nesting is safe here (unlike the Lucene analyzers).
 */
final class WhitespaceTokenizer extends Tokenizer {

    /** Lines up to this many chars keep their per-thread buffer (2 MB) for the next call. */
    static final int RETAINED_LINE_CHARS = 1 << 20;

    /** One thread's buffers: a copy of the current String and of the current token. */
    private static final class State {
        char[] line = new char[1024];
        char[] token;
        boolean busy;

        State(int tokenChars) {
            token = new char[tokenChars];
        }
    }

    private final TokenizerSpec spec;
    private final boolean lowercase;
    private final int maxLength;
    private final ThreadLocal<State> state;

    WhitespaceTokenizer(TokenizerSpec spec) {
        assert spec.analyzer().equals("whitespace") : spec;
        this.spec = spec;
        this.lowercase = spec.lowercase();
        this.maxLength = spec.maxTokenLength();
        this.state = ThreadLocal.withInitial(this::newState);
    }

    private State newState() {
        return new State(Math.min(maxLength, 1 << 12));
    }

    /** Character.isWhitespace for one char, with a branch-light ASCII path. */
    static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return c >= '\u0080' && Character.isWhitespace(c);
    }

    /** This thread's state, marked busy; a fresh one when this thread is already inside a call. */
    private State acquire() {
        State s = state.get();
        if (s.busy) {
            s = newState();
        }
        s.busy = true;
        return s;
    }

    @Override
    public void forEachToken(CharSequence text, TokenSink sink) {
        Objects.requireNonNull(sink, "sink");
        State s = acquire();
        try {
            if (text instanceof String string) {
                forEachTokenOfString(string, sink, s);
            } else {
                forEachTokenOfSequence(text, sink, s);
            }
        } finally {
            s.busy = false;
        }
    }

    @Override
    public void forEachToken(char[] chars, int offset, int length, TokenSink sink) {
        Objects.requireNonNull(sink, "sink");
        Objects.checkFromIndexSize(offset, length, chars.length);
        State s = acquire();
        try {
            scan(chars, offset, offset + length, sink, s);
        } finally {
            s.busy = false;
        }
    }

    /**
     * Strings: one bulk copy of the text into the thread's line buffer, then the char[] loop, which passes
     * slices of that buffer without a per-token copy. Texts over {@link #RETAINED_LINE_CHARS} use a
     * temporary buffer so one huge line does not stay in memory.
     */
    private void forEachTokenOfString(String text, TokenSink sink, State s) {
        int n = text.length();
        char[] line = s.line;
        if (n > line.length) {
            line = new char[n];
            if (n <= RETAINED_LINE_CHARS) {
                s.line = line;
            }
        }
        text.getChars(0, n, line, 0);
        scan(line, 0, n, sink, s);
    }

    /** Other CharSequences: token by token through the token buffer. */
    private void forEachTokenOfSequence(CharSequence text, TokenSink sink, State s) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            do {
                i++;
            } while (i < n && !isWhitespace(text.charAt(i)));
            int len = Math.min(i - start, maxLength);
            char[] buf = tokenBuffer(s, len);
            for (int k = 0; k < len; k++) {
                buf[k] = text.charAt(start + k);
            }
            emit(buf, len, i - start > maxLength, sink);
        }
    }

    /** The hot loop over chars[from, to). */
    private void scan(char[] chars, int from, int to, TokenSink sink, State s) {
        int i = from;
        while (i < to) {
            if (isWhitespace(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            do {
                i++;
            } while (i < to && !isWhitespace(chars[i]));
            int len = Math.min(i - start, maxLength);
            boolean truncated = i - start > maxLength;
            if (lowercase) {
                char[] buf = tokenBuffer(s, len);
                System.arraycopy(chars, start, buf, 0, len);
                emit(buf, len, truncated, sink);
            } else {
                if (truncated) {
                    len = TruncateFilter.truncatedLength(chars, start, maxLength);
                }
                sink.accept(chars, start, len);
            }
        }
    }

    /** Truncation at a surrogate pair, lower-casing, then the sink; the token is buf[0, len). */
    private void emit(char[] buf, int len, boolean truncated, TokenSink sink) {
        if (truncated) {
            len = TruncateFilter.truncatedLength(buf, 0, len);
        }
        if (lowercase) {
            lowerCase(buf, 0, len);
        }
        sink.accept(buf, 0, len);
    }

    private static char[] tokenBuffer(State s, int len) {
        if (len > s.token.length) {
            s.token = new char[len];
        }
        return s.token;
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
