package dev.lexis.nn.train;

import dev.lexis.nn.Gradients;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the forward and backward passes of one optimizer step, split over worker threads.
 *
 * <p>Worker 0 is the calling thread; workers 1 … T−1 are pool threads. Each owns a tape; with one thread the
 * tape writes straight into the parameters' gradients, with several each tape writes into its own
 * {@link Gradients}, which are added into the parameters in worker order after all passes — so the result
 * depends only on the thread count, not on timing.
 */
final class DataParallel<E> implements AutoCloseable {
    private final int threads;
    private final int maxExamplesPerPass;
    private final Tape[] tapes;
    private final float[][] seeds;
    private final ExecutorService pool;
    private final List<Future<Double>> futures = new ArrayList<>();

    DataParallel(int threads, int maxExamplesPerPass) {
        this.threads = threads;
        this.maxExamplesPerPass = maxExamplesPerPass;
        this.tapes = new Tape[threads];
        this.seeds = new float[threads][1];
        for (int w = 0; w < threads; w++) {
            tapes[w] = threads == 1 ? new Tape() : new Tape(new Gradients());
        }
        if (threads > 1) {
            AtomicInteger id = new AtomicInteger(1);
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "lexis-trainer-" + id.getAndIncrement());
                t.setDaemon(true);
                return t;
            });
        } else {
            pool = null;
        }
    }

    /** Seeds every worker tape's random numbers from (seed, epoch, worker). */
    void seed(long seed, int epoch) {
        for (int w = 0; w < threads; w++) {
            tapes[w].setSeed(MiniBatches.mix(MiniBatches.mix(seed, epoch), w));
        }
    }

    /**
     * Forward and backward over {@code batch}; afterwards the parameters' gradients hold the gradient of the
     * mean loss over the batch (added to what they held).
     *
     * @return the mean loss over the batch
     */
    double run(Trainable<E> model, List<E> batch) {
        int size = batch.size();
        int workers = Math.min(threads, size);
        if (threads == 1) {
            return pass(0, model, batch, 0, size, size);
        }
        futures.clear();
        for (int w = 1; w < workers; w++) {
            int worker = w;
            int from = (int) ((long) size * w / workers);
            int to = (int) ((long) size * (w + 1) / workers);
            futures.add(pool.submit(() -> pass(worker, model, batch, from, to, size)));
        }
        double loss = 0;
        RuntimeException failure = null;
        try {
            loss = pass(0, model, batch, 0, (int) ((long) size / workers), size);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<Double> f : futures) {
            try {
                loss += f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re
                            : e.getCause() instanceof Error err ? throwError(err)
                            : new IllegalStateException("a training worker failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("training was interrupted", e);
            }
        }
        if (failure != null) {
            for (Tape tape : tapes) {
                tape.gradients().zero();
            }
            throw failure;
        }
        for (int w = 0; w < workers; w++) {
            Gradients g = tapes[w].gradients();
            g.addToParameters();
            g.zero();
        }
        return loss;
    }

    private static RuntimeException throwError(Error e) {
        throw e;
    }

    /** Worker {@code w}'s share batch[from, to), in passes of at most maxExamplesPerPass examples. */
    private double pass(int w, Trainable<E> model, List<E> batch, int from, int to, int batchSize) {
        Tape tape = tapes[w];
        int chunk = maxExamplesPerPass == 0 ? Math.max(1, to - from) : maxExamplesPerPass;
        double loss = 0;
        for (int start = from; start < to; start += chunk) {
            int end = Math.min(to, start + chunk);
            tape.reset();
            tape.setTraining(true);
            Var l = model.loss(tape, batch.subList(start, end));
            if (l.size() != 1) {
                throw new IllegalArgumentException("Trainable.loss must return a one-element loss, got shape "
                        + Arrays.toString(l.shape()));
            }
            // weight each part by its share, so the gradients add up to those of the batch mean
            float weight = (end - start) / (float) batchSize;
            loss += l.item() * (double) weight;
            seeds[w][0] = weight;
            tape.backward(l, Tensor.of(seeds[w], l.shape()));
        }
        return loss;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
