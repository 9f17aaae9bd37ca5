package dev.lexis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class Utf8LinesTest {

    private static List<String> read(byte[] bytes) {
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(bytes), "<stdin>");
        List<String> all = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            all.add(line);
        }
        assertNull(lines.next());
        return all;
    }

    private static List<String> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsOnNewlineAndCrLfDropsTheByteOrderMarkKeepsALastLineWithoutNewline() {
        assertEquals(List.of("a", "", "b\rc", "d"), read("\uFEFFa\r\n\nb\rc\nd"));
        assertEquals(List.of(), read(""));
        assertEquals(List.of(""), read("\n"));
    }

    @Test
    void longLinesAndMultiByteCharactersAcrossBufferBoundaries() {
        String longLine = "é".repeat(100_000) + "😀";   // 200,004 bytes: spans several 64 KiB buffers
        assertEquals(List.of("x", longLine, "y"), read("x\n" + longLine + "\ny\n"));
    }

    @Test
    void malformedByteNamesLineAndOffset() {
        byte[] bytes = {'a', '\n', 'b', 'c', (byte) 0xC3, '(', '\n'};
        var e = assertThrows(UncheckedIOException.class, () -> read(bytes));
        assertEquals("<stdin>:2: not valid UTF-8 (byte 0xC3 at offset 4)", e.getMessage());
    }
}
