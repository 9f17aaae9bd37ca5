package dev.lexis.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** A tokenizer backed by a Lucene analyzer (which reuses one token stream per thread). */
final class AnalyzerTokenizer extends Tokenizer {

    private static final String FIELD = "";

    private final TokenizerSpec spec;  // null only for wrapped analyzers
    private final Analyzer analyzer;
    private final String description;

    AnalyzerTokenizer(TokenizerSpec spec, Analyzer analyzer, String description) {
        this.spec = spec;
        this.analyzer = analyzer;
        this.description = description;
    }

    @Override
    public void forEachToken(CharSequence text, TokenSink sink) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sink, "sink");
        run(text.toString(), sink);
    }

    @Override
    public void forEachToken(char[] chars, int offset, int length, TokenSink sink) {
        Objects.checkFromIndexSize(offset, length, chars.length);
        Objects.requireNonNull(sink, "sink");
        run(new String(chars, offset, length), sink);
    }

    private void run(String text, TokenSink sink) {
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int length = term.length();
                if (length > 0) {
                    sink.accept(term.buffer(), 0, length);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("tokenizer " + description + " failed on a text of " + text.length()
                    + " chars: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasSpec() {
        return spec != null;
    }

    @Override
    public TokenizerSpec config() {
        if (spec == null) {
            throw new IllegalStateException("this tokenizer wraps a caller-supplied analyzer (" + description
                    + ") and has no spec, so it cannot be stored in or re-created from a model file;"
                    + " build it with Tokenizer.fromSpec instead");
        }
        return spec;
    }

    @Override
    public String toString() {
        return "Tokenizer[" + (spec != null ? spec.toString() : description) + "]";
    }
}
