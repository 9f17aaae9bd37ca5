package dev.lexis.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static final String ENGLISH =
            "The Quick brown fox's friends were RUNNING to U.S.A. in 2024, e-mail: bob@example.com!";

    @Test
    void whitespaceSplitsOnWhitespaceOnlyAndKeepsCase() {
        assertEquals(List.of("The", "Quick", "brown", "fox's", "friends", "were", "RUNNING", "to", "U.S.A.", "in",
                "2024,", "e-mail:", "bob@example.com!"), Tokenizer.named("whitespace").tokenize(ENGLISH));
        // tabs, CR, LF, vertical tab, form feed, U+2003 em space and U+3000 ideographic space split;
        // U+00A0 no-break space does not (Character.isWhitespace, as Lucene's WhitespaceTokenizer)
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g\u00A0h", "i"),
                Tokenizer.whitespace().tokenize("  a\tb\r\nc\u000Bd\fe\u2003f\u3000g\u00A0h   i \n"));
        assertEquals(List.of(), Tokenizer.whitespace().tokenize(""));
        assertEquals(List.of(), Tokenizer.whitespace().tokenize(" \t\n "));
    }

    @Test
    void whitespaceLowercaseOption() {
        assertEquals(List.of("the", "quick", "straße", "ǆ", "σοφία", "😀x"),
                Tokenizer.named("whitespace+lowercase").tokenize("The QUICK STRAßE ǅ ΣΟΦΊΑ 😀X"));
    }

    @Test
    void standardBreaksWordsAndLowercases() {
        assertEquals(List.of("the", "quick", "brown", "fox's", "friends", "were", "running", "to", "u.s.a", "in",
                "2024", "e", "mail", "bob", "example.com"), Tokenizer.named("standard").tokenize(ENGLISH));
        assertEquals(List.of("The", "Quick"), Tokenizer.named("standard+keepcase").tokenize("The Quick!"));
    }

    @Test
    void englishRemovesStopWordsAndPossessivesAndStemsOnRequest() {
        assertEquals(List.of("quick", "brown", "fox", "friends", "were", "running", "u.s.a", "2024", "e", "mail",
                "bob", "example.com"), Tokenizer.named("english").tokenize(ENGLISH));
        assertEquals(List.of("quick", "brown", "fox", "friend", "were", "run", "u.s.a", "2024", "e", "mail",
                "bob", "example.com"), Tokenizer.named("english+stem").tokenize(ENGLISH));
        assertEquals(List.of("cat", "were", "run"), Tokenizer.named("english+stem").tokenize("The cats were running"));
        // stop words match whatever the case when lower-casing is off
        assertEquals(List.of("Cats", "Dogs"), Tokenizer.named("english+keepcase").tokenize("The Cats AND the Dogs"));
    }

    @Test
    void icuSegmentsMixedScripts() {
        assertEquals(List.of("москва", "is", "東京", "and", "ελλάδα", "naïve", "café", "123", "ไทย", "ภาษา", "😀", "ok"),
                Tokenizer.named("icu").tokenize("Москва is 東京 and Ελλάδα, naïve café 123 ไทยภาษา 😀ok"));
        // the standard tokenizer, for contrast, splits Han characters one by one and leaves Thai whole
        assertEquals(List.of("東", "京", "ไทยภาษา"), Tokenizer.named("standard").tokenize("東京 ไทยภาษา"));
    }

    @Test
    void smartcnSegmentsChineseWords() {
        assertEquals(List.of("我", "爱", "北京", "天安门", "今天", "天气", "很", "好", "我们", "去", "公园", "散步", "吧",
                "hello", "world"), Tokenizer.named("smartcn").tokenize("我爱北京天安门。今天天气很好，我们去公园散步吧！Hello World"));
    }

    @Test
    void customChainsUseLuceneSpiNames() {
        Tokenizer folding = Tokenizer.named("standard|lowercase|asciifolding");
        assertEquals("standard|lowercase|asciiFolding", folding.spec());
        assertEquals(List.of("creme", "brulee", "a", "zurich"), folding.tokenize("Crème Brûlée à Zürich"));

        Tokenizer pattern = Tokenizer.named("pattern(pattern=[a-z]+,group=0)|lowercase");
        assertEquals(List.of("b", "cd", "ef"), pattern.tokenize("Ab1cd,ef"));
        assertEquals("pattern(pattern=[a-z]+,group=0)|lowercase", pattern.spec());

        assertEquals(List.of("new york"), Tokenizer.named("keyword").tokenize("new york"));
        assertEquals(List.of("quic", "brow", "fox"), Tokenizer.named("classic|lowercase+maxlen=4").tokenize("Quick brown fox"));
        assertEquals(List.of("text"), Tokenizer.named("htmlStrip|whitespace|lowercase").tokenize("<b>Text</b>"));
        // +lowercase and +stem append to a chain
        assertEquals(List.of("run", "dog"), Tokenizer.named("letter+lowercase+stem").tokenize("RUNNING dogs"));
    }

    @Test
    void unknownNamesAreRejectedWithTheValidNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("engilsh"));
        assertTrue(e.getMessage().startsWith("unknown analyzer \"engilsh\"; valid analyzers are whitespace, standard,"
                + " english, icu, smartcn, a Lucene tokenizer name (classic, "), e.getMessage());
        assertTrue(e.getMessage().contains("standard|lowercase|asciiFolding"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("standard|lowercse"));
        assertTrue(e.getMessage().startsWith("analysis chain \"standard|lowercse\": \"lowercse\" is not a Lucene token filter"),
                e.getMessage());
        assertTrue(e.getMessage().contains("asciiFolding"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("lowercase|standard"));
        assertTrue(e.getMessage().contains("\"lowercase\" is not a Lucene tokenizer or char filter"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("english+stemm"));
        assertEquals("tokenizer spec \"english+stemm\": unknown option \"stemm\"; valid options are"
                + " +lowercase, +keepcase, +stem, +maxlen=N", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("english+lowercase+keepcase"));
        assertTrue(e.getMessage().contains("repeated or conflicting option \"keepcase\""), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("standard+maxlen=0"));
        assertEquals("maxTokenLength must be in 1..1048576, got 0", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("standard+maxlen=ten"));
        assertEquals("tokenizer spec \"standard+maxlen=ten\": maxlen must be a whole number, got \"ten\"", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("whitespace+stem"));
        assertTrue(e.getMessage().contains("whitespace()|porterStem"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("smartcn+keepcase"));
        assertTrue(e.getMessage().contains("smartcn"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("pattern(group=0)"));
        assertEquals("analysis chain \"pattern(group=0)\": Configuration Error: missing parameter 'pattern'", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.named(" "));
        assertTrue(e.getMessage().startsWith("tokenizer spec must not be empty; valid analyzers are"), e.getMessage());
    }

    @Test
    void specsRoundTrip() {
        for (String spec : List.of("whitespace", "whitespace+lowercase", "whitespace+maxlen=100", "standard",
                "standard+keepcase", "english", "english+stem", "english+keepcase+stem+maxlen=40", "icu", "icu+stem",
                "smartcn", "smartcn+stem", "standard|lowercase|asciiFolding", "keyword", "whitespace()", "standard()",
                "classic|lowercase+maxlen=4", "htmlStrip|standard(maxTokenLength=100)|stop(ignoreCase=true)",
                "pattern(pattern=a\\,b,group=-1)", "letter+lowercase+stem")) {
            Tokenizer tokenizer = Tokenizer.fromSpec(spec);
            assertEquals(spec, tokenizer.spec(), "canonical form of " + spec);
            assertEquals(tokenizer.config(), TokenizerSpec.parse(tokenizer.spec()));
            assertEquals(tokenizer.spec(), Tokenizer.fromSpec(tokenizer.spec()).spec());
        }
        // non-canonical input becomes canonical
        assertEquals("english+stem", Tokenizer.fromSpec(" English + STEM ").spec());
        assertEquals("english", Tokenizer.fromSpec("english+lowercase+maxlen=255").spec());
        assertEquals("standard|lowercase|asciiFolding", Tokenizer.fromSpec("STANDARD | LowerCase|ASCIIFOLDING").spec());
        assertEquals("pattern(pattern=a\\,b,group=-1)", TokenizerSpec.parse("pattern(pattern=a\\,b, group=-1)").toString());
        // a comma escaped in a parameter value reaches the factory unescaped
        assertEquals(List.of("x", "y"), Tokenizer.named("pattern(pattern=\\,,group=-1)").tokenize("x,y"));
        // a backslash escapes: the regex \s+ is written \\s+
        Tokenizer regex = Tokenizer.named("pattern(pattern=\\\\s+)");
        assertEquals(List.of("a", "b,c"), regex.tokenize("a  b,c"));
        assertEquals("pattern(pattern=\\\\s+)", regex.spec());
        // the record form
        TokenizerSpec spec = TokenizerSpec.of("english").withStem(true).withMaxTokenLength(50);
        assertEquals("english+stem+maxlen=50", spec.toString());
        assertEquals(spec, Tokenizer.of(spec).config());
        assertTrue(spec.lowercase());
        assertFalse(TokenizerSpec.of("whitespace").lowercase());
        assertFalse(TokenizerSpec.of("keyword").isBuiltIn());
    }

    @Test
    void wrappedAnalyzerHasNoSpec() {
        Tokenizer wrapped = Tokenizer.wrap(new WhitespaceAnalyzer());
        assertEquals(List.of("A", "b"), wrapped.tokenize("A b"));
        assertFalse(wrapped.hasSpec());
        var e = assertThrows(IllegalStateException.class, wrapped::spec);
        assertTrue(e.getMessage().contains("has no spec"), e.getMessage());
    }

    @Test
    void longTokensAreTruncatedWithoutSplittingSurrogatePairs() {
        assertEquals(List.of("abcd", "ef", "ghij"), Tokenizer.named("whitespace+maxlen=4").tokenize("abcdefgh ef ghij"));
        // "ab😀c" is a b \uD83D \uDE00 c: cutting at 3 would leave half of the emoji
        assertEquals(List.of("ab", "a😀"), Tokenizer.named("whitespace+maxlen=3").tokenize("ab😀c a😀"));
        assertEquals(List.of("ab", "a😀"), Tokenizer.named("whitespace+maxlen=3+lowercase").tokenize("AB😀C A😀"));
        assertEquals(List.of("ab"), Tokenizer.named("keyword+maxlen=3").tokenize("ab😀c"));
        assertEquals(List.of("abcd", "ef"), Tokenizer.named("standard+maxlen=4").tokenize("abcdefgh ef"));
        assertEquals(List.of("abcd"), Tokenizer.named("icu+maxlen=4").tokenize("abcdefgh"));
    }

    @Test
    void whitespaceFastPathMatchesLuceneWhitespaceTokenizer() {
        Tokenizer fast = Tokenizer.whitespace();
        Tokenizer lucene = Tokenizer.named("whitespace()");
        var random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 500; i++) {
            String text = RandomText.next(random, 120);
            assertEquals(lucene.tokenize(text), fast.tokenize(text), () -> "text: " + RandomText.escape(text));
        }
        assertEquals(Tokenizer.named("whitespace()|lowercase").tokenize(ENGLISH + " ΣΟΦΊΑ İx"),
                Tokenizer.named("whitespace+lowercase").tokenize(ENGLISH + " ΣΟΦΊΑ İx"));
    }

    @Test
    void allInputFormsGiveTheSameTokens() {
        for (String spec : List.of("whitespace", "whitespace+lowercase+maxlen=3", "standard", "icu")) {
            Tokenizer tokenizer = Tokenizer.named(spec);
            String text = "  Hello WORLD  of tokens  ";
            List<String> expected = tokenizer.tokenize(text);
            assertEquals(expected, tokenizer.tokenize(new StringBuilder(text)), spec);
            List<String> fromChars = new ArrayList<>();
            char[] padded = ("xx" + text + "yy").toCharArray();
            tokenizer.forEachToken(padded, 2, text.length(), (c, o, l) -> fromChars.add(new String(c, o, l)));
            assertEquals(expected, fromChars, spec);
            List<String> viaForEach = new ArrayList<>();
            tokenizer.forEach(text, viaForEach::add);
            assertEquals(expected, viaForEach, spec);
        }
    }

    @Test
    void whitespaceTokenizerMayBeCalledAgainFromItsOwnSink() {
        Tokenizer tokenizer = Tokenizer.named("whitespace+lowercase");
        List<String> seen = new ArrayList<>();
        tokenizer.forEachToken("Outer Words", (c, o, l) -> {
            String outer = new String(c, o, l);
            seen.add(outer + tokenizer.tokenize("INNER text " + outer));
        });
        assertEquals(List.of("outer[inner, text, outer]", "words[inner, text, words]"), seen);
    }
}
