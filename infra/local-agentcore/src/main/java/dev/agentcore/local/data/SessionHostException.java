package dev.agentcore.local.data;

/**
 * Why no container serves a session. The detail goes to the local service's log; the caller gets the error AgentCore
 * answers for {@link #failure()} (see {@link InvocationErrors#forHostFailure}).
 */
public final class SessionHostException extends Exception {

    /** What went wrong, as the data plane tells it to the caller. */
    public enum Failure {
        /** The container started but did not answer its health check in time (AgentCore allows 30 s). */
        INITIALIZATION_TIMEOUT,
        /** The container could not be started, or exited before it was healthy. */
        START_FAILED,
        /** The runtime's image cannot run: missing, unreadable, not a java entry point, unsafe layers. */
        IMAGE_UNUSABLE,
        /** As many sessions run as the local runner allows. */
        SESSION_LIMIT_REACHED,
        /** This host cannot run any session (no JDK, an I/O error): not the runtime's fault. */
        HOST_FAILURE,
        /** The runtime's execution role cannot be assumed by the service (its trust policy, or no such role). */
        EXECUTION_ROLE_REFUSED
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
