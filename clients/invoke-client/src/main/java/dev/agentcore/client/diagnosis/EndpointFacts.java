package dev.agentcore.client.diagnosis;

/** A runtime endpoint: its name (the qualifier), the version it serves, and its status when known. */
public record EndpointFacts(String name, String liveVersion, String status) {

    public String describe() {
        return name + " (version " + (liveVersion == null ? "?" : liveVersion) + (status == null ? "" : ", " + status) + ")";
    }
}
