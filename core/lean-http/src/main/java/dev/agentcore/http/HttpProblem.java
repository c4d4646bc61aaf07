package dev.agentcore.http;

import java.io.IOException;

/**
 * A request the server refuses at the HTTP level (malformed, too large, too slow), with the status to answer and a
 * short text for the client. An {@link IOException} so that it travels out of body reads.
 */
public final class HttpProblem extends IOException {

    private final int status;

    public HttpProblem(int status, String message) {
        // No stack trace: this is an answer to a client, not a fault of ours.
        super(message, null);
        this.status = status;
        setStackTrace(new StackTraceElement[0]);
    }

    public int status() {
        return status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
