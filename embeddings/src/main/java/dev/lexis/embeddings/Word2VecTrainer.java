package dev.lexis.embeddings;

import dev.lexis.nn.HuffmanTree;
import dev.lexis.nn.UnigramSampler;
import dev.lexis.tokenize.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;

/**
 * Trains word2vec vectors (Mikolov et al. 2013): CBOW or Skip-gram, with hierarchical softmax over a Huffman
 * tree ({@link HuffmanTree}) and/or negative sampling from the unigram distribution to the power 0.75
 * ({@link UnigramSampler}), as the C tool does: frequent words subsampled with its formula, a random window in
 * [1, window] per position, the learning rate decayed linearly from alpha to alpha · 1e-4 over all epochs, the
 * vocabulary cut at min-count (and optionally a maximum size), sentences cut at 1,000 kept words.
 *
 * <pre>{@code
 * var config = Word2VecConfig.defaults().withArchitecture(SKIP_GRAM).withSeed(42);
 * WordVectors vectors = new Word2VecTrainer(config).train(Path.of("corpus.txt"), System.err::println);
 * }</pre>
 *
 * <p><b>How it runs.</b> One pass reads the corpus (a file, {@code .gz}, or a folder of them; streamed, never
 * whole in memory), counts the words and caches the token ids in a compact temporary file (1 to 3 bytes a
 * token, deleted at the end). Each epoch, {@code threads} workers train Hogwild-style (shared weights, no locks)
 * on byte ranges of that cache that start at sentence boundaries: the cache is cut into threads × streams ranges
 * ({@link Word2VecConfig#effectiveStreams()}), and each worker reads its ranges, which lie far apart in the
 * corpus, in turn, a block of ~2,000 tokens at a time, so that the sentences reach SGD in a more random order than
 * one contiguous range would give them. Each worker owns its scratch buffers, its random state (seed + thread
 * index) and its loss sum. With one thread the vectors are identical for the same seed; with several they are not
 * (the order of the updates varies).
 *
 * <p><b>The kernel.</b> For one hidden vector (CBOW: the mean of the context; Skip-gram: each context word in
 * turn, as word2vec.c) the dot products with all its output rows (the word's tree path, or the word and its
 * negatives) run together, four rows per load of the hidden vector, then one pass updates the output rows and
 * accumulates the hidden vector's error in registers. This keeps the C tool's order of updates (sharing one
 * window's path or negatives among its context words, as Ji et al. 2016 do, was measured here to cost 1 to 3
 * points of analogy accuracy). Rows are padded to the SIMD width, and the dot products use the Vector API
 * when the JVM has {@code jdk.incubator.vector}.
 *
 * <p><b>Several threads.</b> With plain Hogwild, two threads ran slower than one here: the root of the Huffman
 * tree is on every word's path and the most frequent words are in most windows and negative samples, so both
 * threads wrote the same cache lines millions of times a second. So each worker trains on private copies of the
 * 256 hottest rows of each matrix and adds its changes to the shared rows every 250 words (a delayed update, as
 * in delayed-update parallel SGD). The delay costs accuracy: Skip-gram HS, 2 threads, seeds 1-3, analogy 0.1890,
 * 0.1909, 0.1880 when merging every 1,000 words against 0.2009, 0.2004, 0.1995 every 250 words (and 0.1946,
 * 0.2012, 0.2023 with no private rows, at half the speed); every 250 words trains as fast as every 1,000 (776k-827k
 * words/s against 826k), and every 10,000 words with 1,024 rows was 15 % faster but cost another 0.7 points. All
 * other rows are shared as in the C tool. One thread uses the shared rows directly.
 *
 * <p><b>Subwords</b> ({@link Word2VecConfig#subwords()}, Bojanowski et al. 2017, as fastText). A word's input
 * representation is the mean of its own row and the rows of its character n-grams ({@link Subwords}; each word's
 * n-gram rows are found once, before training, and only buckets used by the vocabulary get rows, after the
 * vocabulary's in the input matrix). CBOW's hidden vector is the mean of the context words' representations;
 * Skip-gram's is the centre word's representation, which predicts each context word in turn (fastText's direction;
 * plain Skip-gram keeps word2vec.c's, where each context word predicts the centre). The hidden vector's error goes,
 * undivided as in fastText, to every row that took part. The returned vectors are the vocabulary's
 * representations, with the n-gram rows as {@link WordVectors#subwords()}. With several threads, only the output
 * rows have private copies (see below). Checkpoints hold the n-gram rows with the word rows.
 *
 * <p><b>Progress, checkpoints.</b> The listener gets a {@link TrainingProgress} about once a second and at the
 * end of each epoch. With {@link #withCheckpoint(Path)}, the state (config, vocabulary, weights, words done,
 * and inside an epoch each worker's position, random state and loss) is saved after each epoch and, with
 * {@link #withCheckpointEvery}, every N words or minutes inside epochs; {@link #resume} continues from it (the
 * learning rate follows from the words done: plain SGD has no other optimizer state). NaN stops training with a
 * {@link TrainingDivergedException} naming the epoch, step and learning rate.
 */
public final class Word2VecTrainer {

    private static final int EXP_TABLE_SIZE = 1000;
    private static final float MAX_EXP = 6;
    private static final float[] SIGMOID = new float[EXP_TABLE_SIZE + 1];
    private static final float[] LOSS_POS = new float[EXP_TABLE_SIZE + 1];
    private static final float[] LOSS_NEG = new float[EXP_TABLE_SIZE + 1];
    private static final float TABLE_SCALE = EXP_TABLE_SIZE / MAX_EXP / 2;
    private static final int REPORT_WORDS = 10_000;
    /**
     * With several threads, each keeps private copies of the rows that every thread writes all the time: the
     * HS_HOT_ROWS most visited inner nodes of the Huffman tree (the root and the top levels, on almost every
     * word's path), the NS_HOT_ROWS most frequent words' negative-sampling rows and their INPUT_HOT_ROWS input
     * rows, and adds what it changed in them to the shared rows every {@link #MERGE_WORDS} words (see
     * {@link Worker#mergePrivate}). 256 each by default (CBOW: only the tree rows); system properties {@code lexis.w2v.hsHotRows},
     * {@code lexis.w2v.nsHotRows}, {@code lexis.w2v.inHotRows} and {@code lexis.w2v.mergeWords} set them for
     * experiments (0 rows = shared rows only, the plain Hogwild of the C tool).
     */
    static final int HS_HOT_ROWS = Integer.getInteger("lexis.w2v.hsHotRows", 256);
    static final int NS_HOT_ROWS = Integer.getInteger("lexis.w2v.nsHotRows", 256);
    static final int INPUT_HOT_ROWS = Integer.getInteger("lexis.w2v.inHotRows", 256);
    /** Corpus words of a worker between two merges of its private rows (at the next sentence end). */
    static final int MERGE_WORDS = Integer.getInteger("lexis.w2v.mergeWords", 250);
    /**
     * Tokens of a stream read before a worker switches to its next stream (at the next sentence end): a few dozen
     * lines. 500 and 8,000 measured about the same as 2,000 (README, embeddings benchmark); system property
     * {@code lexis.w2v.streamBlock} for experiments. Not stored in checkpoints: a resume must use the same value.
     */
    static final int STREAM_BLOCK = Integer.getInteger("lexis.w2v.streamBlock", 2000);
    /**
     * Subwords: with system property {@code lexis.w2v.subwordGradient=mean} (for experiments), each of a word's r
     * input rows gets 1/r of the error (the exact gradient of the mean) instead of all of it (fastText's rule, the
     * default); see {@link Worker#cbowSubwordSentence}.
     */
    static final boolean SUBWORD_MEAN_GRADIENT = "mean".equals(System.getProperty("lexis.w2v.subwordGradient"));
    /** Floats before and after a worker's private rows, so that no other object shares their cache lines. */
    static final int PRIVATE_PAD = 32;

    static {
        for (int i = 0; i <= EXP_TABLE_SIZE; i++) {
            double x = (i / (double) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP;
            double s = 1 / (1 + Math.exp(-x));
            SIGMOID[i] = (float) s;
            LOSS_POS[i] = (float) -Math.log(s);
            LOSS_NEG[i] = (float) -Math.log(1 - s);
        }
    }

    private final Word2VecConfig config;
    private final Path checkpoint;
    private final Path tempDir;
    private final long progressIntervalMillis;
    private final long checkpointWords;
    private final long checkpointMillis;

    /** @param config the hyper-parameters */
    public Word2VecTrainer(Word2VecConfig config) {
        this(config, null, null, 1000, 0, 0);
    }

    private Word2VecTrainer(Word2VecConfig config, Path checkpoint, Path tempDir, long progressIntervalMillis,
                            long checkpointWords, long checkpointMillis) {
        this.config = Objects.requireNonNull(config, "config");
        this.checkpoint = checkpoint;
        this.tempDir = tempDir;
        this.progressIntervalMillis = progressIntervalMillis;
        this.checkpointWords = checkpointWords;
        this.checkpointMillis = checkpointMillis;
    }

    /** @return the config */
    public Word2VecConfig config() {
        return config;
    }

    /**
     * @return a trainer that saves a checkpoint to {@code file} (atomically: a temporary file, then a rename) after
     *     each epoch, and inside epochs as set by {@link #withCheckpointEvery}
     */
    public Word2VecTrainer withCheckpoint(Path file) {
        return new Word2VecTrainer(config, file, tempDir, progressIntervalMillis, checkpointWords, checkpointMillis);
    }

    /**
     * Checkpoints inside epochs too (with {@link #withCheckpoint(Path)}): whenever {@code words} corpus words
     * (all threads together) or {@code interval} of wall time have passed since the last checkpoint, whichever
     * comes first. The workers pause at their next sentence boundary (every ~10,000 words) while the file is
     * written. With one thread the pauses change nothing: a run resumed from any checkpoint gives the vectors of
     * the uninterrupted run.
     *
     * @param words    0 for no word-based checkpoints, else the words between two checkpoints (&gt; 0)
     * @param interval {@link java.time.Duration#ZERO} for no time-based checkpoints, else at least 1 ms
     * @return a trainer with these checkpoint intervals
     * @throws IllegalArgumentException if {@code words} is negative or {@code interval} negative or under 1 ms
     *                                  (but not zero)
     */
    public Word2VecTrainer withCheckpointEvery(long words, java.time.Duration interval) {
        if (words < 0) {
            throw new IllegalArgumentException("checkpoint words must be >= 0 (0 = off), got " + words);
        }
        Objects.requireNonNull(interval, "interval");
        long ms = interval.toMillis();
        if (interval.isNegative() || (!interval.isZero() && ms < 1)) {
            throw new IllegalArgumentException("checkpoint interval must be 0 (off) or >= 1 ms, got " + interval);
        }
        return new Word2VecTrainer(config, checkpoint, tempDir, progressIntervalMillis, words, ms);
    }

    /** @return a trainer that puts its temporary word-id cache in {@code dir} (default: the system's) */
    public Word2VecTrainer withTempDir(Path dir) {
        return new Word2VecTrainer(config, checkpoint, dir, progressIntervalMillis, checkpointWords, checkpointMillis);
    }

    /** @return a trainer that reports progress every {@code millis} ms (besides each epoch's end) */
    public Word2VecTrainer withProgressInterval(long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException("progress interval must be >= 1 ms, got " + millis);
        }
        return new Word2VecTrainer(config, checkpoint, tempDir, millis, checkpointWords, checkpointMillis);
    }

    /**
     * Trains on a corpus.
     *
     * @param corpus   a UTF-8 text file (one sentence or paragraph per line; {@code .gz} is decompressed) or a
     *                 folder of them
     * @param listener progress reports ({@link TrainingListener#NONE} for none)
     * @return the vectors, most frequent word first, with the config, analyzer and corpus in their metadata
     * @throws IOException               if the corpus cannot be read (or is not valid UTF-8: file and line named)
     * @throws IllegalArgumentException  if no word reaches min-count
     * @throws TrainingDivergedException if a loss becomes NaN
     */
    public WordVectors train(Path corpus, TrainingListener listener) throws IOException {
        try (EncodedCorpus enc = encode(corpus)) {
            Model model = Model.create(config, enc, corpus);
            return run(model, enc, corpus, 0, new Checkpoint.Progress(0, enc.tokens(), new Checkpoint.Shard[0]),
                    listener);
        }
    }

    /**
     * Trains on lines of text held by the caller (for small inputs and demos): they are written to a temporary
     * file, then trained on as by {@link #train(Path, TrainingListener)}.
     */
    public WordVectors train(List<String> lines, TrainingListener listener) throws IOException {
        Path dir = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
        Path tmp = Files.createTempFile(dir, "lexis-w2v-lines-", ".txt");
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            return train(tmp, listener);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Continues training from a checkpoint written by a trainer with {@link #withCheckpoint(Path)}: the
     * checkpoint's config and vocabulary are used, and training continues where it stopped: inside an epoch, each
     * of that epoch's workers resumes at its byte position with its random state (so the rest of that epoch runs
     * on as many threads as the checkpoint had); later epochs use this trainer's {@code threads}. With one thread
     * the result equals the uninterrupted run's, bit for bit.
     *
     * @throws IOException if the checkpoint is unreadable, damaged, written for another corpus (token count), or
     *                     the corpus cannot be read
     */
    public WordVectors resume(Path corpus, Path checkpointFile, TrainingListener listener) throws IOException {
        Checkpoint.State st = Checkpoint.read(checkpointFile);
        Word2VecConfig cfg = st.config().withThreads(config.threads());
        Word2VecTrainer t = new Word2VecTrainer(cfg, checkpoint, tempDir, progressIntervalMillis, checkpointWords,
                checkpointMillis);
        try (EncodedCorpus enc = t.encode(corpus)) {
            long tokens = st.progress().corpusTokens();
            if (tokens >= 0 && tokens != enc.tokens()) {
                throw new IOException(checkpointFile + ": written for a corpus of " + tokens + " tokens, but "
                        + corpus + " has " + enc.tokens() + "; resume needs the same corpus");
            }
            Model model = Model.restore(cfg, st, enc);
            return t.run(model, enc, corpus, st.epochsDone(), st.progress(), listener);
        }
    }

    private EncodedCorpus encode(Path corpus) throws IOException {
        Path dir = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
        if (config.analyzer().equals("whitespace")) {
            return EncodedCorpus.encode(corpus, dir); // the fast byte-level path
        }
        return EncodedCorpus.encode(corpus, dir, Tokenizer.fromSpec(config.analyzer()));
    }

    private WordVectors run(Model m, EncodedCorpus enc, Path corpus, int startEpoch, Checkpoint.Progress resumeAt,
                            TrainingListener listener) throws IOException {
        TrainingListener out = listener == null ? TrainingListener.NONE : listener;
        long[] shards = enc.shards(Math.multiplyExact(config.threads(), config.effectiveStreams()));
        int ranges = shards.length / 2;
        int workers = Math.min(config.threads(), ranges);
        Shared shared = new Shared(m.trainWords * (long) config.epochs(), config.effectiveAlpha());
        long doneAtStart = resumeAt.midEpoch() ? resumeAt.wordsDone() : m.trainWords * (long) startEpoch;
        shared.done.set(doneAtStart);
        shared.scheduleCheckpoints(checkpoint == null ? 0 : checkpointWords, doneAtStart,
                checkpoint == null ? 0 : checkpointMillis);
        long t0 = System.nanoTime();
        int maxWorkers = Math.max(workers, resumeAt.shards().length);
        ExecutorService pool = Executors.newFixedThreadPool(maxWorkers, r -> {
            Thread th = new Thread(r, "lexis-word2vec");
            th.setDaemon(true);
            return th;
        });
        Worker[] ws = new Worker[0];
        try {
            for (int epoch = startEpoch; epoch < config.epochs(); epoch++) {
                final int ep = epoch;
                EncodedCorpus.Streams[] rs;
                if (epoch == startEpoch && resumeAt.midEpoch()) {
                    // the rest of an interrupted epoch: each worker continues where it stood, with its random state
                    Checkpoint.Shard[] sh = resumeAt.shards();
                    ws = new Worker[sh.length];
                    rs = new EncodedCorpus.Streams[sh.length];
                    for (int i = 0; i < sh.length; i++) {
                        ws[i] = new Worker(m, config, sh[i].index(), sh.length > 1);
                        ws[i].restore(sh[i]);
                        rs[i] = enc.streams(sh[i].positions(), sh[i].ends(), sh[i].current(), sh[i].inBlock(),
                                STREAM_BLOCK);
                    }
                    shared.done.set(resumeAt.wordsDone());
                } else {
                    ws = new Worker[workers];
                    rs = new EncodedCorpus.Streams[workers];
                    for (int i = 0; i < workers; i++) {
                        ws[i] = new Worker(m, config, i, workers > 1);
                        ws[i].startEpoch(epoch);
                        rs[i] = streamsOf(enc, shards, i, workers, STREAM_BLOCK);
                    }
                    shared.done.set(m.trainWords * (long) epoch);
                }
                shared.update(0);
                shared.startEpoch(ws.length);
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < ws.length; i++) {
                    EncodedCorpus.Streams r = rs[i];
                    Worker w = ws[i];
                    fs.add(pool.submit(() -> {
                        try {
                            w.runEpoch(r, shared, ep);
                        } catch (RuntimeException | Error e) {
                            shared.stop = true;
                            throw e;
                        } finally {
                            shared.finished();
                        }
                        return null;
                    }));
                }
                waitEpoch(fs, shared, ws, m, enc, t0, doneAtStart, ep, out);
                shared.done.set(m.trainWords * (long) (epoch + 1));
                TrainingProgress p = progress(shared, ws, t0, doneAtStart, epoch, true);
                if (checkpoint != null && epoch + 1 < config.epochs()) {
                    Checkpoint.write(checkpoint, config, m, epoch + 1,
                            new Checkpoint.Progress(shared.done.get(), enc.tokens(), new Checkpoint.Shard[0]));
                    shared.checkpointWritten();
                    out.onCheckpoint(checkpoint, p, false);
                }
                out.onProgress(p);
            }
        } finally {
            shared.stopAll();
            pool.shutdownNow();
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("analyzer", config.analyzer());
        config.toProperties().forEach((k, v) -> meta.put("word2vec." + k, v));
        meta.put("corpus", corpus.toString());
        meta.put("corpus.tokens", Long.toString(enc.tokens()));
        meta.put("vocabulary", Integer.toString(m.vocabSize));
        meta.put("created-by", "lexis word2vec");
        WordVectors vectors = WordVectors.ofOwned(m.words, m.exportVectors(), config.embeddingDim(), meta);
        return m.subwords ? vectors.withSubwords(m.subwordModel(config)) : vectors;
    }

    /**
     * The streams of worker {@code w} of {@code workers}: the byte ranges {@code w, w + workers, w + 2 workers, ...}
     * of {@code shards} (flattened {@code [start, end)} pairs), so that its streams lie far apart in the corpus.
     */
    static EncodedCorpus.Streams streamsOf(EncodedCorpus enc, long[] shards, int w, int workers, long block) {
        int ranges = shards.length / 2;
        int k = (ranges - w + workers - 1) / workers;
        long[] starts = new long[k];
        long[] ends = new long[k];
        for (int j = 0; j < k; j++) {
            int r = w + j * workers;
            starts[j] = shards[2 * r];
            ends[j] = shards[2 * r + 1];
        }
        return enc.streams(starts, ends, 0, 0, block);
    }

    /**
     * Waits for the workers of one epoch: reports progress every interval, and writes a checkpoint when one is due
     * (every N words: requested by the worker that crosses the mark; every N ms: requested here) once every
     * running worker has paused at a sentence boundary.
     */
    private void waitEpoch(List<Future<?>> fs, Shared shared, Worker[] ws, Model m, EncodedCorpus enc, long t0,
                           long doneAtStart, int epoch, TrainingListener out) throws IOException {
        long nextReport = System.nanoTime() + progressIntervalMillis * 1_000_000L;
        try {
            while (true) {
                boolean write = false;
                boolean allDone;
                synchronized (shared.lock) {
                    while (true) {
                        if (shared.running == 0) {
                            break;
                        }
                        if (shared.pauseRequested && shared.paused == shared.running) {
                            write = true;
                            break;
                        }
                        long waitMs = (nextReport - System.nanoTime()) / 1_000_000L;
                        if (waitMs <= 0) {
                            break;
                        }
                        shared.lock.wait(waitMs);
                    }
                    allDone = shared.running == 0;
                }
                if (write) {
                    try {
                        if (!shared.stop) {
                            Checkpoint.Shard[] sh = new Checkpoint.Shard[ws.length];
                            for (int i = 0; i < ws.length; i++) {
                                sh[i] = ws[i].snapshot();
                            }
                            Checkpoint.write(checkpoint, config, m, epoch,
                                    new Checkpoint.Progress(shared.done.get(), enc.tokens(), sh));
                            shared.checkpointWritten();
                            out.onCheckpoint(checkpoint, progress(shared, ws, t0, doneAtStart, epoch, false), true);
                        }
                    } finally {
                        shared.release();
                    }
                    continue;
                }
                if (allDone) {
                    break;
                }
                if (shared.done.get() > doneAtStart) { // nothing to say before the first words are counted
                    out.onProgress(progress(shared, ws, t0, doneAtStart, epoch, false));
                }
                nextReport = System.nanoTime() + progressIntervalMillis * 1_000_000L;
                shared.checkTime();
            }
        } catch (InterruptedException e) {
            shared.stopAll();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("word2vec training interrupted", e);
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                shared.stopAll();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("word2vec training interrupted", e);
            } catch (ExecutionException e) {
                shared.stopAll();
                Throwable c = e.getCause();
                if (c instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (c instanceof RuntimeException r) {
                    throw r;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(c);
            }
        }
    }

    private TrainingProgress progress(Shared s, Worker[] ws, long t0, long doneAtStart, int epoch, boolean end) {
        double secs = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        long done = s.done.get();
        double wps = (done - doneAtStart) / secs;
        double frac = Math.min(1, done / (double) Math.max(1, s.total));
        double loss = 0;
        long n = 0;
        for (Worker w : ws) {
            loss += w.lossSum;
            n += w.lossCount;
        }
        double eta = wps > 0 ? (s.total - done) / wps : 0;
        return new TrainingProgress(epoch + 1, config.epochs(), frac, s.alpha, wps, wps / Math.max(1, ws.length),
                n == 0 ? 0 : loss / n, eta, end);
    }

    /**
     * State shared by the workers: words done (for the learning rate and progress), the current rate, stop, and
     * the pause for a checkpoint inside an epoch (guarded by {@link #lock}).
     */
    static final class Shared {
        final AtomicLong done = new AtomicLong();
        final long total;
        final double startAlpha;
        volatile double alpha;
        volatile boolean stop;
        final Object lock = new Object();
        volatile boolean pauseRequested;
        int running;          // workers of this epoch not finished (lock)
        int paused;           // workers waiting at a pause (lock)
        private long everyWords;
        private volatile long nextCheckpointWords = Long.MAX_VALUE;
        private long everyMillis;
        private long nextCheckpointNanos = Long.MAX_VALUE;

        Shared(long total, double startAlpha) {
            this.total = total;
            this.startAlpha = startAlpha;
            this.alpha = startAlpha;
        }

        double update(long words) {
            long d = done.addAndGet(words);
            double a = startAlpha * Math.max(1e-4, 1 - d / (double) (total + 1));
            alpha = a;
            return a;
        }

        void scheduleCheckpoints(long words, long doneNow, long millis) {
            everyWords = words;
            everyMillis = millis;
            nextCheckpointWords = words > 0 ? doneNow + words : Long.MAX_VALUE;
            nextCheckpointNanos = millis > 0 ? System.nanoTime() + millis * 1_000_000L : Long.MAX_VALUE;
        }

        /** After any checkpoint: the next one is due N words or N ms from now. */
        void checkpointWritten() {
            if (everyWords > 0) {
                nextCheckpointWords = done.get() + everyWords;
            }
            if (everyMillis > 0) {
                nextCheckpointNanos = System.nanoTime() + everyMillis * 1_000_000L;
            }
        }

        void startEpoch(int workers) {
            synchronized (lock) {
                running = workers;
                paused = 0;
                pauseRequested = false;
            }
        }

        /** Main thread, at a progress tick: requests a pause when the time for a checkpoint has come. */
        void checkTime() {
            if (System.nanoTime() >= nextCheckpointNanos) {
                synchronized (lock) {
                    pauseRequested = true;
                }
            }
        }

        /** Worker, at a sentence boundary: waits here while a checkpoint is due or being written. */
        void pausePoint() {
            if (!pauseRequested && done.get() < nextCheckpointWords) {
                return;
            }
            synchronized (lock) {
                if (done.get() >= nextCheckpointWords) {
                    pauseRequested = true;
                }
                if (!pauseRequested) {
                    return;
                }
                paused++;
                lock.notifyAll();
                try {
                    while (pauseRequested && !stop) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    stop = true;
                    Thread.currentThread().interrupt();
                } finally {
                    paused--;
                }
            }
        }

        void release() {
            synchronized (lock) {
                pauseRequested = false;
                lock.notifyAll();
            }
        }

        void finished() {
            synchronized (lock) {
                running--;
                lock.notifyAll();
            }
        }

        void stopAll() {
            synchronized (lock) {
                stop = true;
                pauseRequested = false;
                lock.notifyAll();
            }
        }
    }

    /** The weights and the vocabulary. */
    static final class Model {
        final int vocabSize;
        final int dim;
        final int stride;
        final String[] words;
        final long[] counts;
        final long trainWords;
        final int[] rawToId;
        final float[] syn0;
        final float[] syn1;    // hierarchical softmax: (vocabSize - 1) x stride, or null
        final float[] syn1neg; // negative sampling: vocabSize x stride, or null
        final int[] codeOffsets;
        final int[] codes;
        final int[] pointOffsets; // points pre-multiplied by stride
        final UnigramSampler sampler;
        final long[] keep;        // subsampling: keep if random 32 bits < keep[id]
        /** syn1 row offsets of the most visited inner nodes, most visited first (hierarchical softmax; else empty). */
        final int[] hsHotRows;
        /** Per word: how many leading nodes of its path are in {@link #hsHotRows} (0 without hs). */
        final int[] hsHotLen;
        /** Parallel to {@link #pointOffsets}: in each path's leading hot run, the row offset in a private copy. */
        final int[] hsHotPath;
        /** Negative sampling: the first nsHot rows of syn1neg (the most frequent words) have private copies. */
        final int nsHot;
        /** The first inHot rows of syn0 (the most frequent words, the most frequent context rows) too. */
        final int inHot;
        /** Serialises the workers' merges of their private rows into the shared matrices. */
        final Object mergeLock = new Object();
        /** fastText-style subwords: syn0 holds the vocabulary's rows, then one row per known n-gram bucket. */
        final boolean subwords;
        /** The known n-gram buckets, ascending; n-gram row r of syn0 is row vocabSize + r (empty without subwords). */
        final int[] ngramBuckets;
        /** Per word w: its input rows (syn0 offsets: its own, then its n-grams') are subRows[subOffsets[w] ..]. */
        final int[] subOffsets;
        final int[] subRows;
        /** Per word: 1 / its number of input rows (its representation is their mean). */
        final float[] subWeights;
        /**
         * Per word: how far its representation moves when each of its input rows gains e, in units of e: 1, or more
         * when a row repeats (an n-gram twice in the word, or two n-grams in one bucket): Σ over its distinct rows
         * of (times the row occurs)², divided by its number of input rows.
         */
        final float[] subGains;
        /** The most input rows of one word. */
        final int maxRows;

        private Model(Word2VecConfig c, String[] words, long[] counts, int[] rawToId) {
            this.vocabSize = words.length;
            this.dim = c.embeddingDim();
            int lanes = VecMath.LANES;
            this.stride = (dim + lanes - 1) / lanes * lanes;
            this.words = words;
            this.counts = counts;
            this.rawToId = rawToId;
            long tw = 0;
            for (long x : counts) {
                tw += x;
            }
            this.trainWords = tw;
            this.subwords = c.subwords();
            if (subwords) {
                // each word's n-gram buckets, computed once; only the buckets they use get rows (the others would
                // never be trained)
                int[][] wordBuckets = new int[vocabSize][];
                int[] rowOfBucket = new int[c.bucket()];
                Arrays.fill(rowOfBucket, -1);
                int total = 0;
                for (int w = 0; w < vocabSize; w++) {
                    wordBuckets[w] = Subwords.bucketsOf(words[w], c.minn(), c.maxn(), c.bucket());
                    for (int b : wordBuckets[w]) {
                        rowOfBucket[b] = 0;
                    }
                    total += 1 + wordBuckets[w].length;
                }
                int known = 0;
                for (int b = 0; b < rowOfBucket.length; b++) {
                    if (rowOfBucket[b] == 0) {
                        rowOfBucket[b] = known++;
                    }
                }
                ngramBuckets = new int[known];
                for (int b = 0; b < rowOfBucket.length; b++) {
                    if (rowOfBucket[b] >= 0) {
                        ngramBuckets[rowOfBucket[b]] = b;
                    }
                }
                subOffsets = new int[vocabSize + 1];
                subRows = new int[total];
                subWeights = new float[vocabSize];
                subGains = new float[vocabSize];
                int at = 0;
                int most = 1;
                for (int w = 0; w < vocabSize; w++) {
                    subOffsets[w] = at;
                    subRows[at++] = w * stride;
                    for (int b : wordBuckets[w]) {
                        subRows[at++] = Math.multiplyExact(vocabSize + rowOfBucket[b], stride);
                    }
                    subWeights[w] = 1f / (1 + wordBuckets[w].length);
                    most = Math.max(most, 1 + wordBuckets[w].length);
                    int[] sorted = Arrays.copyOfRange(subRows, subOffsets[w], at);
                    Arrays.sort(sorted);
                    long squares = 0;
                    for (int i = 0, j; i < sorted.length; i = j) {
                        for (j = i; j < sorted.length && sorted[j] == sorted[i]; j++) {
                            // count the run of equal rows
                        }
                        squares += (long) (j - i) * (j - i);
                    }
                    subGains[w] = (float) squares / sorted.length;
                }
                subOffsets[vocabSize] = at;
                maxRows = most;
            } else {
                ngramBuckets = new int[0];
                subOffsets = null;
                subRows = null;
                subWeights = null;
                subGains = null;
                maxRows = 1;
            }
            this.syn0 = new float[Math.multiplyExact(vocabSize + ngramBuckets.length, stride)];
            if (c.hierarchicalSoftmax()) {
                HuffmanTree tree = HuffmanTree.of(counts);
                syn1 = new float[Math.multiplyExact(vocabSize - 1, stride)];
                codeOffsets = tree.offsets();
                codes = tree.flatCodes();
                pointOffsets = tree.flatPoints();
                for (int i = 0; i < pointOffsets.length; i++) {
                    pointOffsets[i] *= stride;
                }
            } else {
                syn1 = null;
                codeOffsets = null;
                codes = null;
                pointOffsets = null;
            }
            if (c.negative() > 0) {
                syn1neg = new float[Math.multiplyExact(vocabSize, stride)];
                sampler = new UnigramSampler(counts, 0.75);
            } else {
                syn1neg = null;
                sampler = null;
            }
            keep = new long[vocabSize];
            double st = c.sample() * tw;
            for (int i = 0; i < vocabSize; i++) {
                if (c.sample() <= 0) {
                    keep[i] = 1L << 32;
                } else {
                    double p = (Math.sqrt(counts[i] / st) + 1) * st / counts[i];
                    keep[i] = p >= 1 ? 1L << 32 : (long) (p * 4294967296.0);
                }
            }
            if (syn1 != null) {
                hsHotLen = new int[vocabSize];
                hsHotPath = new int[pointOffsets.length];
                hsHotRows = hotTreeRows(Math.min(HS_HOT_ROWS, vocabSize - 1));
            } else {
                hsHotLen = null;
                hsHotPath = null;
                hsHotRows = new int[0];
            }
            // CBOW keeps only the tree rows private: with private NS and input rows its three-seed idle run gave
            // -1.1 / -1.2 analogy points against gensim and no speed gain (README, embeddings benchmark)
            boolean cbow = c.architecture() == Word2VecConfig.Architecture.CBOW;
            nsHot = syn1neg == null || cbow ? 0 : Math.min(NS_HOT_ROWS, vocabSize);
            // with subwords a word's input is many rows (its n-grams' shared with other words): no private copies
            inHot = cbow || subwords ? 0 : Math.min(INPUT_HOT_ROWS, vocabSize);
        }

        /**
         * Chooses the k inner nodes of the tree that the training visits most (the expected number of kept tokens
         * whose path passes through them: the root and the top levels), fills {@link #hsHotLen} and
         * {@link #hsHotPath} and returns their syn1 row offsets. A node is visited at least as often as any of its
         * descendants, so the chosen nodes form the leading part of each path.
         */
        int[] hotTreeRows(int k) {
            int inner = vocabSize - 1;
            double[] visits = new double[inner];
            for (int w = 0; w < vocabSize; w++) {
                double kept = counts[w] * Math.min(1.0, keep[w] / 4294967296.0);
                for (int i = codeOffsets[w]; i < codeOffsets[w + 1]; i++) {
                    visits[pointOffsets[i] / stride] += kept;
                }
            }
            Integer[] order = new Integer[inner];
            for (int i = 0; i < inner; i++) {
                order[i] = i;
            }
            // most visited first; on a tie the node nearer the root (a higher index) first
            Arrays.sort(order, (a, b) -> visits[a] != visits[b] ? Double.compare(visits[b], visits[a])
                    : Integer.compare(b, a));
            int[] rank = new int[inner];
            Arrays.fill(rank, -1);
            int[] rows = new int[k];
            for (int r = 0; r < k; r++) {
                rank[order[r]] = r;
                rows[r] = order[r] * stride;
            }
            for (int w = 0; w < vocabSize; w++) {
                int h = 0;
                for (int i = codeOffsets[w]; i < codeOffsets[w + 1]; i++) {
                    int r = rank[pointOffsets[i] / stride];
                    if (r < 0) {
                        break;
                    }
                    hsHotPath[i] = PRIVATE_PAD + r * stride;
                    h++;
                }
                hsHotLen[w] = h;
            }
            return rows;
        }

        static Model create(Word2VecConfig c, EncodedCorpus enc, Path corpus) {
            long[] raw = enc.counts();
            String[] rawWords = enc.words();
            Integer[] order = new Integer[raw.length];
            int n = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] >= c.minCount()) {
                    order[n++] = i;
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException(corpus + ": no word occurs at least " + c.minCount()
                        + " times (min-count " + c.minCount() + "; " + enc.tokens() + " tokens, " + raw.length
                        + " distinct words); lower --min-count or give a larger corpus");
            }
            if (n == 1 && c.hierarchicalSoftmax()) {
                throw new IllegalArgumentException(corpus + ": only one word occurs at least " + c.minCount()
                        + " times; hierarchical softmax needs at least 2 (lower --min-count)");
            }
            Integer[] kept = Arrays.copyOf(order, n);
            Arrays.sort(kept, (a, b) -> raw[a] != raw[b] ? Long.compare(raw[b], raw[a]) : Integer.compare(a, b));
            if (c.maxVocabSize() > 0 && n > c.maxVocabSize()) {
                n = c.maxVocabSize();
            }
            String[] words = new String[n];
            long[] counts = new long[n];
            int[] rawToId = new int[raw.length];
            Arrays.fill(rawToId, -1);
            for (int i = 0; i < n; i++) {
                words[i] = rawWords[kept[i]];
                counts[i] = raw[kept[i]];
                rawToId[kept[i]] = i;
            }
            Model m = new Model(c, words, counts, rawToId);
            m.initialize(c.seed());
            return m;
        }

        static Model restore(Word2VecConfig c, Checkpoint.State st, EncodedCorpus enc) {
            Map<String, Integer> ids = new java.util.HashMap<>();
            for (int i = 0; i < st.words().length; i++) {
                ids.put(st.words()[i], i);
            }
            String[] raw = enc.words();
            int[] rawToId = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                rawToId[i] = ids.getOrDefault(raw[i], -1);
            }
            Model m = new Model(c, st.words(), st.counts(), rawToId);
            st.copyInto(m);
            return m;
        }

        private void initialize(long seed) {
            long r = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            // the vocabulary's rows as in plain word2vec, then the n-gram rows with the same distribution
            for (int w = 0; w < vocabSize + ngramBuckets.length; w++) {
                for (int d = 0; d < dim; d++) {
                    r = UnigramSampler.nextRandom(r);
                    float u = (UnigramSampler.mix(r) >>> 40) / (float) (1 << 24);
                    syn0[w * stride + d] = (u - 0.5f) / dim;
                }
            }
        }

        /** The vocabulary's vectors: its rows, or with subwords the mean of each word's own and n-gram rows. */
        float[] exportVectors() {
            float[] out = new float[vocabSize * dim];
            if (!subwords) {
                for (int w = 0; w < vocabSize; w++) {
                    System.arraycopy(syn0, w * stride, out, w * dim, dim);
                }
                return out;
            }
            double[] acc = new double[dim];
            for (int w = 0; w < vocabSize; w++) {
                Arrays.fill(acc, 0);
                for (int i = subOffsets[w]; i < subOffsets[w + 1]; i++) {
                    int off = subRows[i];
                    for (int d = 0; d < dim; d++) {
                        acc[d] += syn0[off + d];
                    }
                }
                double inv = 1.0 / (subOffsets[w + 1] - subOffsets[w]);
                for (int d = 0; d < dim; d++) {
                    out[w * dim + d] = (float) (acc[d] * inv);
                }
            }
            return out;
        }

        /** The n-gram rows for composing unknown words (shares syn0: call after training). */
        Subwords subwordModel(Word2VecConfig c) {
            return Subwords.ofRows(dim, c.minn(), c.maxn(), c.bucket(), ngramBuckets, syn0, vocabSize * stride,
                    stride);
        }
    }

    /** One training thread's state: scratch buffers, random state, loss. */
    static final class Worker {
        private final Model m;
        private final Word2VecConfig c;
        private final int n;           // stride
        private final boolean skipGram;
        private final boolean hs;
        private final int negative;
        private final int window;
        private final int maxLen;
        private final boolean cbowMean;
        private final int[] sentence;
        private final int[] ctxOffs;   // context rows (offsets into syn0)
        private final int[] tgtOffs;   // output rows (offsets into syn1 / syn1neg)
        private final float[] labels;
        private final float[] dots;
        private final float[] grads;
        private final float[] hidden;
        private final float[] errors;  // the hidden vector's error, added to the context rows
        private final int index;
        // The random state, the loss sums and the measure flag, written all the time: in arrays padded by PAD
        // elements on both sides, so that they never share a cache line with another thread's data (as fields of
        // this object they could, after the collector moves the workers next to each other).
        private static final int PAD = 16;
        private static final int RNG = PAD;
        private static final int LOSS_N = PAD + 1;
        private static final int MEASURE = PAD + 2;
        private static final int LOSS = PAD;
        private final long[] st = new long[2 * PAD + 3];
        private final double[] lossAcc = new double[2 * PAD + 1];
        private EncodedCorpus.Streams streams; // read while paused or finished (after the lock's hand-over)
        volatile double lossSum;
        volatile long lossCount;
        private boolean nan;
        // st[MEASURE] != 0: the loss is measured at this position (one in 8: an unbiased sample, cheaper)
        // private copies of the hottest output rows (several threads only; else null), padded by PRIVATE_PAD,
        // and their values at the last merge
        private final float[] hsPriv;
        private final float[] hsBase;
        private final float[] nsPriv;
        private final float[] nsBase;
        private final float[] inPriv;
        private final float[] inBase;
        private final int inLimit;     // syn0 offsets below it are rows with a private copy (0: none)
        private final int[] hotOffs;   // negative sampling: the targets among the private rows
        private final float[] hotLabels;
        private final float[] lanesTmp = new float[W2vKernels.DOTS_SCRATCH + 2 * PAD];
        // subwords: the input rows taking part in one hidden vector (syn0 offsets), their weights in it, and the
        // error summed over a Skip-gram position's context words
        private final int[] bagOffs;
        private final float[] bagWeights;
        private final float[] errorSum;

        /**
         * @param privateRows whether this worker keeps private copies of the hottest output rows, merged into the
         *                    shared ones every {@link #MERGE_WORDS} words (for several threads: with one, the
         *                    shared rows are used directly and training is reproducible)
         */
        Worker(Model m, Word2VecConfig c, int index, boolean privateRows) {
            this.m = m;
            this.c = c;
            this.n = m.stride;
            this.skipGram = c.architecture() == Word2VecConfig.Architecture.SKIP_GRAM;
            this.hs = c.hierarchicalSoftmax();
            this.negative = c.negative();
            this.window = c.window();
            this.maxLen = c.maxSentenceLength();
            this.cbowMean = c.cbowMean();
            this.sentence = new int[maxLen + 2 * PAD];
            this.ctxOffs = new int[2 * window + 2 * PAD];
            int maxTargets = Math.max(HuffmanTree.MAX_CODE_LENGTH, negative + 1);
            this.tgtOffs = new int[maxTargets + 2 * PAD];
            this.labels = new float[maxTargets + 2 * PAD];
            this.dots = new float[Math.max(maxTargets, 2 * window) + 2 * PAD];
            this.grads = new float[Math.max(maxTargets, 2 * window) + 2 * PAD];
            this.hidden = new float[n + 2 * PAD];
            this.errors = new float[n + 2 * PAD];
            this.index = index;
            boolean hsPrivate = privateRows && m.syn1 != null && m.hsHotRows.length > 0;
            this.hsPriv = hsPrivate ? new float[m.hsHotRows.length * n + 2 * PRIVATE_PAD] : null;
            this.hsBase = hsPrivate ? new float[m.hsHotRows.length * n] : null;
            boolean nsPrivate = privateRows && m.nsHot > 0;
            this.nsPriv = nsPrivate ? new float[m.nsHot * n + 2 * PRIVATE_PAD] : null;
            this.nsBase = nsPrivate ? new float[m.nsHot * n] : null;
            this.hotOffs = new int[maxTargets + 2 * PAD];
            this.hotLabels = new float[maxTargets + 2 * PAD];
            boolean inPrivate = privateRows && m.inHot > 0;
            this.inPriv = inPrivate ? new float[m.inHot * n + 2 * PRIVATE_PAD] : null;
            this.inBase = inPrivate ? new float[m.inHot * n] : null;
            this.inLimit = inPrivate ? m.inHot * n : 0;
            int bag = m.subwords ? Math.multiplyExact(2 * window, m.maxRows) : 0;
            this.bagOffs = new int[bag + 2 * PAD];
            this.bagWeights = new float[bag + 2 * PAD];
            this.errorSum = new float[m.subwords ? n + 2 * PAD : 0];
        }

        /**
         * Adds what this worker changed in its private rows since the last merge to the shared rows, then copies the
         * shared rows (with the other workers' merged changes) into its private ones. One worker at a time.
         *
         * <p>Why: the root of the Huffman tree is on every word's path and the top levels on most, and the most
         * frequent words are most of the negative samples; with shared rows, two threads write the same cache lines
         * millions of times a second and each write waits for the line to come back from the other core, so that
         * two threads ran slower than one (measured: Skip-gram HS 19 CPU-seconds on one thread, 33 to 50 on two for
         * the same work). Private copies merged every ~250 words remove that traffic; the other threads' updates
         * arrive with that delay, as in delayed-update parallel SGD.
         */
        private void mergePrivate(boolean loadOnly) {
            synchronized (m.mergeLock) {
                if (hsPriv != null) {
                    mergeRows(m.syn1, m.hsHotRows, m.hsHotRows.length, hsPriv, hsBase, loadOnly);
                }
                if (nsPriv != null) {
                    mergeRows(m.syn1neg, null, m.nsHot, nsPriv, nsBase, loadOnly);
                }
                if (inPriv != null) {
                    mergeRows(m.syn0, null, m.inHot, inPriv, inBase, loadOnly);
                }
            }
        }

        private void mergeRows(float[] shared, int[] rows, int k, float[] priv, float[] base, boolean loadOnly) {
            for (int r = 0; r < k; r++) {
                int so = rows == null ? r * n : rows[r];
                int po = PRIVATE_PAD + r * n;
                int bo = r * n;
                if (loadOnly) {
                    System.arraycopy(shared, so, priv, po, n);
                    System.arraycopy(shared, so, base, bo, n);
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    float v = shared[so + i] + (priv[po + i] - base[bo + i]);
                    shared[so + i] = v;
                    priv[po + i] = v;
                    base[bo + i] = v;
                }
            }
        }

        /** Continues inside an epoch from a checkpoint: the random state and the loss sums. */
        void restore(Checkpoint.Shard s) {
            st[RNG] = s.rng();
            lossAcc[LOSS] = s.loss();
            st[LOSS_N] = s.lossN();
            lossSum = s.loss();
            lossCount = s.lossN();
        }

        /** Where this worker stands (call while it is paused or finished). */
        Checkpoint.Shard snapshot() {
            EncodedCorpus.Streams r = streams;
            return new Checkpoint.Shard(index, r.positions(), r.ends(), r.current(), r.inBlock(), st[RNG],
                    lossAcc[LOSS], st[LOSS_N]);
        }

        /** Resets the loss and seeds the random state from (seed, thread, epoch), so a resumed run repeats it. */
        void startEpoch(int epoch) {
            st[RNG] = UnigramSampler.mix(UnigramSampler.mix(c.seed() * 0x9E3779B97F4A7C15L + index + 1) + epoch);
            lossAcc[LOSS] = 0;
            st[LOSS_N] = 0;
            lossSum = 0;
            lossCount = 0;
        }

        private long next() {
            long r = UnigramSampler.nextRandom(st[RNG]);
            st[RNG] = r;
            return UnigramSampler.mix(r);
        }

        void runEpoch(EncodedCorpus.Streams r, Shared shared, int epoch) {
            streams = r;
            int[] rawToId = m.rawToId;
            long[] keep = m.keep;
            boolean subsample = c.sample() > 0;
            long local = 0;
            float alpha = (float) shared.alpha;
            boolean privateRows = hsPriv != null || nsPriv != null || inPriv != null;
            long mergedAt = 0;
            if (privateRows) {
                mergePrivate(true);
            }
            boolean end = false;
            while (!end) {
                int len = 0;
                while (true) {
                    int v = r.next();
                    if (v <= 0) {
                        end = v < 0;
                        break;
                    }
                    int id = rawToId[v - 1];
                    if (id < 0) {
                        continue;
                    }
                    local++;
                    if (subsample && (next() >>> 32) >= keep[id]) {
                        continue;
                    }
                    sentence[len++] = id;
                    if (len == maxLen) {
                        break;
                    }
                }
                if (len > 1) {
                    if (m.subwords) {
                        if (skipGram) {
                            skipGramSubwordSentence(len, alpha);
                        } else {
                            cbowSubwordSentence(len, alpha);
                        }
                    } else if (skipGram) {
                        skipGramSentence(len, alpha);
                    } else {
                        cbowSentence(len, alpha);
                    }
                }
                if (privateRows && local - mergedAt >= MERGE_WORDS && !end && local < REPORT_WORDS) {
                    mergePrivate(false);
                    mergedAt = local;
                }
                if (local >= REPORT_WORDS || end) {
                    if (privateRows) {
                        mergePrivate(false); // before a checkpoint pause too: the shared rows are then complete
                        mergedAt = 0;
                    }
                    alpha = (float) shared.update(local);
                    local = 0;
                    lossSum = lossAcc[LOSS];
                    lossCount = st[LOSS_N];
                    if (nan || Double.isNaN(lossAcc[LOSS])) {
                        throw new TrainingDivergedException(epoch + 1, shared.done.get(), alpha);
                    }
                    if (shared.stop) {
                        return;
                    }
                    if (!end) {
                        shared.pausePoint();
                        if (shared.stop) {
                            return;
                        }
                    }
                }
            }
        }

        private int targets(int word) {
            // fills tgtOffs/labels for the negative-sampling part; the HS part is read from the tree directly
            int t = 0;
            tgtOffs[t] = word * n;
            labels[t++] = 1;
            for (int d = 0; d < negative; d++) {
                int s = m.sampler.sample(next());
                if (s == word) {
                    continue;
                }
                tgtOffs[t] = s * n;
                labels[t++] = 0;
            }
            return t;
        }

        private void skipGramSentence(int len, float alpha) {
            float[] syn0 = m.syn0;
            for (int pos = 0; pos < len; pos++) {
                int word = sentence[pos];
                long bits = next();
                int b = (int) (((bits >>> 32) * window) >>> 32);
                st[MEASURE] = (bits & 7) == 0 ? 1 : 0;
                int k = 0;
                int from = Math.max(0, pos - window + b);
                int to = Math.min(len - 1, pos + window - b);
                for (int p = from; p <= to; p++) {
                    if (p != pos) {
                        ctxOffs[k++] = sentence[p] * n;
                    }
                }
                if (k == 0) {
                    continue;
                }
                // like word2vec.c: each context word in turn predicts the word (its path, fresh negatives);
                // its output rows are updated before the next context word reads them
                for (int j = 0; j < k; j++) {
                    int row = ctxOffs[j];
                    float[] in = syn0;
                    if (row < inLimit) { // a frequent word's row: this worker's private copy
                        in = inPriv;
                        row += PRIVATE_PAD;
                    }
                    System.arraycopy(in, row, hidden, 0, n);
                    trainHidden(word, alpha);
                    W2vKernels.add(errors, 0, in, row, n);
                }
            }
        }

        private float gradient(float f, float label, float alpha, boolean hsMode) {
            if (f > -MAX_EXP && f < MAX_EXP) {
                int i = (int) ((f + MAX_EXP) * TABLE_SCALE);
                if (st[MEASURE] != 0) {
                    lossAcc[LOSS] += label > 0 ? LOSS_POS[i] : LOSS_NEG[i];
                    st[LOSS_N]++;
                }
                return (label - SIGMOID[i]) * alpha;
            }
            if (f != f) {
                nan = true;
                return 0;
            }
            if (st[MEASURE] != 0) {
                lossAcc[LOSS] += (f >= MAX_EXP) == (label > 0) ? 0 : MAX_EXP;
                st[LOSS_N]++;
            }
            // like word2vec.c: no update when |f| >= 6 (HS), but clamp for negative sampling
            return hsMode ? 0 : (f >= MAX_EXP ? label - 1 : label) * alpha;
        }

        /**
         * The output layer for one hidden vector ({@code hidden}): hierarchical softmax along the word's path and/or
         * negative sampling, as word2vec.c does for one (context, word) pair; the error goes to {@code errors}.
         * The dot products with all output rows run together (they do not depend on each other's updates).
         */
        private void trainHidden(int word, float alpha) {
            Arrays.fill(errors, 0, n, 0f);
            if (hs) {
                int start = m.codeOffsets[word];
                int t = m.codeOffsets[word + 1] - start;
                int h = hsPriv == null ? 0 : m.hsHotLen[word]; // the path's leading nodes with private rows
                if (h > 0) {
                    hsRows(hsPriv, m.hsHotPath, start, h, alpha);
                }
                if (h < t) {
                    hsRows(m.syn1, m.pointOffsets, start + h, t - h, alpha);
                }
            }
            if (negative > 0) {
                int t = targets(word);
                if (nsPriv == null) {
                    nsRows(m.syn1neg, tgtOffs, labels, t, alpha);
                } else {
                    int hot = 0;
                    int cold = 0;
                    int limit = m.nsHot * n;
                    for (int i = 0; i < t; i++) {
                        int off = tgtOffs[i];
                        if (off < limit) {
                            hotOffs[hot] = PRIVATE_PAD + off;
                            hotLabels[hot++] = labels[i];
                        } else {
                            tgtOffs[cold] = off;
                            labels[cold++] = labels[i];
                        }
                    }
                    if (hot > 0) {
                        nsRows(nsPriv, hotOffs, hotLabels, hot, alpha);
                    }
                    if (cold > 0) {
                        nsRows(m.syn1neg, tgtOffs, labels, cold, alpha);
                    }
                }
            }
        }

        /** Hierarchical softmax on path nodes from .. from + t of {@code word}, whose rows are in {@code rows}. */
        private void hsRows(float[] rows, int[] offsets, int from, int t, float alpha) {
            System.arraycopy(offsets, from, tgtOffs, 0, t);
            W2vKernels.dots(rows, tgtOffs, t, hidden, 0, n, dots, lanesTmp);
            int u = 0;
            for (int i = 0; i < t; i++) {
                float g = gradient(dots[i], 1 - m.codes[from + i], alpha, true);
                if (g != 0) {
                    grads[u] = g;
                    tgtOffs[u++] = tgtOffs[i];
                }
            }
            W2vKernels.sharedHiddenUpdate(hidden, errors, rows, tgtOffs, u, grads, n);
        }

        /** Negative sampling on t output rows of {@code rows} at {@code offs} with {@code labs}. */
        private void nsRows(float[] rows, int[] offs, float[] labs, int t, float alpha) {
            W2vKernels.dots(rows, offs, t, hidden, 0, n, dots, lanesTmp);
            for (int i = 0; i < t; i++) {
                grads[i] = gradient(dots[i], labs[i], alpha, false);
            }
            W2vKernels.sharedHiddenUpdate(hidden, errors, rows, offs, t, grads, n);
        }

        private void cbowSentence(int len, float alpha) {
            float[] syn0 = m.syn0;
            for (int pos = 0; pos < len; pos++) {
                int word = sentence[pos];
                long bits = next();
                int b = (int) (((bits >>> 32) * window) >>> 32);
                st[MEASURE] = (bits & 7) == 0 ? 1 : 0;
                int k = 0;
                int from = Math.max(0, pos - window + b);
                int to = Math.min(len - 1, pos + window - b);
                for (int p = from; p <= to; p++) {
                    if (p != pos) {
                        ctxOffs[k++] = sentence[p] * n;
                    }
                }
                if (k == 0) {
                    continue;
                }
                W2vKernels.sumRows(syn0, ctxOffs, k, cbowMean ? 1f / k : 1f, hidden, n);
                trainHidden(word, alpha);
                if (!cbowMean) {
                    // like gensim: with a sum of the context, the error is divided among the context words
                    float inv = 1f / k;
                    for (int i = 0; i < n; i++) {
                        errors[i] *= inv;
                    }
                }
                for (int j = 0; j < k; j++) {  // CBOW has no private input rows (see the constructor)
                    W2vKernels.add(errors, 0, syn0, ctxOffs[j], n);
                }
            }
        }

        /**
         * CBOW with subwords (Bojanowski et al. 2017): the hidden vector is the mean (or sum) of the context words'
         * representations, each the mean of the word's own row and its n-gram rows; the hidden vector's error is
         * then added to every row that took part. Like word2vec.c for the context words and fastText for the
         * n-gram rows, the error is not divided by the number of rows: the exact gradient of a mean of r rows would
         * move the word's representation only 1/r as far (an effective learning rate ~20 times lower for words of
         * 20 n-grams). With no n-grams this is exactly {@link #cbowSentence}.
         */
        private void cbowSubwordSentence(int len, float alpha) {
            float[] syn0 = m.syn0;
            int[] subOffsets = m.subOffsets;
            int[] subRows = m.subRows;
            for (int pos = 0; pos < len; pos++) {
                int word = sentence[pos];
                long bits = next();
                int b = (int) (((bits >>> 32) * window) >>> 32);
                st[MEASURE] = (bits & 7) == 0 ? 1 : 0;
                int k = 0;
                int rows = 0;
                int from = Math.max(0, pos - window + b);
                int to = Math.min(len - 1, pos + window - b);
                for (int p = from; p <= to; p++) {
                    if (p != pos) {
                        int w = sentence[p];
                        float weight = m.subWeights[w];
                        for (int i = subOffsets[w]; i < subOffsets[w + 1]; i++) {
                            bagOffs[rows] = subRows[i];
                            bagWeights[rows++] = weight;
                        }
                        k++;
                    }
                }
                if (k == 0) {
                    continue;
                }
                W2vKernels.weightedSumRows(syn0, bagOffs, bagWeights, rows, cbowMean ? 1f / k : 1f, hidden, n);
                trainHidden(word, alpha);
                if (!cbowMean) {
                    float inv = 1f / k;
                    for (int i = 0; i < n; i++) {
                        errors[i] *= inv;
                    }
                }
                if (SUBWORD_MEAN_GRADIENT) {
                    for (int j = 0; j < rows; j++) {
                        axpy(bagWeights[j], errors, syn0, bagOffs[j]);
                    }
                } else {
                    for (int j = 0; j < rows; j++) {
                        W2vKernels.add(errors, 0, syn0, bagOffs[j], n);
                    }
                }
            }
        }

        /** y[yOff ..] += a · x[0 ..] over the stride (the experiment {@link #SUBWORD_MEAN_GRADIENT} only). */
        private void axpy(float a, float[] x, float[] y, int yOff) {
            for (int i = 0; i < n; i++) {
                y[yOff + i] += a * x[i];
            }
        }

        /**
         * Skip-gram with subwords, as fastText: the centre word's representation (the mean of its own row and its
         * n-gram rows) predicts each context word in turn. After each context word the representation moves by
         * that word's error (fastText adds the error to every row and recomputes the mean, which moves it by just
         * that, or by {@link Model#subGains} times it when a row repeats), and the errors of all the position's
         * context words are added to the rows at the end of the position: the same sums as fastText's row-by-row
         * updates, with one pass over the rows instead of one per context word.
         */
        private void skipGramSubwordSentence(int len, float alpha) {
            float[] syn0 = m.syn0;
            int[] subOffsets = m.subOffsets;
            int[] subRows = m.subRows;
            for (int pos = 0; pos < len; pos++) {
                int word = sentence[pos];
                long bits = next();
                int b = (int) (((bits >>> 32) * window) >>> 32);
                st[MEASURE] = (bits & 7) == 0 ? 1 : 0;
                int from = Math.max(0, pos - window + b);
                int to = Math.min(len - 1, pos + window - b);
                if (from == to) {
                    continue;
                }
                int rows = 0;
                float weight = m.subWeights[word];
                for (int i = subOffsets[word]; i < subOffsets[word + 1]; i++) {
                    bagOffs[rows] = subRows[i];
                    bagWeights[rows++] = weight;
                }
                W2vKernels.weightedSumRows(syn0, bagOffs, bagWeights, rows, 1f, hidden, n);
                Arrays.fill(errorSum, 0, n, 0f);
                float gain = m.subGains[word] * (SUBWORD_MEAN_GRADIENT ? weight : 1f);
                for (int p = from; p <= to; p++) {
                    if (p == pos) {
                        continue;
                    }
                    trainHidden(sentence[p], alpha);
                    W2vKernels.add(errors, 0, errorSum, 0, n);
                    if (gain == 1f) {
                        W2vKernels.add(errors, 0, hidden, 0, n);
                    } else { // a repeated row gains e each time it occurs, and moves the mean further
                        for (int i = 0; i < n; i++) {
                            hidden[i] += gain * errors[i];
                        }
                    }
                }
                for (int j = 0; j < rows; j++) {
                    if (SUBWORD_MEAN_GRADIENT) {
                        axpy(weight, errorSum, syn0, bagOffs[j]);
                    } else {
                        W2vKernels.add(errorSum, 0, syn0, bagOffs[j], n);
                    }
                }
            }
        }
    }
}
