package dev.lexis.corpora;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Reads the lines of a list of segments from bytes: finds {@code '\n'} in a byte buffer (a UTF-8 continuation byte
 * is never 0x0A, so this is safe before decoding), strips a trailing {@code '\r'} and a leading byte-order mark, and
 * decodes each line with a strict {@link CharsetDecoder} (REPORT), so that a malformed byte is reported with its
 * file offset. The buffer holds at most {@code maxLineBytes + 1} bytes, so no line, however long, exhausts memory.
 */
final class Utf8LineReader implements LineReader {
    private final List<Segment> segments;
    private final TextOptions options;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private int segmentIndex = -1;
    private Segment segment;
    private InputStream in;
    private long remaining;
    private boolean eof;
    private boolean bomChecked;

    private byte[] buf = new byte[Files2.CHUNK];
    private char[] chars = new char[256];
    private int pos;
    private int lim;
    /** The file offset of {@code buf[0]}. */
    private long bufOffset;

    /** Lines started in the current segment (1-based number of the current line within it). */
    private long lineInSegment;
    /** The file line number of the segment's first line, or -1 until computed. */
    private long firstLineNumber;
    private boolean atLineStart;
    private boolean inSplitLine;

    private String text;
    private long lineOffset;
    private boolean closed;

    private long files;
    private long lines;
    private long blankLines;
    private long splitLines;
    private long malformedReplaced;
    private long bytesBefore;
    private long diskBytesBefore;
    /** Compressed bytes read from the current gzip segment. */
    private final long[] diskInSegment = new long[1];

    Utf8LineReader(List<Segment> segments, TextOptions options) {
        this.segments = List.copyOf(segments);
        this.options = options;
    }

    @Override
    public boolean next() {
        if (closed) {
            return false;
        }
        try {
            while (true) {
                if (segment == null && !openNextSegment()) {
                    close();
                    return false;
                }
                if (readLine()) {
                    if (options.skipBlankLines() && text.isBlank()) {
                        blankLines++;
                        continue;
                    }
                    lines++;
                    return true;
                }
                closeSegment();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String text() {
        if (text == null) {
            throw new IllegalStateException("no current line: call next() first");
        }
        return text;
    }

    @Override
    public Path file() {
        if (segment == null) {
            throw new IllegalStateException("no current line: call next() first");
        }
        return segment.file();
    }

    @Override
    public long lineNumber() {
        if (segment == null) {
            throw new IllegalStateException("no current line: call next() first");
        }
        if (firstLineNumber < 0) {
            firstLineNumber = Files2.countNewlines(segment.file(), segment.start()) + 1;
        }
        return firstLineNumber + lineInSegment - 1;
    }

    @Override
    public long byteOffset() {
        return lineOffset;
    }

    @Override
    public long bytesRead() {
        return bytesBefore + (segment == null ? 0 : bufOffset + pos - segment.start());
    }

    @Override
    public long diskBytesRead() {
        if (segment == null) {
            return diskBytesBefore;
        }
        return diskBytesBefore + (segment.gzip() ? diskInSegment[0] : bufOffset + pos - segment.start());
    }

    @Override
    public ReadSummary summary() {
        return new ReadSummary(files, lines, blankLines, splitLines, malformedReplaced, bytesRead());
    }

    @Override
    public void close() {
        closed = true;
        closeStream();
    }

    private boolean openNextSegment() {
        if (segmentIndex + 1 >= segments.size()) {
            return false;
        }
        segment = segments.get(++segmentIndex);
        files++;
        diskInSegment[0] = 0;
        in = Files2.open(segment, diskInSegment);
        remaining = segment.end() < 0 ? Long.MAX_VALUE : segment.end() - segment.start();
        eof = remaining == 0;
        bomChecked = segment.start() != 0;
        pos = 0;
        lim = 0;
        bufOffset = segment.start();
        lineInSegment = 0;
        firstLineNumber = segment.start() == 0 ? 1 : -1;
        atLineStart = true;
        inSplitLine = false;
        return true;
    }

    private void closeSegment() {
        bytesBefore += bufOffset + lim - segment.start();
        diskBytesBefore += segment.gzip() ? diskInSegment[0] : bufOffset + lim - segment.start();
        closeStream();
        segment = null;
    }

    private void closeStream() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was written; a failed close of a read-only stream loses nothing
            }
            in = null;
        }
    }

    /** Reads the next line (or piece of a long line) of the current segment into {@link #text}; false at its end. */
    private boolean readLine() {
        if (!bomChecked) {
            while (lim < 3 && !eof) {
                fill();
            }
            if (lim >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                pos = 3;
            }
            bomChecked = true;
        }
        int max = options.maxLineBytes();
        int scanFrom = pos;
        while (true) {
            int newline = indexOfNewline(scanFrom, lim);
            if (newline >= 0 && newline - pos <= max) {
                emit(pos, newline, true);
                pos = newline + 1;
                return true;
            }
            if (newline >= 0 || lim - pos > max) {
                emitPiece(max);
                return true;
            }
            if (eof) {
                if (pos < lim) {
                    emit(pos, lim, true);
                    pos = lim;
                    return true;
                }
                return false;
            }
            scanFrom = lim;
            if (pos > 0) {
                int keep = lim - pos;
                System.arraycopy(buf, pos, buf, 0, keep);
                bufOffset += pos;
                scanFrom -= pos;
                lim = keep;
                pos = 0;
            }
            if (lim == buf.length) {
                // the line so far fills the buffer, and it is at most max bytes long (else a piece was cut above)
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(2L * buf.length, max + 1L));
            }
            fill();
        }
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void fill() {
        int room = (int) Math.min(buf.length - lim, remaining);
        try {
            int n = in.read(buf, lim, room);
            if (n < 0) {
                eof = true;
                return;
            }
            lim += n;
            remaining -= n;
            if (remaining == 0) {
                eof = true;
            }
        } catch (EOFException e) {
            throw new CorpusException(segment.file(), 0, "the gzip data is truncated after " + (bufOffset + lim)
                    + " bytes of text; the file is incomplete", e);
        } catch (ZipException e) {
            throw new CorpusException(segment.file(), 0, "corrupt gzip data after " + (bufOffset + lim)
                    + " bytes of text (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw Files2.wrap(segment.file(), e);
        }
    }

    /** A line longer than max: fail, or deliver its first piece (at most max bytes) and keep the rest. */
    private void emitPiece(int max) {
        if (options.onLongLine() == TextOptions.OnLongLine.FAIL) {
            if (atLineStart) {
                lineInSegment++;
            }
            throw new CorpusException(segment.file(), lineNumber(), "line longer than " + max
                    + " bytes (maxLineBytes); is this one sentence or paragraph per line? Raise maxLineBytes or"
                    + " let long lines be split");
        }
        int cut = pos + max;
        int end = -1;
        for (int i = cut; i > pos; i--) {
            if (buf[i] == ' ' || buf[i] == '\t') {
                end = i;
                break;
            }
        }
        int next;
        if (end > pos) {
            next = end + 1;
        } else {
            end = cut;
            // back off to a UTF-8 character boundary (a continuation byte is 10xxxxxx)
            while (end > cut - 3 && end > pos + 1 && (buf[end] & 0xC0) == 0x80) {
                end--;
            }
            if ((buf[end] & 0xC0) == 0x80) {
                end = cut;
            }
            next = end;
        }
        if (!inSplitLine) {
            splitLines++;
            inSplitLine = true;
        }
        emit(pos, end, false);
        pos = next;
    }

    private void emit(int from, int to, boolean endsLine) {
        if (atLineStart) {
            lineInSegment++;
        }
        lineOffset = bufOffset + from;
        if (endsLine) {
            if (to > from && buf[to - 1] == '\r') {
                to--;
            }
            atLineStart = true;
            inSplitLine = false;
        } else {
            atLineStart = false;
        }
        text = decode(from, to);
    }

    private String decode(int from, int to) {
        byte[] b = buf;
        int i = from;
        while (i < to && b[i] >= 0) {
            i++;
        }
        if (i == to) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        int length = to - from;
        if (chars.length < length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        CharBuffer out = CharBuffer.wrap(chars);
        ByteBuffer input = ByteBuffer.wrap(b, from, length);
        decoder.reset();
        while (true) {
            CoderResult result = decoder.decode(input, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                throw new AssertionError("UTF-8 never decodes to more chars than bytes");
            }
            int at = input.position();
            if (options.onMalformed() == TextOptions.OnMalformed.FAIL) {
                throw new CorpusException(segment.file(), lineNumber(), String.format(Locale.ROOT,
                        "not valid UTF-8 (byte 0x%02X at offset %d); convert the file to UTF-8, or replace bad bytes"
                                + " with U+FFFD (replace-malformed option)", b[at] & 0xFF, bufOffset + at));
            }
            out.put('\uFFFD');
            malformedReplaced++;
            input.position(at + result.length());
        }
        decoder.flush(out);
        return new String(chars, 0, out.position());
    }
}
