package dev.agentcore.core.sse;

import java.io.IOException;

/** A {@code text/event-stream} body that {@link EventStreamReader} stopped reading, and where. */
public final class EventStreamException extends IOException {

    /** Why the read stopped. */
    public enum Problem {
        /** A line or the data of one event passed the reader's bound. */
        TOO_LONG,
        /** A line that is no SSE field (only a strict reader says so). */
        NOT_AN_EVENT_STREAM
    }

    private final Problem problem;
    private final long line;

    EventStreamException(Problem problem, long line, String detail) {
        super("line " + line + ": " + detail);
        this.problem = problem;
        this.line = line;
    }

    public Problem problem() {
        return problem;
    }

    /** The 1-based line of the body where the read stopped. */
    public long line() {
        return line;
    }
}
