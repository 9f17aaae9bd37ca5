package dev.lexis.classify;

import dev.lexis.tokenize.Tokenizer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a text into tokens with a {@link Tokenizer} of the tokenize module; named by a spec string that is
 * stored in the model file, so a loaded model tokenizes as it did in training.
 *
 * <ul>
 *   <li>{@code kim} (default): the {@code clean_str} of Kim (2014)'s code — tokens are runs of
 *       {@code A-Z a-z 0-9 ' `} and the single characters {@code ( ) , ! ?}; every other character separates;
 *       the clitics {@code 's 've n't 're 'd 'll} are split off the word before them; then lower-cased. It is
 *       the Lucene chain {@link #KIM_CHAIN} plus {@code |lowercase}.</li>
 *   <li>{@code kim-cased}: the same without lower-casing, as Kim's preprocessing of TREC.</li>
 *   <li>{@code whitespace}: split at white space, case kept (tokenize's {@code whitespace}).</li>
 *   <li>{@code lowercase}: split at white space, lower-cased ({@code whitespace+lowercase}).</li>
 *   <li>{@code words}: runs of letters and digits, lower-cased — the normalisation of the word2vec corpus
 *       ({@code ../shared/peers/normalize_corpus.py}), so a text's tokens are the words the vectors have.</li>
 *   <li>any other tokenize spec, e.g. {@code standard}, {@code english+stem} or a Lucene chain
 *       (see {@link dev.lexis.tokenize.TokenizerSpec}).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class TextAnalyzer {
    /** The default spec. */
    public static final String DEFAULT = "kim";

    /**
     * Kim's {@code clean_str} without the lower-casing, as a tokenize/Lucene chain: a pattern char filter puts a
     * separator ({@code #}) before each clitic, then a pattern tokenizer keeps the runs of word characters and the punctuation.
     */
    public static final String KIM_CHAIN = "patternReplace(pattern='s|'ve|n't|'re|'d|'ll,replacement=#$0)"
            + "|pattern(pattern=[\\(\\)\\,!?]|[A-Za-z0-9'`]+,group=0)";

    /** Runs of letters and digits, lower-cased: the {@code words} analyzer. */
    public static final String WORDS_CHAIN = "pattern(pattern=[\\\\p{L}\\\\p{N}]+,group=0)|lowercase";

    private final String spec;
    private final Tokenizer tokenizer;

    private TextAnalyzer(String spec, Tokenizer tokenizer) {
        this.spec = spec;
        this.tokenizer = tokenizer;
    }

    /** Analyzers built so far, by spec (they are immutable and thread-safe; building a Lucene chain is slow). */
    private static final ConcurrentHashMap<String, TextAnalyzer> BUILT = new ConcurrentHashMap<>();

    /**
     * The analyzer named by {@code spec} (built once per spec and shared).
     *
     * @throws IllegalArgumentException for an unknown spec, naming the known ones
     */
    public static TextAnalyzer of(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("analyzer must be a name, got null; " + KNOWN);
        }
        return BUILT.computeIfAbsent(spec, TextAnalyzer::build);
    }

    /**
     * Checks that {@code spec} names an analyzer, without building the built-in ones (building the Lucene chain of
     * {@code kim} costs a noticeable part of a short run's start when the run uses another analyzer).
     *
     * @throws IllegalArgumentException for an unknown spec, as {@link #of(String)}
     */
    static void check(String spec) {
        if (spec == null || builtIn(spec) == null) {
            of(spec);
        }
    }

    private static String builtIn(String spec) {
        return switch (spec) {
            case "kim" -> KIM_CHAIN + "|lowercase";
            case "kim-cased" -> KIM_CHAIN;
            case "whitespace" -> "whitespace";
            case "lowercase" -> "whitespace+lowercase";
            case "words" -> WORDS_CHAIN;
            default -> null;
        };
    }

    private static TextAnalyzer build(String spec) {
        String builtIn = builtIn(spec);
        String tokenizerSpec = builtIn != null ? builtIn : spec;
        try {
            return new TextAnalyzer(spec, Tokenizer.named(tokenizerSpec));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown analyzer \"" + spec + "\"; " + KNOWN + " (" + e.getMessage()
                    + ")", e);
        }
    }

    private static final String KNOWN = "known analyzers: kim, kim-cased, whitespace, lowercase, words, or a tokenize spec "
            + "such as standard or english+stem";

    public String spec() {
        return spec;
    }

    /** The tokens of {@code text} (possibly none). */
    public List<String> tokens(String text) {
        return tokenizer.tokenize(text);
    }

    @Override
    public String toString() {
        return spec;
    }
}
