package dev.agentcore.client.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A response body whose every read must make progress within an idle limit. java.net.http's request timeout and
 * the AWS SDK's attempt timeout end when the headers arrive, and a streamed body may rightly take far longer than
 * that in total; what must not happen is a read that waits forever on a server that went silent. A watchdog (one
 * virtual thread a body) aborts the body when one read has waited longer than the limit; the blocked read then
 * throws {@link StreamIdleException}.
 */
public final class IdleTimeoutInputStream extends FilterInputStream {

    private final Duration limit;
    private final Runnable abort;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Thread reading;
    private long readStarted;
    private boolean expired;
    private boolean closed;

    private IdleTimeoutInputStream(InputStream in, Duration limit, Runnable abort) {
        super(in);
        this.limit = limit;
        this.abort = abort;
        Thread.ofVirtual().name("idle-timeout-watchdog").start(this::watch);
    }

    /**
     * @param abort how to make a blocked read of {@code body} return: closing it, or aborting the SDK's stream
     *              (closing an Apache-client body drains it first, which would wait on the silent server too)
     */
    public static IdleTimeoutInputStream wrap(InputStream body, Duration limit, Runnable abort) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the idle limit must be positive, got " + limit);
        }
        return new IdleTimeoutInputStream(body, limit, abort);
    }

    public Duration limit() {
        return limit;
    }

    @Override
    public int read() throws IOException {
        begin();
        try {
            return in.read();
        } catch (IOException e) {
            throw expiredOr(e);
        } finally {
            end();
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        begin();
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            throw expiredOr(e);
        } finally {
            end();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        super.close();
    }

    private void begin() throws IOException {
        lock.lock();
        try {
            if (expired) {
                throw new StreamIdleException(limit);
            }
            reading = Thread.currentThread();
            readStarted = System.nanoTime();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** After a read: a read the watchdog aborted fails even if bytes raced in; its interrupt is not left behind. */
    private void end() throws IOException {
        lock.lock();
        try {
            reading = null;
            if (expired) {
                Thread.interrupted();
                throw new StreamIdleException(limit);
            }
        } finally {
            lock.unlock();
        }
    }

    private IOException expiredOr(IOException e) {
        lock.lock();
        try {
            return expired ? new StreamIdleException(limit) : e;
        } finally {
            lock.unlock();
        }
    }

    private void watch() {
        lock.lock();
        try {
            while (!closed) {
                if (reading == null) {
                    changed.await();
                    continue;
                }
                long left = readStarted + limit.toNanos() - System.nanoTime();
                if (left > 0) {
                    changed.await(left, TimeUnit.NANOSECONDS);
                    continue;
                }
                expired = true;
                // Under the lock, so the reader's end() runs after the interrupt and clears it.
                try {
                    abort.run();
                } catch (RuntimeException ignored) {
                    // the interrupt below still wakes the reader
                }
                reading.interrupt(); // java.net.http's body blocks on a queue that closing alone does not wake
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
