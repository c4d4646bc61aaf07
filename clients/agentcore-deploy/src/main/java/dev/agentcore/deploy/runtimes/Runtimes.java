package dev.agentcore.deploy.runtimes;

import dev.agentcore.deploy.cli.DeployException;
import dev.agentcore.deploy.cli.ExitCode;
import dev.agentcore.deploy.output.Console;
import dev.agentcore.sdk.control.AgentCoreControlPlane;
import dev.agentcore.sdk.control.AgentRuntimeDescription;
import dev.agentcore.sdk.control.RuntimeMetadataConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpoint;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;

/**
 * The runtimes of a deployment as the control plane sees them: found by name (the manifest's), made to require
 * MMDSv2, and waited for until they and their endpoints are READY.
 */
public final class Runtimes {

    private static final Set<String> SETTLED = Set.of("READY", "CREATE_FAILED", "UPDATE_FAILED", "DELETE_FAILED");

    private final AgentCoreControlPlane control;
    private final Console console;
    private final Duration poll;

    public Runtimes(AgentCoreControlPlane control, Console console, Duration poll) {
        this.control = control;
        this.console = console;
        this.poll = poll;
    }

    public BedrockAgentCoreControlClient client() {
        return control.client();
    }

    /** Every runtime of the account and Region, by name. */
    public Map<String, AgentRuntime> byName() {
        Map<String, AgentRuntime> found = new LinkedHashMap<>();
        control.client().listAgentRuntimesPaginator(r -> { }).agentRuntimes()
                .forEach(runtime -> found.put(runtime.agentRuntimeName(), runtime));
        return found;
    }

    public GetAgentRuntimeResponse get(String runtimeId) {
        return control.client().getAgentRuntime(r -> r.agentRuntimeId(runtimeId));
    }

    public List<AgentRuntimeEndpoint> endpoints(String runtimeId) {
        List<AgentRuntimeEndpoint> endpoints = new ArrayList<>();
        control.client().listAgentRuntimeEndpointsPaginator(r -> r.agentRuntimeId(runtimeId)).runtimeEndpoints()
                .forEach(endpoints::add);
        return endpoints;
    }

    /** How MMDSv2 came to be required on a runtime. */
    public enum MmdsV2 { ALREADY_REQUIRED, BY_CONTROL_PLANE }

    /**
     * Makes the runtime require MMDSv2. When its latest version already does (CloudFormation set it, or an earlier
     * deploy's update and no change since), nothing is sent; otherwise UpdateAgentRuntime with the runtime's whole configuration plus {@code requireMMDSV2}, then a
     * wait for READY and a read-back. Refuses when the runtime has settings this SDK cannot send back (the update would
     * drop them).
     */
    public MmdsV2 requireMmdsV2(String runtimeId) {
        AgentRuntimeDescription runtime = control.getAgentRuntime(r -> r.agentRuntimeId(runtimeId));
        if (runtime.requiresMmdsV2()) {
            return MmdsV2.ALREADY_REQUIRED; // by CloudFormation, or by an earlier deploy's update
        }
        Set<String> dropped = new java.util.TreeSet<>(runtime.membersTheSdkDrops());
        dropped.remove("metadataConfiguration");
        if (!dropped.isEmpty()) {
            throw new DeployException(ExitCode.FAILED, "runtime " + runtimeId + " has settings the AWS SDK served here"
                    + " cannot send back (" + dropped + "): UpdateAgentRuntime would drop them, so MMDSv2 is not set;"
                    + " next: set metadataConfiguration.requireMMDSV2 with an AWS CLI whose model has these members"
                    + " (docs/infra.md#mmdsv2)");
        }
        GetAgentRuntimeResponse current = runtime.response();
        UpdateAgentRuntimeRequest update = UpdateAgentRuntimeRequest.builder()
                .agentRuntimeId(runtimeId)
                .agentRuntimeArtifact(current.agentRuntimeArtifact())
                .roleArn(current.roleArn())
                .networkConfiguration(current.networkConfiguration())
                .protocolConfiguration(current.protocolConfiguration())
                .authorizerConfiguration(current.authorizerConfiguration())
                .requestHeaderConfiguration(current.requestHeaderConfiguration())
                .lifecycleConfiguration(current.lifecycleConfiguration())
                .environmentVariables(current.hasEnvironmentVariables() ? current.environmentVariables() : null)
                .description(current.description())
                .build();
        control.updateAgentRuntime(update, RuntimeMetadataConfiguration.REQUIRE_MMDS_V2);
        awaitRuntime(runtimeId);
        if (!control.getAgentRuntime(r -> r.agentRuntimeId(runtimeId)).requiresMmdsV2()) {
            throw new DeployException(ExitCode.FAILED, "runtime " + runtimeId + " still does not require MMDSv2 after"
                    + " UpdateAgentRuntime; next: check it with aws bedrock-agentcore-control get-agent-runtime");
        }
        return MmdsV2.BY_CONTROL_PLANE;
    }

    /** Waits until the runtime settles; returns it. A runtime that ends anywhere but READY fails with its reason. */
    public GetAgentRuntimeResponse awaitRuntime(String runtimeId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        GetAgentRuntimeResponse runtime = get(runtimeId);
        while (!SETTLED.contains(runtime.statusAsString()) && Instant.now().isBefore(deadline)) {
            console.spinner("runtime " + runtimeId + " " + runtime.statusAsString());
            sleep();
            runtime = get(runtimeId);
        }
        if (!"READY".equals(runtime.statusAsString())) {
            throw new DeployException(ExitCode.FAILED, "runtime " + runtimeId + " is " + runtime.statusAsString()
                    + Optional.ofNullable(runtime.failureReason()).map(r -> ": " + r).orElse("")
                    + "; next: fix the cause and deploy again (agentcore-deploy status shows every runtime)");
        }
        return runtime;
    }

    /** Waits until every endpoint of the runtime settles; the ones not READY, with their reasons. */
    public List<String> awaitEndpoints(String runtimeId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        List<AgentRuntimeEndpoint> endpoints = endpoints(runtimeId);
        while (endpoints.stream().anyMatch(e -> !SETTLED.contains(e.statusAsString())) && Instant.now().isBefore(deadline)) {
            console.spinner("endpoints of " + runtimeId);
            sleep();
            endpoints = endpoints(runtimeId);
        }
        return endpoints.stream().filter(e -> !"READY".equals(e.statusAsString()))
                .map(e -> "endpoint " + e.name() + " of " + runtimeId + " is " + e.statusAsString()
                        + failureReason(runtimeId, e.name()).map(r -> ": " + r).orElse(""))
                .toList();
    }

    /** The list call has no failureReason; GetAgentRuntimeEndpoint has. */
    public Optional<String> failureReason(String runtimeId, String endpoint) {
        return Optional.ofNullable(control.client().getAgentRuntimeEndpoint(r -> r.agentRuntimeId(runtimeId)
                .endpointName(endpoint)).failureReason());
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException(ExitCode.FAILED, "interrupted while waiting for the runtimes");
        }
    }
}
