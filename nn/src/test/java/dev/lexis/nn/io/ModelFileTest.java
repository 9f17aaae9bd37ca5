package dev.lexis.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private static ModelFile sample() {
        var random = new SplittableRandom(3);
        float[] weight = new float[5 * 4];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian();
        }
        return ModelFile.builder("nnlm")
                .config("contextSize", "4")
                .config("hiddenSize", "5")
                .vocabulary(List.of("a", "b", "c"), new long[] {3, 2, 1})
                .tensor("dense0.weight", Tensor.of(weight, 5, 4))
                .tensor("dense0.bias", Tensor.of(new float[] {1, 2, 3, 4, 5}, 5))
                .strings("labels", List.of("x", "y"))
                .ints("codes", new int[] {1, 0, 1})
                .build();
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        var random = new SplittableRandom(11);
        // larger than the 1 MiB I/O buffer, so values straddle buffer boundaries
        float[] big = new float[7 * 37_450];
        for (int i = 0; i < big.length; i++) {
            big[i] = Float.intBitsToFloat(random.nextInt());
        }
        float[] special = {Float.NaN, Float.intBitsToFloat(0x7fc00123), -0f, 0f, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE};
        StringBuilder longWord = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            longWord.append((char) ('a' + i % 26));
        }
        List<String> words = List.of("the", "naïve", "世界", "😀", "", longWord.toString());
        ModelFile original = ModelFile.builder("test-kind_1.0")
                .config("b", "2").config("a", "1").config("empty", "")
                .vocabulary(words, new long[] {5, 4, 3, 2, 1, Long.MAX_VALUE})
                .tensor("big", Tensor.of(big, 7, big.length / 7))
                .tensor("special", Tensor.of(special, 2, 2, 2))
                .tensor("scalar", Tensor.scalar(-7.5f))
                .tensor("empty", Tensor.zeros(0, 3))
                .tensor("view", Tensor.view(big, 5, 2, 3))
                .strings("labels", List.of("neg", "pos", "😀"))
                .ints("codes", new int[] {Integer.MIN_VALUE, 0, 7})
                .ints("none", new int[0])
                .build();
        Path file = dir.resolve("model.lexis");
        original.save(file);
        assertEquals(ModelFileWriter.encodedLength(original), Files.size(file));

        ModelFile loaded = ModelFile.load(file, "test-kind_1.0");
        assertEquals("test-kind_1.0", loaded.kind());
        assertEquals(original.config(), loaded.config());
        assertEquals(List.of("a", "b", "empty"), List.copyOf(loaded.config().keySet()));
        assertEquals(words, loaded.vocabularyWords());
        assertArrayEquals(original.vocabularyCounts(), loaded.vocabularyCounts());
        assertEquals(List.of("big", "special", "scalar", "empty", "view"), loaded.tensorNames());
        for (String name : original.tensorNames()) {
            Tensor a = original.tensor(name);
            Tensor b = loaded.tensor(name);
            assertArrayEquals(a.shape(), b.shape(), name);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(Float.floatToRawIntBits(a.get(i)), Float.floatToRawIntBits(b.get(i)), name + "[" + i + "]");
            }
        }
        assertEquals(List.of("labels", "codes", "none"), loaded.extraNames());
        assertEquals(List.of("neg", "pos", "😀"), loaded.strings("labels"));
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 0, 7}, loaded.ints("codes"));
        assertArrayEquals(new int[0], loaded.ints("none"));
        assertEquals(file.toString(), loaded.source());
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.lexis");
        Files.writeString(file, "old contents");
        sample().save(file);
        assertEquals("nnlm", ModelFile.load(file).kind());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
        // the same contents give the same bytes
        Path again = dir.resolve("again.lexis");
        sample().save(again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void copyIntoParametersChecksShapes() throws IOException {
        Path file = dir.resolve("model.lexis");
        sample().save(file);
        ModelFile loaded = ModelFile.load(file);
        Parameter bias = Parameter.dense("dense0.bias", Tensor.zeros(5));
        loaded.copyInto(List.of(bias));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, bias.value().toArray());

        Parameter wrong = Parameter.dense("dense0.weight", Tensor.zeros(4, 5));
        var e = assertThrows(IllegalArgumentException.class, () -> loaded.copyInto(wrong));
        assertEquals(file + ": tensor \"dense0.weight\" has shape [5, 4], the model expects [4, 5]", e.getMessage());
        var missing = assertThrows(NoSuchElementException.class, () -> loaded.tensor("nope"));
        assertTrue(missing.getMessage().startsWith(file + ": no tensor \"nope\" in this nnlm model"), missing.getMessage());
        assertThrows(NoSuchElementException.class, () -> loaded.ints("labels"));
        assertThrows(NoSuchElementException.class, () -> loaded.config("nope"));
        assertEquals("4", loaded.config("contextSize"));
    }

    @Test
    void wrongKindIsRefused() throws IOException {
        Path file = dir.resolve("model.lexis");
        ModelFile.builder("textcnn").build().save(file);
        var e = assertThrows(ModelFileException.class, () -> ModelFile.load(file, "nnlm"));
        assertEquals(file + ": is a textcnn model, expected nnlm", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void foreignFilesAreRefused() throws IOException {
        Path html = dir.resolve("model.lexis");
        Files.writeString(html, "<html><body>404</body></html>");
        var e = assertThrows(ModelFileException.class, () -> ModelFile.load(html));
        assertEquals(html + ": not a Lexis model file (magic 0x3C68746D)", e.getMessage());

        Path empty = dir.resolve("empty.lexis");
        Files.write(empty, new byte[0]);
        e = assertThrows(ModelFileException.class, () -> ModelFile.load(empty));
        assertEquals(empty + ": not a Lexis model file (empty)", e.getMessage());

        Path missing = dir.resolve("missing.lexis");
        var nf = assertThrows(NoSuchFileException.class, () -> ModelFile.load(missing));
        assertEquals(missing + ": no such model file", nf.getMessage());
    }

    @Test
    void truncatedFilesAreRefusedAtEveryLength() throws IOException {
        Path good = dir.resolve("good.lexis");
        sample().save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("model.lexis");
        int weightStart = indexOf(bytes, "dense0.weight".getBytes(StandardCharsets.UTF_8));
        for (int length = 0; length < bytes.length; length++) {
            Files.write(file, Arrays.copyOf(bytes, length));
            var e = assertThrows(ModelFileException.class, () -> ModelFile.load(file), "length " + length);
            String message = e.getMessage();
            assertTrue(message.startsWith(file + ": "), message);
            if (length == 0) {
                assertEquals(file + ": not a Lexis model file (empty)", message);
            } else if (length < 16) {
                assertTrue(message.startsWith(file + ": truncated in the header; the file is incomplete"), message);
            } else {
                assertTrue(message.startsWith(file + ": truncated in "), message);
                assertTrue(message.endsWith("; the file is incomplete (" + length + " of " + bytes.length + " bytes)"),
                        message);
            }
            // inside the weight values (after name, rank and two dims)
            if (length > weightStart + 13 + 12 && length < weightStart + 13 + 12 + 80) {
                assertTrue(message.startsWith(file + ": truncated in tensor \"dense0.weight\";"), message);
            }
        }
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 2));
        var e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": truncated in the checksum; the file is incomplete (" + (bytes.length - 2) + " of "
                + bytes.length + " bytes)", e.getMessage());
    }

    @Test
    void flippedBytesAreRefusedAtEveryOffset() throws IOException {
        Path good = dir.resolve("good.lexis");
        sample().save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("model.lexis");
        Pattern expected = Pattern.compile(Pattern.quote(file + ": ") + "(not a Lexis model file \\(magic 0x[0-9A-F]{8}\\)"
                + "|checksum mismatch; the file is corrupted \\(stored 0x[0-9A-F]{8}, computed 0x[0-9A-F]{8}\\)"
                + "|corrupted in .+; the file is damaged"
                + "|corrupted header .+"
                + "|format version \\d+ is newer than this Lexis reads \\(1\\); use a newer Lexis"
                + "|truncated in .+; the file is incomplete .+)");
        int weightValues = indexOf(bytes, "dense0.weight".getBytes(StandardCharsets.UTF_8)) + 13 + 12;
        for (int offset = 0; offset < bytes.length; offset++) {
            for (int mask : new int[] {0x01, 0xFF}) {
                byte[] damaged = bytes.clone();
                damaged[offset] ^= (byte) mask;
                Files.write(file, damaged);
                ModelFileException e;
                try {
                    ModelFile.load(file);
                    fail("offset " + offset + " mask " + mask + " was accepted");
                    return;
                } catch (ModelFileException thrown) {
                    e = thrown;
                }
                assertTrue(expected.matcher(e.getMessage()).matches(), "offset " + offset + ": " + e.getMessage());
                if (offset >= weightValues && offset < weightValues + 80) {
                    assertTrue(e.getMessage().startsWith(file + ": checksum mismatch; the file is corrupted"),
                            e.getMessage());
                }
            }
        }
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        Path file = dir.resolve("model.lexis");
        sample().save(file);
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        var e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": 3 unexpected bytes after the checksum; the file is corrupted", e.getMessage());
    }

    @Test
    void newerVersionIsRefusedWithAHint() throws IOException {
        Path file = dir.resolve("model.lexis");
        sample().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[4] = 2;
        Files.write(file, bytes);
        var e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": format version 2 is newer than this Lexis reads (1); use a newer Lexis", e.getMessage());
    }

    @Test
    void builderRejectsBadInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.builder("Text CNN"));
        assertEquals("model kind must be lower-case letters, digits, '_', '.' or '-', got \"Text CNN\"", e.getMessage());
        var b = ModelFile.builder("x").tensor("w", Tensor.zeros(1));
        e = assertThrows(IllegalArgumentException.class, () -> b.tensor("w", Tensor.zeros(2)));
        assertEquals("duplicate tensor name \"w\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.vocabulary(List.of("a"), new long[2]));
        assertEquals("vocabulary has 1 words but 2 counts", e.getMessage());
    }

    @Test
    void goldenFileOfVersion1StillReadsAndIsReproduced() throws IOException {
        byte[] golden;
        try (InputStream in = ModelFileTest.class.getResourceAsStream("golden-v1.lexis")) {
            assertFalse(in == null, "golden-v1.lexis is missing; regenerate it with GoldenModelFile.main");
            golden = in.readAllBytes();
        }
        Path file = dir.resolve("golden-v1.lexis");
        Files.write(file, golden);
        ModelFile loaded = ModelFile.load(file, "golden");
        ModelFile expected = GoldenModelFile.contents();
        assertEquals(expected.config(), loaded.config());
        assertEquals(expected.vocabularyWords(), loaded.vocabularyWords());
        assertArrayEquals(expected.vocabularyCounts(), loaded.vocabularyCounts());
        assertEquals(expected.tensorNames(), loaded.tensorNames());
        for (String name : expected.tensorNames()) {
            assertArrayEquals(expected.tensor(name).shape(), loaded.tensor(name).shape());
            assertArrayEquals(expected.tensor(name).toArray(), loaded.tensor(name).toArray(), name);
        }
        assertEquals(expected.strings("labels"), loaded.strings("labels"));
        assertArrayEquals(expected.ints("codes"), loaded.ints("codes"));

        Path regenerated = dir.resolve("regenerated.lexis");
        GoldenModelFile.main(new String[] {regenerated.toString()});
        assertArrayEquals(golden, Files.readAllBytes(regenerated), "writing version 1 changed");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
