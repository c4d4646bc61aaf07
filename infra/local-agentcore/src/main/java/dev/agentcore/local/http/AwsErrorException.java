package dev.agentcore.local.http;

/** Stops a handler and answers the request with {@link #error()}. No stack trace: it is an answer, not a fault. */
public final class AwsErrorException extends RuntimeException {

    private final transient AwsError error;

    public AwsErrorException(AwsError error) {
        super(error.type() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public AwsError error() {
        return error;
    }
}
