package dev.agentcore.local.data;

/**
 * Why no container serves a session. The detail goes to the local service's log; the caller gets the error AgentCore
 * answers for {@link #failure()}, which says nothing of the container (see {@link InvocationErrors}).
 */
public final class SessionHostException extends Exception {

    /** What went wrong, as the data plane tells it to the caller. */
    public enum Failure {
        /** The container started but did not answer {@code /ping} in time (AgentCore allows 30 s). */
        INITIALIZATION_TIMEOUT,
        /** The container could not be started at all (no image, the process exited). */
        START_FAILED
    }

    private final Failure failure;

    public SessionHostException(Failure failure, String detail) {
        super(detail);
        this.failure = failure;
    }

    public SessionHostException(Failure failure, String detail, Throwable cause) {
        super(detail, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
