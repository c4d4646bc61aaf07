package dev.agentcore.local.control;

/**
 * A control-plane operation refused: the kind says which AWS error it is, the message is the text the service writes
 * (or, where AWS's text is not known, a local one that says what is wrong).
 */
public final class ControlPlaneException extends RuntimeException {

    /** Which of the service model's errors this is. */
    public enum Kind {
        /** ValidationException, 400. */
        VALIDATION,
        /** ConflictException, 409. */
        CONFLICT,
        /** ResourceNotFoundException, 404. */
        NOT_FOUND
    }

    private final Kind kind;

    public ControlPlaneException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** AWS's text for a runtime id that names no runtime (quoted in aws/bedrock-agentcore-starter-toolkit#119, #289). */
    static ControlPlaneException runtimeNotFound(String id) {
        return new ControlPlaneException(Kind.NOT_FOUND,
                "Agent '" + id + "' was not found. Please check the agent ID and try again.");
    }
}
