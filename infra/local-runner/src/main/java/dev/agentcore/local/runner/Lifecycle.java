package dev.agentcore.local.runner;

import java.time.Duration;

/**
 * A runtime's {@code lifecycleConfiguration}: a session stops after {@code idleRuntimeSessionTimeout} without a
 * request, and at {@code maxLifetime} whatever it is doing.
 */
public record Lifecycle(Duration idleTimeout, Duration maxLifetime) {

    /** The service's defaults when the runtime sets none: 900 s idle, 28800 s (8 h) at most. */
    public static final Lifecycle DEFAULT = new Lifecycle(Duration.ofSeconds(900), Duration.ofSeconds(28_800));

    public Lifecycle {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("idleTimeout and maxLifetime must be positive");
        }
    }

    /** From the API's fields in seconds, either absent (null) for its default. */
    public static Lifecycle ofSeconds(Integer idleRuntimeSessionTimeout, Integer maxLifetime) {
        return new Lifecycle(
                idleRuntimeSessionTimeout == null ? DEFAULT.idleTimeout() : Duration.ofSeconds(idleRuntimeSessionTimeout),
                maxLifetime == null ? DEFAULT.maxLifetime() : Duration.ofSeconds(maxLifetime));
    }
}
