package dev.lexis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a text into tokens; named by a spec string that is stored in the model file, so a loaded model
 * tokenizes as it did in training.
 *
 * <ul>
 *   <li>{@code kim} (default): lower-case; characters other than {@code a-z 0-9 ( ) , ! ? ' `} become spaces;
 *       clitics {@code 's 've 're 'd 'll n't} and the punctuation {@code ( ) , ! ?} are split off — the
 *       {@code clean_str} of Kim (2014)'s code, as the PyTorch reference does.</li>
 *   <li>{@code kim-cased}: the same without lower-casing (letters {@code A-Z} are kept), as Kim's preprocessing
 *       of TREC.</li>
 *   <li>{@code whitespace}: split at white space, case kept.</li>
 *   <li>{@code lowercase}: split at white space, lower-cased.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class TextAnalyzer {
    /** The default spec. */
    public static final String DEFAULT = "kim";

    private static final Pattern KIM_DROP = Pattern.compile("[^a-z0-9(),!?'`]");
    private static final Pattern KIM_CASED_DROP = Pattern.compile("[^A-Za-z0-9(),!?'`]");
    private static final Pattern KIM_CLITIC = Pattern.compile("'(s|ve|re|d|ll)\\b");
    private static final Pattern KIM_NOT = Pattern.compile("n't\\b");
    private static final Pattern KIM_PUNCT = Pattern.compile("([(),!?])");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final String spec;

    private TextAnalyzer(String spec) {
        this.spec = spec;
    }

    /**
     * The analyzer named by {@code spec}.
     *
     * @throws IllegalArgumentException for an unknown spec, naming the known ones
     */
    public static TextAnalyzer of(String spec) {
        return switch (spec) {
            case "kim", "kim-cased", "whitespace", "lowercase" -> new TextAnalyzer(spec);
            default -> throw new IllegalArgumentException("unknown analyzer \"" + spec
                    + "\"; known analyzers: kim, kim-cased, whitespace, lowercase");
        };
    }

    public String spec() {
        return spec;
    }

    /** The tokens of {@code text} (possibly none). */
    public List<String> tokens(String text) {
        String s = switch (spec) {
            case "kim" -> kim(KIM_DROP.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" "));
            case "kim-cased" -> kim(KIM_CASED_DROP.matcher(text).replaceAll(" "));
            case "lowercase" -> text.toLowerCase(Locale.ROOT);
            default -> text;
        };
        List<String> out = new ArrayList<>();
        for (String t : SPACE.split(s)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    // text with the dropped characters already replaced by spaces
    private static String kim(String s) {
        s = KIM_CLITIC.matcher(s).replaceAll(" '$1");
        s = KIM_NOT.matcher(s).replaceAll(" n't");
        return KIM_PUNCT.matcher(s).replaceAll(" $1 ");
    }

    @Override
    public String toString() {
        return spec;
    }
}
