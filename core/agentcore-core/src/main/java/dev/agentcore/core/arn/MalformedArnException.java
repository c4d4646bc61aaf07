package dev.agentcore.core.arn;

/** An ARN that cannot be right, found before any request is sent: what is wrong, and the format expected. */
public final class MalformedArnException extends IllegalArgumentException {

    private final String arn;
    private final String problem;
    private final String expectedFormat;

    public MalformedArnException(String arn, String problem, String expectedFormat) {
        super("malformed runtime ARN '" + arn + "': " + problem + ". Expected " + expectedFormat);
        this.arn = arn;
        this.problem = problem;
        this.expectedFormat = expectedFormat;
    }

    public String arn() {
        return arn;
    }

    public String problem() {
        return problem;
    }

    public String expectedFormat() {
        return expectedFormat;
    }
}
