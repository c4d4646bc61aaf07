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
        return new RejectedPayload(413, "Request too large",
                "the body has " + size + " bytes; the limit is " + limit + " (agentcore.runtime.max-request-size)");
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
