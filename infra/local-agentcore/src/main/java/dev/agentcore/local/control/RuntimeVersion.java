package dev.agentcore.local.control;

import java.time.Instant;
import java.util.Optional;

/**
 * One immutable version of a runtime: "1" on create, one more on every update.
 *
 * @param number        the version, 1, 2, ... (the wire writes it as a string)
 * @param configuration what CreateAgentRuntime or UpdateAgentRuntime set
 * @param createdAt     when the create or update that made it was accepted
 * @param status        CREATING/UPDATING until provisioned, then READY or CREATE_FAILED/UPDATE_FAILED
 * @param failureReason why provisioning failed, for a failed version
 */
public record RuntimeVersion(int number, RuntimeConfiguration configuration, Instant createdAt, ResourceStatus status,
                             Optional<String> failureReason) {

    public String wireNumber() {
        return Integer.toString(number);
    }

    RuntimeVersion withStatus(ResourceStatus newStatus, Optional<String> reason) {
        return new RuntimeVersion(number, configuration, createdAt, newStatus, reason);
    }
}
