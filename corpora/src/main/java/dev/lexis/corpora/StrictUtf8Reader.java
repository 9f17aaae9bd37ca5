package dev.lexis.corpora;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A {@link Reader} over a UTF-8 file (plain or {@code .gz}) that decodes strictly and reports a malformed byte as
 * {@code file:line: not valid UTF-8 (byte 0xFF at offset N)}; drops a leading byte-order mark. Used where a parser
 * wants a Reader (Commons CSV).
 */
final class StrictUtf8Reader extends Reader {
    private final Path file;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] bytes = new byte[Files2.CHUNK];
    private final ByteBuffer input = ByteBuffer.wrap(bytes).limit(0);
    /** File offset of {@code bytes[0]}, and newlines in the file before it. */
    private long bufferOffset;
    private long newlinesBefore;
    private boolean eof;
    private boolean started;
    private boolean done;

    StrictUtf8Reader(Path file) {
        this.file = file;
        this.in = Files2.open(Segment.whole(file));
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            if (!eof && input.remaining() < 4) {
                refill();
            }
            CoderResult result = decoder.decode(input, out, eof);
            if (result.isMalformed() || result.isUnmappable()) {
                int at = input.position();
                long line = newlinesBefore + 1;
                for (int i = 0; i < at; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                throw new CorpusException(file, line, String.format(Locale.ROOT,
                        "not valid UTF-8 (byte 0x%02X at offset %d); convert the file to UTF-8",
                        bytes[at] & 0xFF, bufferOffset + at));
            }
            if (result.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(out);
                done = true;
                break;
            }
            if (out.position() > off) {
                break;
            }
            refill();
        }
        int n = out.position() - off;
        return n == 0 && done ? -1 : n;
    }

    private void refill() throws IOException {
        int keep = input.remaining();
        int consumed = input.position();
        for (int i = 0; i < consumed; i++) {
            if (bytes[i] == '\n') {
                newlinesBefore++;
            }
        }
        System.arraycopy(bytes, consumed, bytes, 0, keep);
        bufferOffset += consumed;
        int limit = keep;
        while (limit < bytes.length) {
            int n = in.read(bytes, limit, bytes.length - limit);
            if (n < 0) {
                eof = true;
                break;
            }
            limit += n;
        }
        input.position(0).limit(limit);
        if (!started) {
            started = true;
            if (limit >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
                input.position(3);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
