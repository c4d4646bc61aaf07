package dev.agentcore.agent.channel;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Hands events from a producer (a callback thread, an agent loop) to one consumer reading a {@link Stream}.
 * The producer never blocks; the consumer waits for each event as it is produced. The work behind the
 * channel starts on the first read and is cancelled when the stream is closed.
 */
public final class EventChannel<T> {

    private static final Object END = new Object();

    private record Failure(Throwable error) {}

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Passes an event on; ignored once the consumer closed the stream. */
    public void emit(T event) {
        if (!closed.get()) {
            queue.add(event);
        }
    }

    /** Ends the stream normally after the events emitted so far. */
    public void complete() {
        queue.add(END);
    }

    /** Ends the stream after the events emitted so far by throwing {@code error} to the consumer. */
    public void fail(Throwable error) {
        queue.add(new Failure(error));
    }

    /** True once the consumer closed the stream. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * The consumer's side; call once.
     *
     * @param onStart runs on the consumer's thread at the first read; it starts the producer
     * @param onClose runs once when the stream is closed; it cancels the producer
     */
    public Stream<T> stream(Runnable onStart, Runnable onClose) {
        Spliterator<T> events = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean started;
            private boolean finished;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (finished) {
                    return false;
                }
                if (!started) {
                    started = true;
                    try {
                        onStart.run();
                    } catch (RuntimeException | Error e) {
                        finished = true;
                        throw e;
                    }
                }
                Object next = take();
                if (next == END) {
                    finished = true;
                    return false;
                }
                if (next instanceof Failure failure) {
                    finished = true;
                    throw unchecked(failure.error());
                }
                @SuppressWarnings("unchecked")
                T event = (T) next;
                action.accept(event);
                return true;
            }

            private Object take() {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    finished = true;
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Interrupted while waiting for the next event");
                }
            }
        };
        return StreamSupport.stream(events, false).onClose(() -> {
            if (closed.compareAndSet(false, true)) {
                onClose.run();
            }
        });
    }

    private static RuntimeException unchecked(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new IllegalStateException(error.getMessage(), error);
    }
}
