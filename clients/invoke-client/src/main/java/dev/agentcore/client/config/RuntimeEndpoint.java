package dev.agentcore.client.config;

/** A runtime endpoint (the qualifier) and the version it serves. */
public record RuntimeEndpoint(String name, String liveVersion, String arn) {
}
