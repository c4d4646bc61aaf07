package dev.agentcore.client.diagnosis;

/** A runtime endpoint: its name (the qualifier), the version it serves, and its status when known. */
public record EndpointFacts(String name, String liveVersion, String status) {

    /** An endpoint whose status the source does not know (the state file records none). */
    public static EndpointFacts withoutStatus(String name, String liveVersion) {
        return new EndpointFacts(name, liveVersion, null);
    }

    public String describe() {
        return name + " (version " + (liveVersion == null ? "?" : liveVersion) + (status == null ? "" : ", " + status) + ")";
    }
}
