package dev.lexis.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Character n-grams and their hashing (as fastText), and the {@code FILE.subwords} format. */
class SubwordsTest {

    @TempDir
    Path dir;

    /**
     * Golden FNV-1a values computed by hand in Python from fastText's {@code Dictionary::hash} (offset basis
     * 2166136261, prime 16777619, each UTF-8 byte sign-extended before the xor): the non-ASCII ones pin the sign
     * extension. "afé>" in 1,000 buckets is bucket 12: the row the fasttext binary trained for it (checked with
     * {@code fasttext dump m.bin input} after {@code fasttext skipgram -minn 3 -maxn 4 -bucket 1000}).
     */
    @Test
    void hashesAreFastTextsFnv1a() {
        assertEquals(2166136261L, Integer.toUnsignedLong(Subwords.hash("")));
        assertEquals(1048167652L, Integer.toUnsignedLong(Subwords.hash("<wh")));
        assertEquals(90969176L, Integer.toUnsignedLong(Subwords.hash("where")));
        assertEquals(2319392596L, Integer.toUnsignedLong(Subwords.hash("<where>")));
        assertEquals(1118700963L, Integer.toUnsignedLong(Subwords.hash("ère")));
        assertEquals(1520761685L, Integer.toUnsignedLong(Subwords.hash("café>")));
        int[] cafe = Subwords.bucketsOf("café", 3, 4, 1000);
        assertArrayEquals(new int[] {747, 831, 661, 601, 362, 12, 697}, cafe);
    }

    @Test
    void ngramsOfAShortWord() {
        // the paper's example: "where" with n = 3
        assertEquals(List.of("<wh", "whe", "her", "ere", "re>"), Subwords.ngrams("where", 3, 3));
        // by start, then length; the wrapped word itself when short enough; no lone "<" or ">" with minn 1
        assertEquals(List.of("<a", "a", "ab", "b", "b>"), Subwords.ngrams("ab", 1, 2));
        assertEquals(List.of("<ab", "<ab>", "ab>"), Subwords.ngrams("ab", 3, 6));
        // characters, not bytes or UTF-16 units: é is one, and so is 𝄞 (two UTF-16 units)
        assertEquals(List.of("<ca", "<caf", "caf", "café", "afé", "afé>", "fé>"), Subwords.ngrams("café", 3, 4));
        assertEquals(List.of("<𝄞>"), Subwords.ngrams("𝄞", 3, 3));
        assertArrayEquals(new int[] {724319, 1882441, 734299, 853648, 433713, 112776, 818795, 1853919, 1950837,
                736598, 771707, 590751, 217300}, Subwords.bucketsOf("walking", 3, 4, 2_000_000));
        assertEquals(List.of(), Subwords.ngrams("longword", 64, 64));
        var e = assertThrows(IllegalArgumentException.class, () -> Subwords.ngrams("x", 3, 2));
        assertEquals("need 1 <= minn <= maxn, got minn 3, maxn 2", e.getMessage());
    }

    private static Subwords sample() {
        // the seven known buckets of "walk" (3-4 characters, 100 buckets: 13, 19, 41, 48, 78, 89, 99), rows of
        // dimension 3 with a stride of 4
        int[] known = Arrays.stream(Subwords.bucketsOf("walk", 3, 4, 100)).distinct().sorted().toArray();
        float[] m = new float[8 + known.length * 4];
        for (int r = 0; r < known.length; r++) {
            for (int d = 0; d < 3; d++) {
                m[8 + r * 4 + d] = r + 0.25f * d;
            }
        }
        return Subwords.ofRows(3, 3, 4, 100, known, m, 8, 4);
    }

    @Test
    void composesTheMeanOfTheKnownNgrams() {
        Subwords s = sample();
        float[] v = new float[3];
        assertTrue(s.compose("walk", v));
        int[] b = Subwords.bucketsOf("walk", 3, 4, 100);
        float[] expected = new float[3];
        for (int x : b) {
            for (int d = 0; d < 3; d++) {
                expected[d] += (s.rowOf(x) + 0.25f * d) / b.length;
            }
        }
        assertArrayEquals(expected, v, 1e-6f);
        // "zq" has buckets 34, 96, 46: none known
        float[] untouched = {7, 7, 7};
        assertFalse(s.canCompose("zq"));
        assertFalse(s.compose("zq", untouched));
        assertArrayEquals(new float[] {7, 7, 7}, untouched);
        assertTrue(s.canCompose("jj"), "bucket 19 of \"<jj\" is known");
    }

    @Test
    void fileRoundTrip() throws IOException {
        Subwords s = sample();
        Path f = dir.resolve("v.bin.subwords");
        s.write(f);
        Subwords back = Subwords.open(f);
        assertEquals(s.toString(), back.toString());
        assertEquals(3, back.minn());
        assertEquals(4, back.maxn());
        assertEquals(100, back.bucket());
        assertEquals(s.knownRows(), back.knownRows());
        for (String w : List.of("walk", "walked", "talk", "chalk")) {
            float[] a = new float[3];
            float[] c = new float[3];
            assertEquals(s.compose(w, a), back.compose(w, c), w);
            assertArrayEquals(a, c, w);
        }
        assertEquals(List.of(), Arrays.stream(dir.toFile().list()).filter(n -> n.endsWith(".tmp")).toList(),
                "no temporary file left");
    }

    @Test
    void aTruncatedOrDamagedFileIsRefusedNamingIt() throws IOException {
        Path f = dir.resolve("v.bin.subwords");
        sample().write(f);
        byte[] whole = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.subwords");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 5));
        var e = assertThrows(IOException.class, () -> Subwords.open(cut));
        assertEquals(cut + ": subword file truncated (" + (whole.length - 5) + " bytes, expected " + whole.length
                + " for 7 rows x 3); the file is incomplete", e.getMessage());
        Files.write(cut, Arrays.copyOf(whole, 10));
        e = assertThrows(IOException.class, () -> Subwords.open(cut));
        assertEquals(cut + ": subword file truncated (10 bytes, the header alone has 32); the file is incomplete",
                e.getMessage());
        Path foreign = dir.resolve("foreign.subwords");
        Files.write(foreign, new byte[64]);
        e = assertThrows(IOException.class, () -> Subwords.open(foreign));
        assertEquals(foreign + ": not a Lexis subword file (wrong magic number)", e.getMessage());
        byte[] flipped = whole.clone();
        flipped[whole.length - 12] ^= 1; // in the last row
        Path damaged = dir.resolve("damaged.subwords");
        Files.write(damaged, flipped);
        Subwords opened = Subwords.open(damaged); // the header is fine: the rows are checked when first used
        var u = assertThrows(UncheckedIOException.class, () -> opened.compose("walk", new float[3]));
        assertEquals(damaged + ": subword file checksum mismatch; the file is damaged", u.getMessage());
    }

    @Test
    void argumentsAreChecked() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Subwords.ofRows(3, 3, 4, 100, new int[] {5, 5}, new float[8], 0, 4));
        assertEquals("known buckets must be ascending in [0, 100), got 5 at 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Subwords.ofRows(3, 0, 4, 100, new int[0], new float[0], 0, 4));
        assertEquals("need 1 <= minn <= maxn <= 64, got minn 0, maxn 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sample().compose("walk", new float[2]));
        assertEquals("output has 2 floats, need 3", e.getMessage());
    }
}
