package dev.agentcore.runtime.core;

/** The statuses AgentCore understands on {@code GET /ping}. */
public enum PingStatus {
    /** Idle and ready: the platform may reclaim an idle session. */
    HEALTHY("Healthy"),
    /** Background work is running: the platform keeps the session alive. */
    HEALTHY_BUSY("HealthyBusy");

    private final String wireValue;

    PingStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value on the wire, {@code "Healthy"} or {@code "HealthyBusy"}. */
    public String wireValue() {
        return wireValue;
    }

    /** Parses a wire value; throws {@link IllegalArgumentException} naming the accepted values. */
    public static PingStatus fromWireValue(String value) {
        for (PingStatus status : values()) {
            if (status.wireValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not a valid PingStatus; expected \"Healthy\" or \"HealthyBusy\"");
    }
}
