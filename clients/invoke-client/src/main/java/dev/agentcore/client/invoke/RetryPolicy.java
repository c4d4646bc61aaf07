package dev.agentcore.client.invoke;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When and how often a failed call is sent again. Only failures that say the call did not run are retried: 409
 * RetryableConflictException ("Session operation in progress, please retry"), the session being busy with another
 * call. Anything else may have run agent code, and sending it twice could run it twice.
 *
 * @param maxAttempts how many times a call is sent at most, the first time included
 * @param baseDelay   the wait before the second attempt; it doubles with each further one
 * @param maxDelay    the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, RandomGenerator random, Sleeper sleeper) {

    /** The calling thread's generator each time: a policy may be shared between threads. */
    private static final RandomGenerator PER_THREAD = () -> ThreadLocalRandom.current().nextLong();

    /** Waits; a test passes one that records instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("delays must be 0 <= baseDelay <= maxDelay");
        }
    }

    /** 3 attempts, waiting about 0.2s then 0.4s: long enough for a short call on the session to finish. */
    public static RetryPolicy busySessions() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2), PER_THREAD, d -> Thread.sleep(d));
    }

    /** Send each call once. */
    public static RetryPolicy never() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, PER_THREAD, d -> { });
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, random, sleeper);
    }

    public RetryPolicy withSleeper(Sleeper other) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, random, other);
    }

    /** True for a failure that says the call did not run and may simply be sent again. */
    public static boolean retryable(InvocationFailure failure) {
        return failure.status() == 409 && failure.error()
                .filter(e -> "RetryableConflictException".equals(e.type()) || e.messageContains("operation in progress"))
                .isPresent();
    }

    /**
     * The wait after {@code attempt} failed: exponential, capped, with "equal jitter" (half fixed, half random), so
     * clients that collided do not collide again and no wait is zero.
     */
    public Duration delayAfter(int attempt) {
        long cap = maxDelay.toMillis();
        long exponential = Math.min(cap, baseDelay.toMillis() << Math.min(attempt - 1, 20));
        long half = exponential / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
