package dev.lexis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads lines of strict UTF-8 from a stream (standard input), one at a time: {@code \n} or {@code \r\n} end a
 * line, a byte-order mark at the start is dropped, and a malformed byte is an error naming the source, line
 * and byte offset, e.g. {@code <stdin>:2: not valid UTF-8 (byte 0xFF at offset 4)}. Not thread-safe.
 */
final class Utf8Lines {

    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private CharBuffer chars = CharBuffer.allocate(256);
    private long lineNumber;
    private long offset;          // bytes before the current buffer
    private boolean end;

    /**
     * @param in     the stream; read, not closed
     * @param source its name in error messages, e.g. {@code <stdin>}
     */
    Utf8Lines(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The 1-based number of the line last returned. */
    long lineNumber() {
        return lineNumber;
    }

    /**
     * The next line without its terminator, or null at the end of the stream.
     *
     * @throws UncheckedIOException naming the source, line and byte offset for bytes that are not UTF-8, or
     *     wrapping a read error
     */
    String next() {
        int length = 0;
        long lineStart = offset + position;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? limit : newline;
            if (length + (stop - position) > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + (stop - position)));
            }
            System.arraycopy(buffer, position, line, length, stop - position);
            length += stop - position;
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (lineNumber == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF) {
            start = 3;   // a byte-order mark is not text
        }
        return decode(start, length, lineStart);
    }

    private String decode(int start, int length, long lineStart) {
        if (chars.capacity() < length) {
            chars = CharBuffer.allocate(Math.max(chars.capacity() * 2, length));
        }
        chars.clear();
        ByteBuffer bytes = ByteBuffer.wrap(line, start, length - start);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            throw new UncheckedIOException(String.format(Locale.ROOT,
                    "%s:%d: not valid UTF-8 (byte 0x%02X at offset %d)", source, lineNumber,
                    line[bytes.position()] & 0xFF, lineStart + bytes.position()),
                    new MalformedInputException(result.length()));
        }
        chars.flip();
        return chars.toString();
    }

    private boolean fill() {
        if (end) {
            return false;
        }
        offset += limit;
        position = 0;
        limit = 0;
        try {
            int n;
            do {
                n = in.read(buffer);
            } while (n == 0);
            if (n < 0) {
                end = true;
                return false;
            }
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
