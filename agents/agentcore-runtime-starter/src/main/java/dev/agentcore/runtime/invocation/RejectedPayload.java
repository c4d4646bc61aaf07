package dev.agentcore.runtime.invocation;

/**
 * A request body the endpoint refuses before calling the handler: too large, not in an encoding
 * {@code json.loads} reads, or not JSON.
 */
final class RejectedPayload extends Exception {

    private final int status;
    private final String error;
    private final String details;

    RejectedPayload(int status, String error, String details) {
        // No stack trace: this is an answer to the client, not a fault of ours.
        super(error + ": " + details, null, false, false);
        this.status = status;
        this.error = error;
        this.details = details;
    }

    static RejectedPayload tooLarge(long size, long limit) {
        // 413, as AgentCore answers a payload over its own limit (100,000,000 bytes) before the runtime sees it.
        return new RejectedPayload(413, "Request too large",
                "the body has " + size + " bytes; the limit is " + limit + " (agentcore.runtime.max-request-size)");
    }

    static RejectedPayload busy(long budget) {
        return new RejectedPayload(503, "Server busy",
                "other request bodies fill the " + budget + " bytes this server reads at once "
                        + "(agentcore.runtime.max-request-bytes-in-flight); retry shortly");
    }

    int status() {
        return status;
    }

    /** The {@code error} field of the answer, for example {@code Invalid JSON}. */
    String error() {
        return error;
    }

    /** The {@code details} field of the answer. */
    String details() {
        return details;
    }
}
