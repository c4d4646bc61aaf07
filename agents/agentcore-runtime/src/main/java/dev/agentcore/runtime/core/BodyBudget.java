package dev.agentcore.runtime.core;

import java.time.Duration;

/**
 * How many request-body bytes may be read and parsed at once, across all requests.
 *
 * <p>Why: reading and parsing a body takes several times its size for a moment (the bytes, the parser's buffers,
 * the tree). Ten concurrent 100 MB bodies took the 6.4 GB default heap, and {@code /ping} stopped answering for
 * 20-27 s in the garbage collector, which AgentCore reads as an unhealthy runtime. Past the budget a request waits
 * for others to finish parsing, its bytes left in the socket; one request alone always proceeds, so a single
 * body up to the size limit is never refused.
 */
final class BodyBudget {

    private final long capacity;
    private long inUse;

    BodyBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("the body budget must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Reserves {@code bytes}, waiting up to {@code wait}; false when the wait ran out. */
    synchronized boolean reserve(long bytes, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (inUse > 0 && inUse + bytes > capacity) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        inUse += bytes;
        return true;
    }

    synchronized void release(long bytes) {
        inUse -= bytes;
        notifyAll();
    }

    long capacity() {
        return capacity;
    }
}
