package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals("unknown analyzer \"bogus\"; known analyzers: kim, kim-cased, whitespace, lowercase", ex.getMessage());
    }
}
