package dev.lexis.tokenize;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link Tokenizer} is: an analyzer name and its options. It has a one-line string form that
 * round-trips ({@code TokenizerSpec.parse(spec.toString()).equals(spec)}), so a model file can store the
 * spec and re-create the same tokenizer when it is loaded.
 *
 * <h2>String form</h2>
 * <pre>
 * spec     = analyzer *( "+" option )
 * analyzer = "whitespace" | "standard" | "english" | "icu" | "smartcn"      built-in analyzers
 *          | chain                                                          Lucene SPI names, see below
 * option   = "lowercase" | "keepcase" | "stem" | "maxlen=" N
 * </pre>
 * Examples: {@code whitespace}, {@code english+stem}, {@code whitespace+lowercase+maxlen=100},
 * {@code standard|lowercase|asciiFolding}, {@code keyword}, {@code classic|lowercase+maxlen=40}.
 *
 * <p>A chain is {@code [charFilter|...]tokenizer[|tokenFilter...]} with Lucene's SPI names (as listed by
 * {@code TokenizerFactory.availableTokenizers()} and friends), each optionally with factory parameters:
 * {@code pattern(pattern=[a-z]+,group=0)|lowercase}; inside the parentheses a backslash escapes the next
 * character, so the regex {@code \s+} is written {@code pattern(pattern=\\s+)} and a comma {@code \,}.
 * It is built with Lucene's {@code CustomAnalyzer}; the chain's tokenizer keeps its own length limit
 * (e.g. {@code standard(maxTokenLength=4096)}), then {@code maxlen} truncates.
 * A single tokenizer name that is not a built-in analyzer name (e.g. {@code keyword}, {@code classic}) is
 * a one-element chain; Lucene's own {@code whitespace} or {@code standard} tokenizer alone is written
 * {@code whitespace()} / {@code standard()}.
 *
 * <h2>Options</h2>
 * <ul>
 *   <li>{@code lowercase} / {@code keepcase}: lower-case every token (per code point, as Lucene's
 *       {@code LowerCaseFilter}) or not. Default: lower-case for {@code standard}, {@code english},
 *       {@code icu} and {@code smartcn}; keep case for {@code whitespace} (like the word2vec C tool) and
 *       for chains (put {@code lowercase} in the chain, or add {@code +lowercase}). {@code smartcn}
 *       always lower-cases Latin letters, so {@code smartcn+keepcase} is rejected.</li>
 *   <li>{@code stem}: Porter stemming (Porter 1980) after the other filters. Not available for the
 *       {@code whitespace} fast path (write {@code whitespace()|porterStem} instead).</li>
 *   <li>{@code maxlen=N}: the longest token, in UTF-16 chars (1 to 1,048,576; default 255, Lucene's
 *       default). Longer tokens are truncated to their first N chars, as the word2vec C tool does
 *       (a surrogate pair is never split). Lucene's tokenizers first break a run of more than
 *       max(N, 4096) chars without a break into pieces (ICUTokenizer has a fixed 4096-char buffer and
 *       {@code standard} / {@code english} are set to match), so such a run gives several tokens.</li>
 * </ul>
 * Canonical form: names in lower case (chain names in Lucene's spelling), options in the order
 * {@code lowercase|keepcase}, {@code stem}, {@code maxlen}, each written only when it differs from the
 * default.
 *
 * @param analyzer       a built-in analyzer name or a chain, in canonical form
 * @param lowercase      whether tokens are lower-cased
 * @param stem           whether Porter stemming is applied
 * @param maxTokenLength longest token in chars, 1 to {@value #MAX_TOKEN_LENGTH_LIMIT}
 */
public record TokenizerSpec(String analyzer, boolean lowercase, boolean stem, int maxTokenLength) {

    /** The built-in analyzer names. */
    public static final List<String> BUILT_IN = List.of("whitespace", "standard", "english", "icu", "smartcn");

    /** Default maximum token length in chars (Lucene's {@code StandardAnalyzer} default). */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 255;

    /** Largest accepted maximum token length in chars (Lucene's {@code StandardTokenizer} limit). */
    public static final int MAX_TOKEN_LENGTH_LIMIT = 1 << 20;

    /** The options accepted after {@code +}, for messages. */
    static final String OPTIONS_HELP = "+lowercase, +keepcase, +stem, +maxlen=N";

    /**
     * Validates and canonicalizes.
     *
     * @throws IllegalArgumentException naming the field and value: unknown analyzer (listing the valid
     *     names), bad chain, maxTokenLength out of range, stem on whitespace, keepcase on smartcn
     */
    public TokenizerSpec {
        if (analyzer == null || analyzer.isBlank()) {
            throw new IllegalArgumentException("analyzer must be a name, got " + (analyzer == null ? "null" : "\"\"")
                    + "; " + validNames());
        }
        analyzer = canonicalAnalyzer(analyzer.strip());
        if (maxTokenLength < 1 || maxTokenLength > MAX_TOKEN_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxTokenLength must be in 1.." + MAX_TOKEN_LENGTH_LIMIT
                    + ", got " + maxTokenLength);
        }
        if (stem && analyzer.equals("whitespace")) {
            throw new IllegalArgumentException("stem is not available for the whitespace analyzer;"
                    + " use the chain whitespace()|porterStem instead");
        }
        if (!lowercase && analyzer.equals("smartcn")) {
            throw new IllegalArgumentException("lowercase=false is not available for smartcn:"
                    + " its segmenter always lower-cases Latin letters");
        }
    }

    /**
     * The spec of {@code analyzer} with default options.
     *
     * @throws IllegalArgumentException for an unknown analyzer name (the message lists the valid names)
     */
    public static TokenizerSpec of(String analyzer) {
        String canonical = canonicalAnalyzer(requireName(analyzer).strip());
        return new TokenizerSpec(canonical, defaultLowercase(canonical), false, DEFAULT_MAX_TOKEN_LENGTH);
    }

    /**
     * Parses the string form (see the class doc).
     *
     * @throws IllegalArgumentException naming the spec and the bad part: unknown analyzer (listing the valid
     *     names), unknown or repeated option, bad number
     */
    public static TokenizerSpec parse(String spec) {
        requireName(spec);
        List<String> parts;
        try {
            parts = Specs.splitTopLevel(spec.strip(), '+');
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tokenizer spec \"" + spec + "\": " + e.getMessage(), e);
        }
        TokenizerSpec result = of(parts.get(0));
        boolean caseSet = false;
        boolean stemSet = false;
        boolean maxSet = false;
        for (String raw : parts.subList(1, parts.size())) {
            String option = raw.strip().toLowerCase(Locale.ROOT);
            if ((option.equals("lowercase") || option.equals("keepcase")) && !caseSet) {
                caseSet = true;
                result = result.withLowercase(option.equals("lowercase"));
            } else if (option.equals("stem") && !stemSet) {
                stemSet = true;
                result = result.withStem(true);
            } else if (option.startsWith("maxlen=") && !maxSet) {
                maxSet = true;
                String number = option.substring("maxlen=".length()).strip();
                int max;
                try {
                    max = Integer.parseInt(number);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("tokenizer spec \"" + spec + "\": maxlen must be a whole number, got \""
                            + number + "\"", e);
                }
                result = result.withMaxTokenLength(max);
            } else {
                String why = option.equals("lowercase") || option.equals("keepcase") || option.equals("stem")
                        || option.startsWith("maxlen=") ? "repeated or conflicting option \"" : "unknown option \"";
                throw new IllegalArgumentException("tokenizer spec \"" + spec + "\": " + why + raw.strip()
                        + "\"; valid options are " + OPTIONS_HELP);
            }
        }
        return result;
    }

    /** A copy with lower-casing on or off. */
    public TokenizerSpec withLowercase(boolean lowercase) {
        return new TokenizerSpec(analyzer, lowercase, stem, maxTokenLength);
    }

    /** A copy with Porter stemming on or off. */
    public TokenizerSpec withStem(boolean stem) {
        return new TokenizerSpec(analyzer, lowercase, stem, maxTokenLength);
    }

    /** A copy with another maximum token length (chars). */
    public TokenizerSpec withMaxTokenLength(int maxTokenLength) {
        return new TokenizerSpec(analyzer, lowercase, stem, maxTokenLength);
    }

    /** Whether the analyzer is one of {@link #BUILT_IN}; otherwise it is a Lucene chain. */
    public boolean isBuiltIn() {
        return BUILT_IN.contains(analyzer);
    }

    /** The canonical string form, which {@link #parse} reads back to an equal spec. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(analyzer);
        if (lowercase != defaultLowercase(analyzer)) {
            out.append(lowercase ? "+lowercase" : "+keepcase");
        }
        if (stem) {
            out.append("+stem");
        }
        if (maxTokenLength != DEFAULT_MAX_TOKEN_LENGTH) {
            out.append("+maxlen=").append(maxTokenLength);
        }
        return out.toString();
    }

    static boolean defaultLowercase(String canonicalAnalyzer) {
        return switch (canonicalAnalyzer) {
            case "standard", "english", "icu", "smartcn" -> true;
            default -> false;
        };
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tokenizer spec must not be empty; " + validNames());
        }
        return name;
    }

    private static String canonicalAnalyzer(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (BUILT_IN.contains(lower)) {
            return lower;
        }
        boolean chainSyntax = name.indexOf('|') >= 0 || name.indexOf('(') >= 0;
        if (!chainSyntax && !LuceneChain.isTokenizerName(name)) {
            throw new IllegalArgumentException("unknown analyzer \"" + name + "\"; " + validNames());
        }
        return LuceneChain.format(LuceneChain.parse(name));
    }

    /** The sentence listing valid analyzer names, used in error messages. */
    static String validNames() {
        return "valid analyzers are " + String.join(", ", BUILT_IN)
                + ", a Lucene tokenizer name (" + String.join(", ", LuceneChain.tokenizerNames()) + ")"
                + ", or a chain of Lucene SPI names such as standard|lowercase|asciiFolding;"
                + " options: " + OPTIONS_HELP;
    }
}
