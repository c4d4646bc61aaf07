package dev.agentcore.client.invoke;

import java.time.Duration;

/** Told before each retry of a call whose session was busy, so a CLI can say what it is doing. */
@FunctionalInterface
public interface RetryListener {

    /**
     * @param failure     the answer that is being retried
     * @param nextAttempt the attempt about to be made, 2 for the first retry
     */
    void retrying(InvocationFailure failure, int nextAttempt, int maxAttempts, Duration wait);

    static RetryListener silent() {
        return (failure, next, max, wait) -> { };
    }
}
