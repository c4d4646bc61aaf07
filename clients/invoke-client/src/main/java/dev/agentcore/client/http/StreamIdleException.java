package dev.agentcore.client.http;

import java.io.IOException;
import java.time.Duration;

/** A response body that sent nothing for longer than its idle limit; see {@link IdleTimeoutInputStream}. */
public final class StreamIdleException extends IOException {

    private final Duration limit;

    public StreamIdleException(Duration limit) {
        super("nothing arrived for " + limit.toSeconds() + "s (the idle limit)");
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }
}
