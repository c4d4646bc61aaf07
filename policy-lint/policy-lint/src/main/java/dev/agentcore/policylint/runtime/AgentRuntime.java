package dev.agentcore.policylint.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.arn.WorkloadIdentityArn;
import dev.agentcore.core.runtime.ServiceLinkedRole;

/**
 * An AgentCore runtime that actually exists: what {@code GetAgentRuntime} (or the deploy state file) says about it.
 * Fields a source does not give are null: {@code list-agent-runtimes} output has no role, authorizer or creation time.
 */
public record AgentRuntime(
        String name,
        String id,
        String arn,
        String roleArn,
        String workloadIdentityArn,
        Instant createdAt,
        Boolean jwtAuthorizer,
        List<Endpoint> endpoints,
        String source) {

    public record Endpoint(String name, String arn) {
    }

    public AgentRuntime {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        if (name == null && id != null && id.length() > 11 && id.charAt(id.length() - 11) == '-') {
            name = id.substring(0, id.length() - 11);
        }
    }

    public Optional<RuntimeArn> parsedArn() {
        return RuntimeArn.tryParse(arn);
    }

    /**
     * The runtime's workload identity: as reported, else derived from the runtime ARN (AgentCore names a runtime's
     * workload identity after the runtime id).
     */
    public String workloadIdentity() {
        if (workloadIdentityArn != null) {
            return workloadIdentityArn;
        }
        return parsedArn().map(RuntimeArn::workloadIdentityArn).orElse(null);
    }

    /** The workload identity directory that holds {@link #workloadIdentity()}. */
    public String workloadIdentityDirectory() {
        return WorkloadIdentityArn.tryParse(workloadIdentity()).map(WorkloadIdentityArn::directoryArn).orElse(null);
    }

    public String account() {
        return parsedArn().map(RuntimeArn::accountId).orElse(null);
    }

    /** True/false when the creation time is known: whether workload-token permissions come from the service-linked role. */
    public Optional<Boolean> usesServiceLinkedRole() {
        return createdAt == null ? Optional.empty() : Optional.of(ServiceLinkedRole.getsWorkloadTokens(createdAt));
    }

    /** Fields this one lacks, filled from {@code other} (the same runtime from another source). */
    public AgentRuntime merge(AgentRuntime other) {
        Map<String, Endpoint> eps = new LinkedHashMap<>();
        endpoints.forEach(e -> eps.put(e.name(), e));
        other.endpoints.forEach(e -> eps.putIfAbsent(e.name(), e));
        return new AgentRuntime(or(name, other.name), or(id, other.id), or(arn, other.arn), or(roleArn, other.roleArn),
                or(workloadIdentityArn, other.workloadIdentityArn), or(createdAt, other.createdAt),
                or(jwtAuthorizer, other.jwtAuthorizer), new ArrayList<>(eps.values()), source);
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
