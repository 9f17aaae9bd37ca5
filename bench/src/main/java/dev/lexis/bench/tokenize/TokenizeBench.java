package dev.lexis.bench.tokenize;

import dev.lexis.tokenize.Tokenizer;
import dev.lexis.tokenize.Vocabulary;
import dev.lexis.tokenize.VocabularyBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Measures, on one thread: reading a text file line by line (UTF-8) + tokenizing every line + counting the
 * tokens in a {@link VocabularyBuilder}, in MB/s of input bytes (1 MB = 10^6 bytes), for each analyzer;
 * and the peak heap used while doing it.
 *
 * <pre>
 * TokenizeBench --english FILE [--chinese DIR] [--runs N] [--analyzers whitespace,standard,...]
 * </pre>
 * {@code --english} is the normalized English corpus (see bench/tokenize/run.sh); {@code --chinese} is the
 * folder of the Chinese classic novels ({@code *.txt.gz}, read into memory first, then tokenized with
 * {@code smartcn} and {@code icu}). Prints one Markdown table row per analyzer.
 */
public final class TokenizeBench {

    private TokenizeBench() {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One measured configuration: wall and CPU seconds of the measuring thread per timed run. */
    private record Result(String analyzer, String corpus, long bytes, long tokens, int distinct,
                          double[] seconds, double[] cpuSeconds, long peakHeapBytes) {
        double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    /**
     * Runs the benchmark (arguments in the class doc) and prints the table to stdout, per-run lines to stderr.
     *
     * @throws IOException when a corpus cannot be read
     * @throws IllegalArgumentException for an unknown argument or a missing {@code --english}
     */
    public static void main(String[] args) throws IOException {
        Path english = null;
        Path chinese = null;
        int runs = 3;
        List<String> analyzers = List.of("whitespace", "standard", "english", "icu");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--english" -> english = Path.of(args[++i]);
                case "--chinese" -> chinese = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--analyzers" -> analyzers = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: TokenizeBench --english FILE [--chinese DIR] [--runs N] [--analyzers a,b]");
            }
        }
        if (english == null) {
            throw new IllegalArgumentException("--english FILE is required (the normalized corpus)");
        }
        System.out.printf(Locale.ROOT, "# java %s, %s, max heap %d MB, %d processors visible%n",
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        List<Result> results = new ArrayList<>();
        results.add(measure("(read lines only)", english, runs, null));
        for (String analyzer : analyzers) {
            results.add(measure(analyzer, english, runs, Tokenizer.named(analyzer)));
        }
        if (chinese != null) {
            List<String> lines = readChinese(chinese);
            long bytes = lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1L).sum();
            for (String analyzer : List.of("smartcn", "icu")) {
                results.add(measureInMemory(analyzer, chinese.getFileName() + " (in memory)", lines, bytes, runs));
            }
        }
        System.out.println();
        System.out.println("| analyzer | corpus | MB | tokens | distinct words | MB/s (CPU) | MB/s (wall) | Mtokens/s (CPU) | peak heap MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            double cpu = r.median(r.cpuSeconds());
            double wall = r.median(r.seconds());
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %,d | %,d | %.1f | %.1f | %.2f | %d |%n",
                    r.analyzer(), r.corpus(), r.bytes() / 1e6, r.tokens(), r.distinct(), r.bytes() / 1e6 / cpu,
                    r.bytes() / 1e6 / wall, r.tokens() / 1e6 / cpu, r.peakHeapBytes() >> 20);
        }
        System.out.println();
        System.out.println("MB/s (CPU): input bytes (10^6) per CPU second of the one working thread, median of the"
                + " timed runs; MB/s (wall): per elapsed second (lower when other processes share the core).");
        System.out.printf(Locale.ROOT, "%nprocess peak RSS (VmHWM): %s%n", peakRss());
    }

    /** Reads the file line by line, tokenizes and counts; 1 warm-up run, then {@code runs} timed runs. */
    private static Result measure(String name, Path file, int runs, Tokenizer tokenizer) throws IOException {
        long bytes = Files.size(file);
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        long tokens = 0;
        int distinct = 0;
        long peak = 0;
        for (int run = -1; run < runs; run++) {
            System.gc();
            resetPeaks();
            VocabularyBuilder counter = Vocabulary.builder();
            long lines = 0;
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines++;
                    if (tokenizer != null) {
                        tokenizer.forEachToken(line, counter);
                    }
                }
            }
            Vocabulary vocab = counter.build(5, Integer.MAX_VALUE);  // part of the job: min-count 5, sorted
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            if (run >= 0) {
                seconds[run] = elapsed;
                cpuSeconds[run] = cpu;
                peak = Math.max(peak, peakHeap());
            }
            tokens = tokenizer == null ? lines : counter.tokens();
            distinct = tokenizer == null ? 0 : counter.size();
            System.err.printf(Locale.ROOT, "%s run %d: %.2f s wall, %.2f s CPU, %.1f MB/s (CPU), %,d tokens, %,d distinct,"
                    + " %,d with count >= 5%n", name, run, elapsed, cpu, bytes / 1e6 / cpu, tokens, distinct, vocab.size());
        }
        return new Result(name, file.getFileName().toString(), bytes, tokens, distinct, seconds, cpuSeconds, peak);
    }

    private static Result measureInMemory(String analyzer, String corpus, List<String> lines, long bytes, int runs) {
        Tokenizer tokenizer = Tokenizer.named(analyzer);
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        long tokens = 0;
        int distinct = 0;
        long peak = 0;
        for (int run = -1; run < runs; run++) {
            System.gc();
            resetPeaks();
            VocabularyBuilder counter = Vocabulary.builder();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (String line : lines) {
                tokenizer.forEachToken(line, counter);
            }
            counter.build(5, Integer.MAX_VALUE);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            if (run >= 0) {
                seconds[run] = elapsed;
                cpuSeconds[run] = cpu;
                peak = Math.max(peak, peakHeap());
            }
            tokens = counter.tokens();
            distinct = counter.size();
            System.err.printf(Locale.ROOT, "%s on %s run %d: %.2f s wall, %.2f s CPU, %.2f MB/s (CPU), %,d tokens,"
                    + " %,d distinct%n", analyzer, corpus, run, elapsed, cpu, bytes / 1e6 / cpu, tokens, distinct);
        }
        return new Result(analyzer, corpus, bytes, tokens, distinct, seconds, cpuSeconds, peak);
    }

    private static List<String> readChinese(Path dir) throws IOException {
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".txt.gz")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no .txt.gz files");
        }
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            try (InputStream raw = Files.newInputStream(file);
                 BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                         StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (UncheckedIOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return lines;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound of the live peak). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring("VmHWM:".length()).strip();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
