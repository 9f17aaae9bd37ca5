package dev.lexis.nn.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper threads of a multi-threaded GEMM: {@code THREADS − 1} daemon threads ({@code lexis-gemm-N}) that
 * take parts of a posted product, while the calling thread computes parts itself.
 *
 * <p>A product is cut into a fixed number of parts (fixed by its shape and the thread count, so the sums and
 * their order do not depend on which thread computes a part). The caller posts the job in one slot, wakes the
 * helpers if they sleep, and then claims parts itself, one at a time, from a shared counter, exactly as the
 * helpers do; when no part is left it waits for the parts in progress. So a helper that is late (asleep, or
 * descheduled on a busy machine) costs nothing but its share: the caller computes the rest. When the slot is
 * taken (another thread's product is running, e.g. a second data-parallel worker), the caller computes all its
 * parts alone; nobody ever waits for another caller's product.
 *
 * <p>After a part, a helper keeps polling the slot for {@code lexis.nn.gemmSpinMicros} microseconds (default
 * 200) before it parks: products that follow each other closely (the layers of one training step) then find it
 * awake, without the tens of microseconds a wake-up from park takes. Waking a fork-join worker for every product
 * cost more than the product's second half at the smaller model shapes.
 *
 * <p>On a machine busier than its cores, a helper may be descheduled in the middle of its part, and the caller
 * then waits a whole scheduler time slice (milliseconds) for a product of a few hundred microseconds. When the
 * caller had to wait for the helpers longer than half its own share (plus 20 µs), the next products run on the
 * caller alone for a pause of 1 ms, doubled (up to 200 ms) after every late product and halved after every
 * product on time, so that on a busy machine a GEMM degrades to about one thread's speed rather than far below
 * it, and returns to all threads within a few tenths of a second when the machine is quiet again. Which thread
 * computes a part never changes the result.
 */
final class GemmThreads {
    /** Computes part {@code index} of a job. */
    interface Parts {
        void run(int index);
    }

    /** How long a helper polls for the next job before it parks, in nanoseconds. */
    private static final long SPIN_NANOS = 1000L * Math.max(0, Integer.getInteger("lexis.nn.gemmSpinMicros", 200));

    /** How much longer than half its own share the caller may wait for the helpers before they count as late. */
    private static final long LATE_NANOS = 20_000;
    private static final long MIN_BACKOFF_NANOS = 1_000_000;
    private static final long MAX_BACKOFF_NANOS = 200_000_000;

    private static final AtomicReference<Job> POSTED = new AtomicReference<>();
    /** {@link System#nanoTime} from which products are offered to the helpers again (see {@link #run}). */
    private static volatile long helpersBackAt = System.nanoTime();
    /** The current pause after late helpers (0 while they are on time); races between callers are harmless. */
    private static volatile long backoff;
    private static final AtomicLong JOBS = new AtomicLong();
    private static final Helper[] HELPERS = startHelpers(GemmDriver.THREADS - 1);

    private GemmThreads() {
    }

    /**
     * Runs parts 0 … parts − 1 of {@code work}, on the calling thread and the helpers, and returns when all are
     * done. Rethrows (on the caller) an error thrown by a part on a helper.
     */
    static void run(int parts, Parts work) {
        Job job = new Job(parts, work);
        long start = System.nanoTime();
        boolean posted = HELPERS.length > 0 && parts > 1 && start - helpersBackAt >= 0
                && POSTED.compareAndSet(null, job);
        if (posted) {
            for (Helper h : HELPERS) {
                if (h.parked) {
                    LockSupport.unpark(h);
                }
            }
        }
        job.claimAll();
        if (posted) {
            POSTED.compareAndSet(job, null);
            long own = System.nanoTime() - start;
            long waited = job.awaitDone();
            long pause;
            if (waited > own / 2 + LATE_NANOS) {
                // a helper held up the caller by more than half of its own share: it did not get a core in time
                // (a busy machine); compute alone for a while, twice as long after every such product
                pause = Math.min(MAX_BACKOFF_NANOS, Math.max(MIN_BACKOFF_NANOS, 2 * backoff));
            } else {
                // on time: halve the pause, so that helpers come back within a few tenths of a second once the
                // machine is quiet again, while one lucky product on a busy machine does not end the pause
                pause = backoff >= 2 * MIN_BACKOFF_NANOS ? backoff / 2 : 0;
            }
            backoff = pause;
            if (pause > 0) {
                helpersBackAt = System.nanoTime() + pause;
            }
        }
        Throwable failure = job.failure;
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("a GEMM part failed", failure);
        }
    }

    private static Helper[] startHelpers(int count) {
        Helper[] helpers = new Helper[Math.max(0, count)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1);
            helpers[i].start();
        }
        return helpers;
    }

    /** One product: its parts, the next part to claim, and how many are done. */
    private static final class Job {
        final long id = JOBS.incrementAndGet();
        final int parts;
        final Parts work;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(int parts, Parts work) {
            this.parts = parts;
            this.work = work;
        }

        /** Claims and runs parts until none is left. */
        void claimAll() {
            int p;
            while ((p = next.getAndIncrement()) < parts) {
                try {
                    work.run(p);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        /** Waits until every part is done; returns how long that took, in nanoseconds. */
        long awaitDone() {
            if (done.get() >= parts) {
                return 0;
            }
            long start = System.nanoTime();
            while (done.get() < parts) {
                Thread.onSpinWait();
                if (System.nanoTime() - start > 50_000) {
                    Thread.yield();   // the helper runs long (the machine is busy): let others use this core
                }
            }
            return System.nanoTime() - start;
        }
    }

    private static final class Helper extends Thread {
        volatile boolean parked;

        Helper(int index) {
            super("lexis-gemm-" + index);
            setDaemon(true);
        }

        @Override
        public void run() {
            long last = 0;   // the id of the last job seen (not the job: it holds the caller's arrays)
            long idleSince = System.nanoTime();
            while (true) {
                Job job = POSTED.get();
                if (job != null && job.id != last) {
                    last = job.id;
                    job.claimAll();
                    idleSince = System.nanoTime();
                    continue;
                }
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                job = POSTED.get();
                if (job == null || job.id == last) {
                    LockSupport.park(this);
                }
                parked = false;
                idleSince = System.nanoTime();
            }
        }
    }
}
