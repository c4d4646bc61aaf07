package dev.agentcore.local.control.wire;

import java.time.Instant;

import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.ResourceStatus;
import dev.agentcore.local.control.RuntimeEndpoint;
import dev.agentcore.local.control.RuntimeVersion;
import dev.agentcore.local.http.Response;
import tools.jackson.databind.node.ObjectNode;

/** The output shapes of the runtime operations, member for member as the service model names them. */
final class Answers {

    private Answers() {
    }

    /** CreateAgentRuntimeResponse. */
    static ObjectNode created(AgentRuntime r) {
        ObjectNode out = object();
        out.put("agentRuntimeArn", r.arn().toString());
        workloadIdentity(out, r);
        out.put("agentRuntimeId", r.id().value());
        out.put("agentRuntimeVersion", r.latest().wireNumber());
        out.put("createdAt", time(r.createdAt()));
        out.put("status", r.status().name());
        return out;
    }

    /** UpdateAgentRuntimeResponse. */
    static ObjectNode updated(AgentRuntime r) {
        ObjectNode out = object();
        out.put("agentRuntimeArn", r.arn().toString());
        out.put("agentRuntimeId", r.id().value());
        workloadIdentity(out, r);
        out.put("agentRuntimeVersion", r.latest().wireNumber());
        out.put("createdAt", time(r.createdAt()));
        out.put("lastUpdatedAt", time(r.lastUpdatedAt()));
        out.put("status", r.status().name());
        return out;
    }

    /** GetAgentRuntimeResponse for {@code version} (the latest unless the request named one). */
    static ObjectNode described(AgentRuntime r, RuntimeVersion version) {
        boolean latest = version.number() == r.latest().number();
        ObjectNode out = object();
        out.put("agentRuntimeArn", r.arn().toString());
        out.put("agentRuntimeName", r.name().value());
        out.put("agentRuntimeId", r.id().value());
        out.put("agentRuntimeVersion", version.wireNumber());
        out.put("createdAt", time(r.createdAt()));
        out.put("lastUpdatedAt", time(latest ? r.lastUpdatedAt() : version.createdAt()));
        out.put("status", status(r, version).name());
        version.failureReason().ifPresent(reason -> out.put("failureReason", reason));
        workloadIdentity(out, r);
        out.setAll(version.configuration().wire());
        return out;
    }

    /** DeleteAgentRuntimeResponse. */
    static ObjectNode deleted(AgentRuntime r, RuntimeVersion version, boolean oneVersion) {
        ObjectNode out = object();
        out.put("status", ResourceStatus.DELETING.name());
        out.put("agentRuntimeId", r.id().value());
        if (oneVersion) {
            out.put("agentRuntimeVersion", version.wireNumber());
        }
        return out;
    }

    /** One AgentRuntime of ListAgentRuntimes (the latest version) or ListAgentRuntimeVersions. */
    static ObjectNode summary(AgentRuntime r, RuntimeVersion version) {
        boolean latest = version.number() == r.latest().number();
        ObjectNode out = object();
        out.put("agentRuntimeArn", r.arn().toString());
        out.put("agentRuntimeId", r.id().value());
        out.put("agentRuntimeVersion", version.wireNumber());
        out.put("agentRuntimeName", r.name().value());
        version.configuration().description().ifPresent(d -> out.put("description", d));
        out.put("lastUpdatedAt", time(latest ? r.lastUpdatedAt() : version.createdAt()));
        out.put("status", status(r, version).name());
        return out;
    }

    /** CreateAgentRuntimeEndpointResponse. */
    static ObjectNode endpointCreated(AgentRuntime r, RuntimeEndpoint e) {
        ObjectNode out = object();
        out.put("targetVersion", Integer.toString(e.targetVersion()));
        out.put("agentRuntimeEndpointArn", e.arn().toString());
        out.put("agentRuntimeArn", r.arn().toString());
        out.put("agentRuntimeId", r.id().value());
        out.put("endpointName", e.name());
        out.put("status", e.status().name());
        out.put("createdAt", time(e.createdAt()));
        return out;
    }

    /** GetAgentRuntimeEndpointResponse; without {@code failureReason} it is one AgentRuntimeEndpoint of a list. */
    static ObjectNode endpointDescribed(AgentRuntime r, RuntimeEndpoint e, boolean withFailureReason) {
        ObjectNode out = object();
        out.put("name", e.name());
        e.liveVersion().ifPresent(v -> out.put("liveVersion", Integer.toString(v)));
        out.put("targetVersion", Integer.toString(e.targetVersion()));
        out.put("agentRuntimeEndpointArn", e.arn().toString());
        out.put("agentRuntimeArn", r.arn().toString());
        out.put("status", e.status().name());
        out.put("id", e.id());
        e.description().ifPresent(d -> out.put("description", d));
        out.put("createdAt", time(e.createdAt()));
        out.put("lastUpdatedAt", time(e.lastUpdatedAt()));
        if (withFailureReason) {
            e.failureReason().ifPresent(reason -> out.put("failureReason", reason));
        }
        return out;
    }

    /** UpdateAgentRuntimeEndpointResponse. */
    static ObjectNode endpointUpdated(AgentRuntime r, RuntimeEndpoint e) {
        ObjectNode out = object();
        e.liveVersion().ifPresent(v -> out.put("liveVersion", Integer.toString(v)));
        out.put("targetVersion", Integer.toString(e.targetVersion()));
        out.put("agentRuntimeEndpointArn", e.arn().toString());
        out.put("agentRuntimeArn", r.arn().toString());
        out.put("status", e.status().name());
        out.put("createdAt", time(e.createdAt()));
        out.put("lastUpdatedAt", time(e.lastUpdatedAt()));
        return out;
    }

    /** DeleteAgentRuntimeEndpointResponse. */
    static ObjectNode endpointDeleted(AgentRuntime r, RuntimeEndpoint e) {
        ObjectNode out = object();
        out.put("status", e.status().name());
        out.put("agentRuntimeId", r.id().value());
        out.put("endpointName", e.name());
        return out;
    }

    /** {@code DateTimestamp}: the model says iso8601 (restJson1 would otherwise write epoch seconds). */
    static String time(Instant instant) {
        return instant.toString();
    }

    private static ResourceStatus status(AgentRuntime r, RuntimeVersion version) {
        return r.deleting() ? ResourceStatus.DELETING : version.status();
    }

    private static void workloadIdentity(ObjectNode out, AgentRuntime r) {
        out.putObject("workloadIdentityDetails").put("workloadIdentityArn", r.workloadIdentity().toString());
    }

    private static ObjectNode object() {
        return Response.JSON.createObjectNode();
    }
}
