package dev.agentcore.local.control;

/**
 * The status of a runtime, a runtime version or an endpoint ({@code AgentRuntimeStatus} and
 * {@code AgentRuntimeEndpointStatus} in the service model: the same values).
 */
public enum ResourceStatus {
    CREATING, CREATE_FAILED, UPDATING, UPDATE_FAILED, READY, DELETING, DELETE_FAILED;

    /** True while the service is still working on it: a client polls until it is not. */
    public boolean inProgress() {
        return this == CREATING || this == UPDATING || this == DELETING;
    }

    public boolean failed() {
        return this == CREATE_FAILED || this == UPDATE_FAILED || this == DELETE_FAILED;
    }
}
