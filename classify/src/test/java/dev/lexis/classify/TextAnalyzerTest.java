package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    @Test
    void kimSplitsCliticsAndPunctuation() {
        assertEquals(List.of("it", "'s", "not", "bad", ",", "is", "n't", "it", "?"),
                TextAnalyzer.of("kim").tokens("It's not BAD, isn't it?"));
        assertEquals(List.of("clich", "s", "("), TextAnalyzer.of("kim").tokens("clichés ("));
        assertEquals(List.of(), TextAnalyzer.of("kim").tokens("  ...  "));
        assertEquals(List.of("Who", "wrote", "Hamlet", "?", "It", "'s"), TextAnalyzer.of("kim-cased").tokens("Who wrote Hamlet? It's"));
    }

    @Test
    void whitespaceAndLowercase() {
        assertEquals(List.of("How", "far", "?"), TextAnalyzer.of("whitespace").tokens(" How far ? "));
        assertEquals(List.of("how", "far", "?"), TextAnalyzer.of("lowercase").tokens("How far ?"));
    }

    @Test
    void unknownSpecIsNamed() {
        var ex = assertThrows(IllegalArgumentException.class, () -> TextAnalyzer.of("bogus"));
        assertTrue(ex.getMessage().startsWith("unknown analyzer \"bogus\"; known analyzers: kim, kim-cased, "
                + "whitespace, lowercase, words, or a tokenize spec such as standard or english+stem ("), ex.getMessage());
    }

    @Test
    void kimMatchesCleanStrOnEdgeCases() {
        // Kim's clean_str splits a clitic wherever it occurs, keeps ` and ', and separates every other character
        assertEquals(List.of("rock", "'n", "roll", "'sup", "do", "n't", "a", "b", "``q''"),
                TextAnalyzer.of("kim").tokens("Rock 'n roll 'sup don't a-b ``Q''"));
    }

    @Test
    void wordsMatchesTheCorpusNormalisation() {
        // normalize_corpus.py: lower-case, every run of non-letters/digits (and _) is one space
        assertEquals(List.of("it", "s", "isn", "t", "a", "b", "x", "y", "café", "42"),
                TextAnalyzer.of("words").tokens("It's isn't (A,b) x_y Café 42"));
    }

    @Test
    void anyTokenizeSpecIsAccepted() {
        assertEquals(List.of("cats", "running"), TextAnalyzer.of("standard").tokens("Cats, running!"));
        assertEquals("standard", TextAnalyzer.of("standard").spec());
    }
}
