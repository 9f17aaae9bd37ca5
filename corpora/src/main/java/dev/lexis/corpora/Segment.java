package dev.lexis.corpora;

import java.nio.file.Path;

/**
 * A byte range of one file to read: {@code [start, end)}, or to the end of the file when {@code end < 0}. A gzip
 * file is always read whole ({@code start == 0}, {@code end < 0}); {@code start} is always a line start.
 */
record Segment(Path file, long start, long end, boolean gzip) {
    Segment {
        assert start >= 0 && (end < 0 || end >= start) : file + " [" + start + ", " + end + ")";
        assert !gzip || (start == 0 && end < 0) : "gzip segments are whole files: " + file;
    }

    static Segment whole(Path file) {
        return new Segment(file, 0, -1, Files2.isGzip(file));
    }
}
