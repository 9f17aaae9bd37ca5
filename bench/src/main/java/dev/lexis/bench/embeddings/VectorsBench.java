package dev.lexis.bench.embeddings;

import dev.lexis.embeddings.HnswIndex;
import dev.lexis.embeddings.Neighbor;
import dev.lexis.embeddings.WordVectors;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measurements of {@link WordVectors} and {@link HnswIndex}, printed as lines for the README:
 * <ul>
 *   <li>{@code nearest}: {@code nearest(word, 10)} over a 100,000 × 100 vocabulary of random Gaussian vectors,
 *       median and 90th percentile latency of 2,000 queries after 500 warm-up queries;</li>
 *   <li>{@code load}: loading a 1,000,000 × 300 word2vec binary file (written once to a temporary folder),
 *       wall time (median of 3) and heap used after loading, against the file size;</li>
 *   <li>{@code hnsw[=FILE]}: the Lucene HNSW index ({@link HnswIndex}) over a vectors file, or over 100,000 × 100
 *       random Gaussian vectors without FILE: build time, recall@10 against exact search and median latency of
 *       exact and approximate {@code nearest(word, 10)} over 1,000 query words spread over the vocabulary;</li>
 *   <li>{@code hnsw=clustered[:N]}: the same over N (default 1,000,000) × 100 clustered Gaussian vectors: 4,000
 *       centres drawn from N(0, 1) per dimension, each vector a random centre plus N(0, 0.5²) noise per dimension
 *       (neighbourhoods more like word vectors' than uniform random points).</li>
 * </ul>
 * Usage: {@code java --add-modules jdk.incubator.vector -Xmx3g -cp ... dev.lexis.bench.embeddings.VectorsBench
 * [nearest] [load] [hnsw[=FILE|=clustered[:N]]] [TMPDIR]}.
 */
public final class VectorsBench {

    private VectorsBench() {
    }

    public static void main(String[] args) throws IOException {
        List<String> what = new ArrayList<>(Arrays.asList(args));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> hnsw = new ArrayList<>();
        for (String a : args) {
            if (a.equals("hnsw") || a.startsWith("hnsw=")) {
                what.remove(a);
                hnsw.add(a);
                continue;
            }
            if (!a.equals("nearest") && !a.equals("load")) {
                tmp = Path.of(a);
                what.remove(a);
            }
        }
        for (String h : hnsw) {
            hnsw(h.startsWith("hnsw=") ? Path.of(h.substring(5)) : null, tmp);
        }
        if (what.isEmpty() && !hnsw.isEmpty()) {
            return;
        }
        if (what.isEmpty()) {
            what = List.of("nearest", "load");
        }
        if (what.contains("nearest")) {
            nearest();
        }
        if (what.contains("load")) {
            load(tmp);
        }
    }

    static void nearest() {
        int n = 100_000;
        SplittableRandom r = new SplittableRandom(1);
        WordVectors v = randomVectors(n, 100, r);
        long sink = 0;
        for (int i = 0; i < 500; i++) {
            sink += v.nearest("w" + r.nextInt(n), 10).size();
        }
        int q = 2000;
        long[] ns = new long[q];
        long[] cpu = new long[q];
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < q; i++) {
            String w = "w" + r.nextInt(n);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += v.nearest(w, 10).size();
            ns[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(ns);
        Arrays.sort(cpu);
        // with -Djava.util.concurrent.ForkJoinPool.common.parallelism=1 the scan runs on the calling thread,
        // and its CPU time is the whole cost of a query, whatever else runs on the machine
        System.out.printf(Locale.ROOT, "nearest: 100,000 x 100, top 10: median %.3f ms, p90 %.3f ms wall; calling thread's"
                        + " CPU median %.3f ms (%d queries, scan threads %d) [%d]%n", ns[q / 2] / 1e6, ns[q * 9 / 10] / 1e6,
                cpu[q / 2] / 1e6, q, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(), sink % 7);
    }

    /**
     * {@code n} words "w0", "w1", … in {@code centres} clusters: centre c ~ N(0, 1) per dimension, word i = a
     * centre drawn uniformly + N(0, noise²) per dimension.
     */
    static WordVectors clusteredVectors(int n, int dim, int centres, double noise, SplittableRandom r) {
        float[] c = new float[centres * dim];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) r.nextGaussian();
        }
        float[] m = new float[n * dim];
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
            int k = r.nextInt(centres);
            for (int d = 0; d < dim; d++) {
                m[i * dim + d] = c[k * dim + d] + (float) (noise * r.nextGaussian());
            }
        }
        return WordVectors.of(words, m, dim);
    }

    /** {@code n} words "w0", "w1", … with standard Gaussian vectors of dimension {@code dim} drawn from {@code r}. */
    static WordVectors randomVectors(int n, int dim, SplittableRandom r) {
        float[] m = new float[n * dim];
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
            for (int d = 0; d < dim; d++) {
                m[i * dim + d] = (float) r.nextGaussian();
            }
        }
        return WordVectors.of(words, m, dim);
    }

    static void hnsw(Path file, Path tmp) throws IOException {
        WordVectors v;
        String name;
        if (file != null && file.toString().startsWith("clustered")) {
            String spec = file.toString();
            int n = spec.startsWith("clustered:") ? Integer.parseInt(spec.substring(10)) : 1_000_000;
            v = clusteredVectors(n, 100, 4000, 0.5, new SplittableRandom(3));
            name = "clustered Gaussian (4,000 centres, noise 0.5)";
        } else if (file != null) {
            v = WordVectors.load(file);
            name = file.getFileName().toString();
        } else {
            v = randomVectors(100_000, 100, new SplittableRandom(1));
            name = "random Gaussian";
        }
        Path dir = Files.createTempDirectory(tmp, "lexis-bench-hnsw");
        try {
            int threads = Runtime.getRuntime().availableProcessors();
            long t0 = System.nanoTime();
            try (HnswIndex index = HnswIndex.build(v, dir, HnswIndex.DEFAULT_MAX_CONN, HnswIndex.DEFAULT_BEAM_WIDTH,
                    threads)) {
                double buildSecs = (System.nanoTime() - t0) / 1e9;
                long bytes;
                try (var files = Files.list(dir)) {
                    bytes = files.mapToLong(f -> f.toFile().length()).sum();
                }
                int q = Math.min(1000, v.size());
                String[] queries = new String[q];
                for (int i = 0; i < q; i++) {
                    queries[i] = v.word((int) ((long) i * v.size() / q));
                }
                for (int i = 0; i < Math.min(300, q); i++) { // warm-up of both paths
                    v.nearest(queries[i], 10);
                    index.nearest(queries[i], 10);
                }
                // exact answers once (a 1M-word scan is the slow part), then each candidate setting against them
                long[] exactNs = new long[q];
                List<java.util.Set<String>> wanted = new ArrayList<>();
                for (int i = 0; i < q; i++) {
                    long a = System.nanoTime();
                    List<Neighbor> exact = v.nearest(queries[i], 10);
                    exactNs[i] = System.nanoTime() - a;
                    java.util.Set<String> want = new java.util.HashSet<>();
                    exact.forEach(x -> want.add(x.word()));
                    wanted.add(want);
                }
                Arrays.sort(exactNs);
                for (int cand : new int[] {HnswIndex.DEFAULT_CANDIDATES, 200}) {
                    long[] approxNs = new long[q];
                    long hits = 0;
                    for (int i = 0; i < q; i++) {
                        long b = System.nanoTime();
                        List<Neighbor> approx = index.nearest(queries[i], 10, cand);
                        approxNs[i] = System.nanoTime() - b;
                        java.util.Set<String> want = wanted.get(i);
                        for (Neighbor x : approx) {
                            if (want.contains(x.word())) {
                                hits++;
                            }
                        }
                    }
                    Arrays.sort(approxNs);
                    System.out.printf(Locale.ROOT, "hnsw: %s %,d x %d, M %d, beam %d, %d candidates: recall@10 %.4f over"
                                    + " %d queries; median nearest-10 exact %.3f ms, HNSW %.3f ms; built in %.1f s (%d"
                                    + " threads), index %.1f MB%n", name, v.size(), v.dimension(),
                            HnswIndex.DEFAULT_MAX_CONN, HnswIndex.DEFAULT_BEAM_WIDTH, cand, hits / (10.0 * q), q,
                            exactNs[q / 2] / 1e6, approxNs[q / 2] / 1e6, buildSecs, threads, bytes / 1e6);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    static void load(Path tmp) throws IOException {
        int n = 1_000_000;
        int dim = 300;
        Path file = tmp.resolve("lexis-bench-1M-300.bin");
        try {
            writeRandom(file, n, dim);
            long size = Files.size(file);
            double[] secs = new double[3];
            double[] cpu = new double[3];
            var threads = ManagementFactory.getThreadMXBean();
            long heap = 0;
            for (int i = 0; i < secs.length; i++) {
                System.gc();
                long before = usedHeap();
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                WordVectors v = WordVectors.load(file);
                secs[i] = (System.nanoTime() - t0) / 1e9;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                System.gc();
                heap = usedHeap() - before;
                if (v.size() != n) {
                    throw new IllegalStateException("loaded " + v.size());
                }
            }
            Arrays.sort(secs);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "load: 1,000,000 x 300 binary (%.2f GB): %.2f s wall, %.2f s CPU (medians of 3), heap %.2f GB = %.2fx the file%n",
                    size / 1e9, secs[1], cpu[1], heap / 1e9, heap / (double) size);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void writeRandom(Path file, int n, int dim) throws IOException {
        SplittableRandom r = new SplittableRandom(2);
        ByteBuffer b = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write((n + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < n; i++) {
                out.write(("word" + i + " ").getBytes(StandardCharsets.UTF_8));
                b.clear();
                for (int d = 0; d < dim; d++) {
                    b.putFloat((float) (r.nextDouble() - 0.5));
                }
                out.write(b.array());
                out.write('\n');
            }
        }
    }
}
