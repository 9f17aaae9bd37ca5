package dev.lexis.corpora;

import java.nio.file.Path;

/** Where the current line of a {@link LineReader} comes from. */
public interface LineLocation {
    /** The file the line was read from (as it was found: relative if the corpus path was relative). */
    Path file();

    /**
     * The 1-based physical line number in {@link #file()}. The pieces of a line that was split because it was longer
     * than {@link TextOptions#maxLineBytes()} share one number. For a shard that starts inside a file this counts the
     * lines before the shard once, on the first call.
     */
    long lineNumber();

    /** The byte offset of the line's first byte in the file (in the decompressed text for {@code .gz}). */
    long byteOffset();
}
