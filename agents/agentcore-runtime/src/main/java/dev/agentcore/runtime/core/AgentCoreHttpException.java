package dev.agentcore.runtime.core;

/**
 * Thrown by an entry point to answer with a status of its choosing, as Starlette's {@code HTTPException} does for
 * the Python SDK: {@code {"error":"<detail>"}} with that status, logged in one line.
 */
public class AgentCoreHttpException extends RuntimeException {

    private final int status;

    public AgentCoreHttpException(int status, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, was " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
