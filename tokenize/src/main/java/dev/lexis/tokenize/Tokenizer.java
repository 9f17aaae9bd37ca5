package dev.lexis.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;

/**
 * Splits text into tokens with a Lucene 10 {@link Analyzer} chosen by name, or with a hand-written
 * whitespace splitter for the throughput-critical word2vec path.
 *
 * <pre>{@code
 * Tokenizer t = Tokenizer.named("english+stem");
 * List<String> tokens = t.tokenize("The cats were running");   // [cat, were, run]
 * t.forEachToken(line, counter);                               // no allocation per token
 * String stored = t.spec();                                    // "english+stem", for model files
 * Tokenizer again = Tokenizer.fromSpec(stored);
 * }</pre>
 *
 * <p>The analyzers: {@code whitespace} splits at {@link Character#isWhitespace} characters only and keeps
 * case (the word2vec C tool's behaviour; like Lucene's {@code WhitespaceTokenizer} but truncating long tokens
 * instead of splitting them); {@code standard} is Lucene's {@code StandardTokenizer} (Unicode UAX#29 word
 * breaks) with lower-casing; {@code english} adds English possessive removal and Lucene's English stop
 * words, and Porter stemming with {@code +stem}; {@code icu} is {@code ICUTokenizer} (Unicode word breaks
 * for any script, dictionary-based for Thai, Lao, Khmer, Myanmar and CJK) with lower-casing;
 * {@code smartcn} is {@code HMMChineseTokenizer} (the Smart Chinese HMM word segmenter) with
 * {@code SmartChineseAnalyzer}'s punctuation stop set. See {@link TokenizerSpec} for chains and options.
 *
 * <p><b>Threads.</b> A Tokenizer is immutable and safe to share between threads: Lucene analyzers keep one
 * reusable token stream per thread, and the whitespace path keeps its buffers per thread. The one rule,
 * for the Lucene analyzers: a {@link TokenSink} or {@link Consumer} passed to a method of this tokenizer
 * must not call the same tokenizer again on the same thread (Lucene then throws
 * {@code IllegalStateException}: "TokenStream contract violation"); {@link #tokenize} first, then loop, if
 * you need that. The whitespace tokenizer allows it. Analyzer resources are released when the tokenizer
 * is garbage-collected.
 */
public abstract sealed class Tokenizer permits WhitespaceTokenizer, AnalyzerTokenizer {

    Tokenizer() {}

    /**
     * The tokenizer for a spec string such as {@code whitespace}, {@code english+stem} or
     * {@code standard|lowercase|asciiFolding}; the same as {@link #fromSpec(String)}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid names) or bad options
     */
    public static Tokenizer named(String spec) {
        return of(TokenizerSpec.parse(spec));
    }

    /**
     * Re-creates a tokenizer from the string {@link #spec()} returned, e.g. when a model file is loaded.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid names) or bad options
     */
    public static Tokenizer fromSpec(String spec) {
        return of(TokenizerSpec.parse(spec));
    }

    /**
     * The tokenizer for a spec record.
     *
     * @throws IllegalArgumentException when a Lucene factory in a chain rejects its parameters
     */
    public static Tokenizer of(TokenizerSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.analyzer().equals("whitespace")) {
            return new WhitespaceTokenizer(spec);
        }
        return new AnalyzerTokenizer(spec, Analyzers.build(spec), spec.toString());
    }

    /** The word2vec C tool's tokenizer: split on whitespace, keep case, tokens of at most 255 chars. */
    public static Tokenizer whitespace() {
        return new WhitespaceTokenizer(TokenizerSpec.of("whitespace"));
    }

    /**
     * A tokenizer over a caller-supplied Lucene analyzer, used as is (no truncation, no lower-casing added).
     * It has no spec: {@link #spec()} throws, so it cannot be stored in a model file.
     *
     * @param analyzer any Lucene analyzer; tokens are its {@code CharTermAttribute} values for field ""
     */
    public static Tokenizer wrap(Analyzer analyzer) {
        Objects.requireNonNull(analyzer, "analyzer");
        return new AnalyzerTokenizer(null, analyzer, "wrapped " + analyzer.getClass().getName());
    }

    /**
     * Calls {@code sink} once per token of {@code text}, in order, without allocating per token. The char
     * slice is valid only during the call. Empty tokens are never passed.
     *
     * @throws java.io.UncheckedIOException if the Lucene analyzer fails (not expected for in-memory text)
     */
    public abstract void forEachToken(CharSequence text, TokenSink sink);

    /**
     * Like {@link #forEachToken(CharSequence, TokenSink)} over {@code chars[offset, offset + length)}.
     * The whitespace tokenizer passes slices of {@code chars} itself when it need not change them.
     *
     * @throws IndexOutOfBoundsException if the range is outside {@code chars}
     */
    public abstract void forEachToken(char[] chars, int offset, int length, TokenSink sink);

    /** Calls {@code action} with each token of {@code text} as a new String, in order. */
    public void forEach(CharSequence text, Consumer<? super String> action) {
        Objects.requireNonNull(action, "action");
        forEachToken(text, (chars, offset, length) -> action.accept(new String(chars, offset, length)));
    }

    /** The tokens of {@code text}, in order, as a new mutable list. */
    public List<String> tokenize(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        forEachToken(text, (chars, offset, length) -> tokens.add(new String(chars, offset, length)));
        return tokens;
    }

    /** Whether this tokenizer has a spec (false only for {@link #wrap(Analyzer)}). */
    public abstract boolean hasSpec();

    /**
     * The spec record.
     *
     * @throws IllegalStateException for a tokenizer from {@link #wrap(Analyzer)}
     */
    public abstract TokenizerSpec config();

    /**
     * The canonical spec string, e.g. {@code english+stem}; {@link #fromSpec(String)} re-creates an
     * equivalent tokenizer from it.
     *
     * @throws IllegalStateException for a tokenizer from {@link #wrap(Analyzer)}, which cannot be re-created
     */
    public String spec() {
        return config().toString();
    }

    /** Tokens are at most this many chars; {@link Integer#MAX_VALUE} for a wrapped analyzer. */
    public int maxTokenLength() {
        return hasSpec() ? config().maxTokenLength() : Integer.MAX_VALUE;
    }
}
