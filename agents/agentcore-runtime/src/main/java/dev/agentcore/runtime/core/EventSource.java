package dev.agentcore.runtime.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.BaseStream;

/**
 * The elements of a streaming result, pulled one at a time on the request's thread. Closing it stops the producer:
 * it closes a {@code Stream} (running its {@code onClose}), closes an {@code AutoCloseable} iterator, cancels a
 * {@code Flow.Publisher}'s subscription. A producer's failure, checked or not, comes out of {@link #next()}.
 */
interface EventSource extends AutoCloseable {

    boolean hasNext() throws Throwable;

    Object next() throws Throwable;

    @Override
    void close();

    /** The source for a streaming result, or {@code null} when the result is one value. */
    static EventSource of(Object result) {
        if (result instanceof BaseStream<?, ?> stream) {
            return iterating(stream.iterator(), stream::close);
        }
        if (result instanceof Iterator<?> iterator) {
            return iterating(iterator, () -> closeIfCloseable(iterator));
        }
        if (result instanceof Flow.Publisher<?> publisher) {
            return new PublisherSource(publisher);
        }
        return null;
    }

    private static void closeIfCloseable(Object iterator) {
        if (iterator instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // The client is gone or the stream ended; nothing is left to tell.
            }
        }
    }

    private static EventSource iterating(Iterator<?> iterator, Runnable onClose) {
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

    /** A publisher read one element at a time: request(1), wait, repeat. */
    final class PublisherSource implements EventSource, Flow.Subscriber<Object> {
        private static final Object COMPLETE = new Object();

        private record Failure(Throwable error) {
        }

        private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;
        private Object next;
        private boolean done;

        @SuppressWarnings("unchecked")
        PublisherSource(Flow.Publisher<?> publisher) {
            ((Flow.Publisher<Object>) publisher).subscribe(this);
        }

        @Override
        public boolean hasNext() throws Throwable {
            if (next != null) {
                return true;
            }
            if (done) {
                return false;
            }
            Object signal = signals.take();
            if (signal instanceof Flow.Subscription s) {
                subscription = s;
                s.request(1);
                signal = signals.take();
            }
            if (signal == COMPLETE) {
                done = true;
                return false;
            }
            if (signal instanceof Failure failure) {
                done = true;
                throw failure.error();
            }
            next = signal;
            return true;
        }

        @Override
        public Object next() throws Throwable {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object element = next == NULL_ELEMENT ? null : next;
            next = null;
            subscription.request(1);
            return element;
        }

        private static final Object NULL_ELEMENT = new Object();

        @Override
        public void close() {
            Flow.Subscription s = subscription;
            if (s != null && !done) {
                s.cancel();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            signals.add(s);
        }

        @Override
        public void onNext(Object item) {
            signals.add(item == null ? NULL_ELEMENT : item);
        }

        @Override
        public void onError(Throwable error) {
            signals.add(new Failure(error));
        }

        @Override
        public void onComplete() {
            signals.add(COMPLETE);
        }
    }
}
