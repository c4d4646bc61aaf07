package dev.agentcore.core.state;

/** A runtime endpoint (the qualifier) and the version it serves. */
public record RuntimeEndpoint(String name, String liveVersion, String arn) {
}
