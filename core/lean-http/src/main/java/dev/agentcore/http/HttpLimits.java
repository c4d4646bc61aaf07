package dev.agentcore.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one connection may cost the server: how big a request's head and body may be, and how long each may take to
 * arrive. Every limit is on by default, so a slow or endless client costs a parked virtual thread for a bounded time
 * and never more than the body limit in memory.
 *
 * @param maxHeadBytes    request line and headers together; beyond it {@code 431}
 * @param maxBodyBytes    a request body; beyond it {@code 413} (checked against Content-Length before reading)
 * @param headTimeout     time from the first byte of a request to the end of its headers; beyond it {@code 408}
 * @param bodyTimeout     time to receive a whole body once the handler starts reading it; beyond it {@code 408}
 * @param idleTimeout     how long a kept-alive connection waits for its next request before it is closed
 */
public record HttpLimits(int maxHeadBytes, long maxBodyBytes, Duration headTimeout, Duration bodyTimeout,
        Duration idleTimeout) {

    /** 32 KiB of headers (room for large JWTs), 1 MiB bodies, 10 s for headers, 30 s for a body, 60 s idle. */
    public static final HttpLimits DEFAULTS = new HttpLimits(32 * 1024, 1024 * 1024, Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    public HttpLimits {
        if (maxHeadBytes < 1024) {
            throw new IllegalArgumentException("maxHeadBytes must be at least 1024, was " + maxHeadBytes);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative, was " + maxBodyBytes);
        }
        requirePositive(headTimeout, "headTimeout");
        requirePositive(bodyTimeout, "bodyTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    public HttpLimits withMaxBodyBytes(long bytes) {
        return new HttpLimits(maxHeadBytes, bytes, headTimeout, bodyTimeout, idleTimeout);
    }

    public HttpLimits withBodyTimeout(Duration timeout) {
        return new HttpLimits(maxHeadBytes, maxBodyBytes, headTimeout, timeout, idleTimeout);
    }

    public HttpLimits withHeadTimeout(Duration timeout) {
        return new HttpLimits(maxHeadBytes, maxBodyBytes, timeout, bodyTimeout, idleTimeout);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
