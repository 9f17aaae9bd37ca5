package dev.lexis.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFormatsTest {

    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = VectorFormatsTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void writesTheGoldenFilesByteForByte() throws IOException {
        GoldenVectors.vectors().save(dir.resolve("g.bin"));
        GoldenVectors.vectors().save(dir.resolve("g.txt"));
        assertArrayEquals(resource("golden.bin"), Files.readAllBytes(dir.resolve("g.bin")));
        assertArrayEquals(resource("golden.txt"), Files.readAllBytes(dir.resolve("g.txt")));
        assertFalse(Files.exists(VectorFormats.sidecarOf(dir.resolve("g.bin"))), "no metadata, no sidecar");
    }

    @Test
    void goldenBinaryLayoutIsTheCToolsOne() throws IOException {
        byte[] b = resource("golden.bin");
        byte[] header = "3 4\nthe ".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(header, Arrays.copyOf(b, header.length));
        // 0.5f little-endian = 00 00 00 3F
        assertEquals(0x3F, b[header.length + 3]);
        assertEquals('\n', b[header.length + 16]);
        assertEquals(header.length + 17 + "king ".length() + 17 + "königin ".getBytes(StandardCharsets.UTF_8).length
                + 17, b.length);
    }

    @Test
    void readsGoldenFilesInBothFormats() throws IOException {
        for (String name : List.of("golden.bin", "golden.txt")) {
            Path p = dir.resolve(name);
            Files.write(p, resource(name));
            WordVectors v = WordVectors.load(p);
            assertEquals(GoldenVectors.WORDS, v.words());
            assertArrayEquals(Arrays.copyOfRange(GoldenVectors.MATRIX, 8, 12), v.vector("königin").orElseThrow());
            WordVectors first = WordVectors.load(p, 2);
            assertEquals(List.of("the", "king"), first.words());
        }
    }

    @Test
    void readsGensimStyleBinaryWithoutNewlinesAndFastTextVecWithTrailingSpaces() throws IOException {
        Path bin = dir.resolve("gensim.bin");
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes("2 2\n".getBytes(StandardCharsets.US_ASCII));
        for (String w : List.of("a", "b")) {
            out.writeBytes((w + " ").getBytes(StandardCharsets.UTF_8));
            java.nio.ByteBuffer f = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            f.putFloat(1.5f).putFloat(w.equals("a") ? -2f : 3f);
            out.writeBytes(f.array());
        }
        Files.write(bin, out.toByteArray());
        WordVectors v = WordVectors.load(bin);
        assertArrayEquals(new float[] {1.5f, 3f}, v.vector("b").orElseThrow());
        Path vec = dir.resolve("ft.vec");
        Files.writeString(vec, "2 3\nx 0.1 0.2 0.3 \ny -1 -2 -3 \n");
        assertArrayEquals(new float[] {-1, -2, -3}, WordVectors.load(vec).vector("y").orElseThrow());
    }

    @Test
    void roundTripKeepsMetadataInTheSidecar() throws IOException {
        WordVectors v = WordVectors.of(GoldenVectors.WORDS, GoldenVectors.MATRIX, 4,
                Map.of("analyzer", "whitespace", "word2vec.dim", "4"));
        Path p = dir.resolve("m.bin");
        v.save(p);
        assertTrue(Files.exists(dir.resolve("m.bin.lexis.properties")));
        WordVectors back = WordVectors.load(p);
        assertEquals("whitespace", back.analyzer().orElseThrow());
        assertEquals("4", back.metadata().get("word2vec.dim"));
        assertArrayEquals(resource("golden.bin"), Files.readAllBytes(p), "the sidecar keeps the .bin pure");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files are left");
        }
    }

    @Test
    void wrongHeader() throws IOException {
        Path p = dir.resolve("bad.txt");
        Files.writeString(p, "hello world\nx 1 2\n");
        var e = assertThrows(VectorFileException.class, () -> WordVectors.load(p));
        assertEquals(p + ": wrong header: expected \"V D\" with V >= 0 and D >= 1, found \"hello world\"",
                e.getMessage());
        Files.writeString(p, "3\n");
        e = assertThrows(VectorFileException.class, () -> WordVectors.load(p));
        assertEquals(p + ": wrong header: expected \"V D\" (vocabulary size and dimension), found \"3\"",
                e.getMessage());
    }

    @Test
    void dimensionMismatchNamesTheWordIndex() throws IOException {
        Path p = dir.resolve("dim.txt");
        Files.writeString(p, "2 3\nx 1 2 3\ny 1 2\n");
        var e = assertThrows(VectorFileException.class, () -> WordVectors.load(p));
        assertEquals(p + ": dimension mismatch in vector 1 of 2 (\"y\", line 3): 2 numbers, expected 3;"
                + " the file may be truncated", e.getMessage());
    }

    @Test
    void truncatedBinaryNamesTheWord() throws IOException {
        byte[] b = resource("golden.bin");
        Path p = dir.resolve("cut.bin");
        Files.write(p, Arrays.copyOf(b, b.length - 5));
        var e = assertThrows(VectorFileException.class, () -> WordVectors.load(p));
        assertEquals(p + ": truncated in vector 2 of 3 (\"königin\"); the file is incomplete", e.getMessage());
        Path q = dir.resolve("cut2.bin");
        Files.write(q, Arrays.copyOf(b, "3 4\nthe ".length() + 16 + 1));
        e = assertThrows(VectorFileException.class, () -> WordVectors.load(q));
        assertEquals(q + ": truncated before vector 1 of 3; the file is incomplete", e.getMessage());
    }

    @Test
    void invalidUtf8NamesTheWordIndex() throws IOException {
        byte[] b = resource("golden.bin").clone();
        int at = "3 4\nthe ".length() + 17;  // first byte of "king"
        b[at + 1] = (byte) 0xFF;
        Path p = dir.resolve("utf.bin");
        Files.write(p, b);
        var e = assertThrows(VectorFileException.class, () -> WordVectors.load(p));
        assertEquals(p + ": invalid UTF-8 in word 1 of 3", e.getMessage());
        Path t = dir.resolve("utf.txt");
        byte[] txt = "1 1\nab 1\n".getBytes(StandardCharsets.US_ASCII);
        txt[5] = (byte) 0xC3;
        Files.write(t, txt);
        e = assertThrows(VectorFileException.class, () -> WordVectors.load(t));
        assertEquals(t + ": invalid UTF-8 in word 0 of 1 (line 2)", e.getMessage());
    }
}
