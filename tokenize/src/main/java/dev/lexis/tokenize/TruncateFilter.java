package dev.lexis.tokenize;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Truncates tokens to at most {@code maxLength} chars, never leaving half a surrogate pair (unlike Lucene's
 * {@code TruncateTokenFilter}, which cuts at a fixed char index).
 */
final class TruncateFilter extends TokenFilter {

    private final int maxLength;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    TruncateFilter(TokenStream input, int maxLength) {
        super(input);
        assert maxLength >= 1 : maxLength;
        this.maxLength = maxLength;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (term.length() > maxLength) {
            term.setLength(truncatedLength(term.buffer(), 0, maxLength));
        }
        return true;
    }

    /**
     * The length to keep when a token starting at {@code offset} is cut to {@code maxLength} chars: one less
     * when the last kept char is a high surrogate (its low half is cut off), but never 0.
     */
    static int truncatedLength(char[] chars, int offset, int maxLength) {
        if (maxLength > 1 && Character.isHighSurrogate(chars[offset + maxLength - 1])) {
            return maxLength - 1;
        }
        return maxLength;
    }
}
