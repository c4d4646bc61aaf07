package dev.agentcore.runtime.invocation;

import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Pulls a Reactive Streams {@link Publisher} one element at a time, so a slow client applies
 * back-pressure to the producer instead of filling memory.
 */
final class PublisherEventSource implements EventSource, Subscriber<Object> {

    private record Failure(Throwable error) {
    }

    private static final Object COMPLETE = new Object();

    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;
    private Object next;
    private boolean done;

    PublisherEventSource(Publisher<?> publisher) {
        @SuppressWarnings("unchecked")
        Publisher<Object> objects = (Publisher<Object>) publisher;
        objects.subscribe(this);
    }

    @Override
    public void onSubscribe(Subscription s) {
        this.subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(Object item) {
        signals.add(item);
    }

    @Override
    public void onError(Throwable t) {
        signals.add(new Failure(t));
    }

    @Override
    public void onComplete() {
        signals.add(COMPLETE);
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        Object signal;
        try {
            signal = signals.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for the next element", e);
        }
        if (signal == COMPLETE) {
            done = true;
            return false;
        }
        if (signal instanceof Failure failure) {
            done = true;
            sneakyThrow(failure.error());
        }
        next = signal;
        return true;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object value = next;
        next = null;
        subscription.request(1);
        return value;
    }

    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null && !done) {
            done = true;
            s.cancel();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
