package dev.lexis.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** conlleval's rules on hand-checkable sentences. */
class SpanEvaluationTest {
    private static List<String> tags(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void perfectTaggingScoresOneHundred() {
        SpanEvaluation e = SpanEvaluation.builder().add(tags("B-NP I-NP O B-VP"), tags("B-NP I-NP O B-VP")).build();
        assertEquals(4, e.tokens());
        assertEquals(2, e.goldChunks());
        assertEquals(2, e.correctChunks());
        assertEquals(100.0, e.f1(), 1e-9);
        assertEquals(1.0, e.accuracy(), 1e-9);
    }

    @Test
    void aChunkCountsOnlyWithTheSameStartEndAndType() {
        // gold: [NP He] [VP reckons] [NP the current account deficit]
        // guess: [NP He] [VP reckons] [NP the current] [NP account deficit]   (split: 2 wrong, 1 missed)
        SpanEvaluation e = SpanEvaluation.builder()
                .add(tags("B-NP B-VP B-NP I-NP I-NP I-NP"), tags("B-NP B-VP B-NP I-NP B-NP I-NP")).build();
        assertEquals(3, e.goldChunks());
        assertEquals(4, e.guessedChunks());
        assertEquals(2, e.correctChunks());
        assertEquals(50.0, e.precision(), 1e-9);
        assertEquals(200.0 / 3, e.recall(), 1e-9);
        assertEquals(2 * 50.0 * (200.0 / 3) / (50.0 + 200.0 / 3), e.f1(), 1e-9);
        assertEquals(5.0 / 6, e.accuracy(), 1e-9);
        assertEquals(1, e.byType().get("VP").correct());
    }

    @Test
    void anIAfterOStartsAChunkAsInIob1() {
        // conlleval treats O I-NP as the start of a chunk; a type change inside also starts a new one
        SpanEvaluation e = SpanEvaluation.builder().add(tags("O I-NP I-NP I-VP"), tags("O B-NP I-NP B-VP")).build();
        assertEquals(2, e.goldChunks());
        assertEquals(2, e.correctChunks());
        assertEquals(0.5, e.accuracy(), 1e-9);
    }

    @Test
    void wrongTypeOrBoundaryIsNotCorrectAndSentencesAreSeparate() {
        SpanEvaluation e = SpanEvaluation.builder()
                .add(tags("B-NP I-NP"), tags("B-VP I-VP"))
                .add(tags("I-NP"), tags("I-NP"))    // a new sentence: I-NP starts a chunk
                .add(tags("B-NP I-NP"), tags("B-NP O"))
                .build();
        assertEquals(3, e.goldChunks());
        assertEquals(3, e.guessedChunks());
        assertEquals(1, e.correctChunks());
        assertEquals(2.0 / 5, e.accuracy(), 1e-9);
    }

    @Test
    void iobesTagsWork() {
        SpanEvaluation e = SpanEvaluation.builder()
                .add(tags("S-PER O B-ORG E-ORG"), tags("S-PER O B-ORG I-ORG")).build();
        assertEquals(2, e.goldChunks());
        assertEquals(2, e.correctChunks());
    }

    @Test
    void posTagsHaveNoChunksButAnAccuracy() {
        SpanEvaluation e = SpanEvaluation.builder().add(tags("NN VBZ DT"), tags("NN VBD DT")).build();
        assertEquals(0, e.goldChunks());
        assertEquals(0.0, e.f1(), 0.0);
        assertEquals(2.0 / 3, e.accuracy(), 1e-9);
        assertFalse(SpanEvaluation.looksLikeChunkTags(tags("NN VBZ DT PRP$ -NONE-")));
        assertTrue(SpanEvaluation.looksLikeChunkTags(tags("O B-NP")));
    }

    @Test
    void reportHasConllevalsLines() {
        SpanEvaluation e = SpanEvaluation.builder().add(tags("B-NP I-NP O B-VP"), tags("B-NP I-NP O B-NP")).build();
        List<String> lines = e.report().lines().toList();
        assertEquals("processed 4 tokens with 2 phrases; found: 2 phrases; correct: 1.", lines.get(0));
        assertEquals("accuracy:  75.00%; precision:  50.00%; recall:  50.00%; FB1:  50.00", lines.get(1));
        assertEquals("               NP: precision:  50.00%; recall: 100.00%; FB1:  66.67  2", lines.get(2));
    }

    @Test
    void lengthsMustAgree() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SpanEvaluation.builder().add(tags("O O"), tags("O")));
        assertEquals("gold and guessed tags differ in length: 2 vs 1", e.getMessage());
    }
}
