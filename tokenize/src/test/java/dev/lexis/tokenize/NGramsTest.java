package dev.lexis.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NGramsTest {

    @Test
    void wordNGramsAsStrings() {
        List<String> tokens = List.of("the", "cat", "sat");
        assertEquals(List.of("the_cat", "cat_sat"), NGrams.of(tokens, 2, "_"));
        assertEquals(List.of("the cat sat"), NGrams.of(tokens, 3, " "));
        assertEquals(List.of(), NGrams.of(tokens, 4, " "));
        assertEquals(List.of("the", "the_cat", "cat", "cat_sat", "sat"), NGrams.of(tokens, 1, 2, "_"));
        assertEquals(List.of(), NGrams.of(List.of(), 1, 3, "_"));
        assertEquals("need 1 <= minN <= maxN, got minN=2, maxN=1",
                assertThrows(IllegalArgumentException.class, () -> NGrams.of(tokens, 2, 1, "_")).getMessage());
    }

    @Test
    void fnv1aMatchesFastTextsHash() {
        // 32-bit FNV-1a: offset basis 2166136261, prime 16777619 (hand-checked values, as unsigned)
        assertEquals(0x811C9DC5, NGrams.fnv1a(""));
        assertEquals(0xE40C292C, NGrams.fnv1a("a"));
        assertEquals(0xBF9CF968, NGrams.fnv1a("foobar"));
        // bytes >= 0x80 are sign-extended as fastText's int8_t cast does: "é" is C3 A9
        int h = 0x811C9DC5;
        h = (h ^ 0xFFFFFFC3) * 16777619;
        h = (h ^ 0xFFFFFFA9) * 16777619;
        assertEquals(h, NGrams.fnv1a("é"));
    }

    @Test
    void hashedNGramsFollowFastTextsAddWordNgrams() {
        int[] hashes = {NGrams.fnv1a("the"), NGrams.fnv1a("cat"), NGrams.fnv1a("sat")};
        int buckets = 2_000_000;
        long h01 = (long) hashes[0] * 116049371L + hashes[1];
        long h012 = h01 * 116049371L + hashes[2];
        long h12 = (long) hashes[1] * 116049371L + hashes[2];
        int[] expected = {
            (int) Long.remainderUnsigned(h01, buckets),
            (int) Long.remainderUnsigned(h012, buckets),
            (int) Long.remainderUnsigned(h12, buckets),
        };
        assertArrayEquals(expected, NGrams.hashed(hashes, 3, buckets));
        assertArrayEquals(new int[] {expected[0], expected[2]}, NGrams.hashed(hashes, 2, buckets));
        assertArrayEquals(new int[0], NGrams.hashed(hashes, 1, buckets));
        for (int b : NGrams.hashed(hashes, 3, 7)) {
            assertEquals(true, b >= 0 && b < 7);
        }
        assertEquals("buckets must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> NGrams.hashed(hashes, 2, 0)).getMessage());
    }
}
