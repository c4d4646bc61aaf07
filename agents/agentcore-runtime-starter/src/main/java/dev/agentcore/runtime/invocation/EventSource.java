package dev.agentcore.runtime.invocation;

import java.util.Iterator;
import java.util.stream.BaseStream;
import org.reactivestreams.Publisher;

/**
 * The elements of a streaming handler result, pulled one at a time on the request thread. Closing it
 * stops the producer: it closes a {@code Stream} (running its {@code onClose} handlers), closes an
 * {@code AutoCloseable} iterator and cancels a {@code Publisher}'s subscription.
 */
interface EventSource extends Iterator<Object>, AutoCloseable {

    @Override
    void close();

    /** The source for a streaming result, or {@code null} when the result is a single value. */
    static EventSource of(Object result) {
        if (result instanceof BaseStream<?, ?> stream) {
            Iterator<?> iterator = stream.iterator();
            return wrap(iterator, stream::close);
        }
        if (result instanceof Iterator<?> iterator) {
            return wrap(iterator, () -> {
                if (iterator instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception ignored) {
                        // The client is gone or the stream ended; nothing is left to tell.
                    }
                }
            });
        }
        if (result instanceof Publisher<?> publisher) {
            return new PublisherEventSource(publisher);
        }
        return null;
    }

    private static EventSource wrap(Iterator<?> iterator, Runnable onClose) {
        return new EventSource() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Object next() {
                return iterator.next();
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
