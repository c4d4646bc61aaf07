package dev.agentcore.client.output;

import dev.agentcore.client.runtime.InvocationTarget;
import java.io.IOException;

/**
 * An answer that began with 200 and then could not be read to its end: it stalled, broke off, was no event stream,
 * or passed a limit. {@link #at} turns it into a {@link BrokenStream} to diagnose.
 */
public final class BrokenStreamException extends IOException {

    private final BrokenStream.Problem problem;
    private final String detail;
    private final int events;
    private final long bytes;

    BrokenStreamException(BrokenStream.Problem problem, String detail, int events, long bytes, Throwable cause) {
        super(problem.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail, cause);
        this.problem = problem;
        this.detail = detail;
        this.events = events;
        this.bytes = bytes;
    }

    public BrokenStream.Problem problem() {
        return problem;
    }

    /** The failure with the runtime that was called, to diagnose. */
    public BrokenStream at(InvocationTarget target) {
        return new BrokenStream(problem, detail, events, bytes, target);
    }
}
