package dev.lexis.corpora;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** File helpers shared by the readers: finding the files of a corpus, opening them, wrapping I/O errors. */
final class Files2 {
    static final int CHUNK = 1 << 16;

    private Files2() {
    }

    static boolean isGzip(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Throws a clear error unless {@code path} exists and is readable. */
    static void requireExists(Path path) {
        if (!Files.exists(path)) {
            throw new CorpusException(path, "no such file or folder");
        }
        if (!Files.isReadable(path)) {
            throw new CorpusException(path, "cannot read it (permission denied)");
        }
    }

    /**
     * The files of a corpus: {@code path} itself if it is a file, else the non-hidden regular files under it
     * (recursively, skipping hidden folders) whose names match {@code include} (empty = all), sorted by path.
     */
    static List<Path> textFiles(Path path, String include) {
        requireExists(path);
        if (!Files.isDirectory(path)) {
            requireNotArchive(path);
            return List.of(path);
        }
        PathMatcher matcher = include.isEmpty() ? null
                : path.getFileSystem().getPathMatcher("glob:" + include);
        FileCollector collector = new FileCollector(path, matcher);
        try {
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, collector);
        } catch (IOException e) {
            throw new CorpusException(path, 0, "cannot list the folder (" + e + ")", e);
        }
        List<Path> files = collector.files;
        if (files.isEmpty()) {
            throw new CorpusException(path, include.isEmpty()
                    ? "no text files in this folder (hidden files and folders are skipped)"
                    : "no text files in this folder match \"" + include + "\" (hidden files and folders are skipped)");
        }
        files.sort(null);
        for (Path file : files) {
            requireNotArchive(file);
        }
        return files;
    }

    /** Collects the non-hidden regular files under a folder, following links, skipping hidden folders. */
    private static final class FileCollector extends SimpleFileVisitor<Path> {
        private final Path root;
        private final PathMatcher matcher;
        private final List<Path> files = new ArrayList<>();

        FileCollector(Path root, PathMatcher matcher) {
            this.root = root;
            this.matcher = matcher;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isSymbolicLink() && !isHidden(file)) {
                // links are followed, so a link seen as a link has no target
                throw new CorpusException(file, "a broken symbolic link (its target does not exist)");
            }
            if (attrs.isRegularFile() && !isHidden(file) && (matcher == null || matcher.matches(file.getFileName()))) {
                files.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                return FileVisitResult.CONTINUE; // a link back up the tree: its files are listed once already
            }
            throw wrap(file, e);
        }
    }

    private static void requireNotArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".zip", ".bz2", ".xz", ".7z", ".zst", ".tgz", ".tar"}) {
            if (name.endsWith(ext)) {
                throw new CorpusException(file, "a " + ext + " archive is not read; decompress it, or gzip the text"
                        + " (.gz files are read directly)");
            }
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw wrap(file, e);
        }
    }

    /** Opens the bytes of a segment: positioned at {@code start} for plain files, decompressed for gzip. */
    static InputStream open(Segment segment) {
        return open(segment, null);
    }

    /**
     * As {@link #open(Segment)}; for gzip, {@code disk[0]} (if given) is kept up to date with the compressed bytes
     * read from the file so far.
     */
    static InputStream open(Segment segment, long[] disk) {
        Path file = segment.file();
        try {
            if (segment.gzip()) {
                InputStream raw = new BufferedInputStream(counting(Files.newInputStream(file), disk), CHUNK);
                try {
                    return new GZIPInputStream(raw, CHUNK);
                } catch (IOException e) {
                    raw.close();
                    throw e;
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(segment.start());
            return Channels.newInputStream(channel);
        } catch (ZipException | EOFException e) {
            throw new CorpusException(file, 0, "not a gzip file, though its name ends in .gz"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (IOException e) {
            throw wrap(file, e);
        }
    }

    private static InputStream counting(InputStream in, long[] disk) {
        if (disk == null) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    disk[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    disk[0] += n;
                }
                return n;
            }
        };
    }

    static CorpusException wrap(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new CorpusException(file, 0, "no such file or folder", e);
        }
        if (e instanceof AccessDeniedException) {
            return new CorpusException(file, 0, "cannot read it (permission denied)", e);
        }
        return new CorpusException(file, 0, "cannot read it (" + e + ")", e);
    }

    /** The number of {@code '\n'} bytes in {@code [0, end)} of a plain file. */
    static long countNewlines(Path file, long end) {
        long count = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long position = 0;
            while (position < end) {
                buffer.clear();
                buffer.limit((int) Math.min(CHUNK, end - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                byte[] bytes = buffer.array();
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\n') {
                        count++;
                    }
                }
                position += n;
            }
        } catch (IOException e) {
            throw wrap(file, e);
        }
        return count;
    }

    /**
     * The first line start at or after {@code offset} in a plain file of {@code size} bytes: {@code offset} itself
     * when it is 0 or follows a {@code '\n'}, else the byte after the next {@code '\n'}, else {@code size}.
     */
    static long lineStartAtOrAfter(Path file, long offset, long size) {
        if (offset <= 0) {
            return 0;
        }
        if (offset >= size) {
            return size;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long position = offset - 1;
            while (position < size) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                byte[] bytes = buffer.array();
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\n') {
                        return position + i + 1;
                    }
                }
                position += n;
            }
        } catch (IOException e) {
            throw wrap(file, e);
        }
        return size;
    }
}
