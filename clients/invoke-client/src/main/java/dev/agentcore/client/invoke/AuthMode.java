package dev.agentcore.client.invoke;

/** How a request is authenticated. A deployed runtime accepts exactly one of SigV4 and bearer tokens. */
public enum AuthMode {
    /** AWS Signature Version 4 with IAM credentials: runtimes without an authorizer. */
    SIGV4("SigV4 (IAM)"),
    /** An OAuth bearer JWT: runtimes with a customJWTAuthorizer. */
    BEARER("OAuth bearer token"),
    /** Nothing: a runtime container called directly, which has no AgentCore authorizer in front of it. */
    NONE("none");

    private final String text;

    AuthMode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
