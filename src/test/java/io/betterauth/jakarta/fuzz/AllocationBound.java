package io.betterauth.jakarta.fuzz;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * The "bounded work" property of the fuzz targets: a decoder may allocate at most a fixed allowance plus a constant
 * per input character, so a small input can never make it allocate megabytes (a quadratic copy, a huge buffer sized
 * from a length field). Measured with the JVM's per-thread allocation counter, which counts bytes, not time, so the
 * check is deterministic; the allowance absorbs one-off class initialisation.
 */
public final class AllocationBound {

    /** Fixed allowance: JSON-P and Nimbus set up a few buffers per call. */
    static final long BASE_BYTES = 4L << 20;
    /** Per input character: far above any linear decoder, far below anything quadratic on a 4 KiB input. */
    static final long BYTES_PER_CHAR = 512;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationBound() {
    }

    /**
     * Runs {@code work} and fails when it allocated more than the bound for an input of {@code inputChars}. Over the
     * bound, the work is measured once more before failing: the first run through a new code path also pays for
     * loading (and Jazzer's instrumenting) its classes, a genuine blow-up costs as much the second time.
     */
    public static <T> T check(long inputChars, Supplier<T> work) {
        long bound = BASE_BYTES + BYTES_PER_CHAR * inputChars;
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        T result = work.get();
        long allocated = THREADS.getThreadAllocatedBytes(id) - before;
        if (allocated > bound) {
            before = THREADS.getThreadAllocatedBytes(id);
            work.get();
            allocated = THREADS.getThreadAllocatedBytes(id) - before;
        }
        if (allocated > bound) {
            throw new AssertionError("Allocated " + allocated + " bytes for an input of " + inputChars
                    + " characters (bound " + bound + ")");
        }
        return result;
    }
}
