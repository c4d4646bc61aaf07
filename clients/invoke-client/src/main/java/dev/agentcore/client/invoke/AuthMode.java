package dev.agentcore.client.invoke;

/** How a request is authenticated. A runtime accepts exactly one of them. */
public enum AuthMode {
    /** AWS Signature Version 4 with IAM credentials: runtimes without an authorizer. */
    SIGV4("SigV4 (IAM)"),
    /** An OAuth bearer JWT: runtimes with a customJWTAuthorizer. */
    BEARER("OAuth bearer token");

    private final String text;

    AuthMode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
