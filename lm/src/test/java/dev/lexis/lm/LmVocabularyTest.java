package dev.lexis.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmVocabularyTest {
    @TempDir
    Path dir;

    @Test
    void keepsWordsSeenMinCountTimesAndMergesTheRestIntoUnk() throws Exception {
        Path f = dir.resolve("t.txt");
        Files.write(f, List.of("a b a c", "", "a b d", "  b a  "));
        LmVocabulary v = LmVocabulary.build(f, 2, 0);
        assertEquals(List.of("</s>", "<unk>", "a", "b"), v.words());
        assertArrayEquals(new long[] {3, 2, 4, 3}, v.counts());
        EncodedText e = v.encode(f);
        assertArrayEquals(new int[] {2, 3, 2, 1, 0, 2, 3, 1, 0, 3, 2, 0}, e.ids());
        assertEquals(2, e.oov());
        assertEquals(1, v.idOrUnk("zzz"));
        assertTrue(v.find("zzz").isEmpty());
        assertEquals(List.of("</s>", "<unk>", "a"), LmVocabulary.build(f, 1, 3).words());
    }

    @Test
    void emptyTrainingFileIsRefusedWithItsName() throws Exception {
        Path f = dir.resolve("empty.txt");
        Files.write(f, List.of("", "   "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LmVocabulary.build(f, 1, 0));
        assertEquals(f + ": no tokens; the training file is empty", e.getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("minCount must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> LmVocabulary.build(dir.resolve("x"), 0, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LmVocabulary.of(List.of("a", "b"), new long[2])).getMessage().contains("starts with </s>"));
    }
}
