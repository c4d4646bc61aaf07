package dev.agentcore.deploy.runtimes;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.core.state.AuthorizerSettings;
import dev.agentcore.core.state.CognitoSettings;
import dev.agentcore.core.state.DeployedRuntime;
import dev.agentcore.core.state.RuntimeEndpoint;
import dev.agentcore.core.state.StateFile;
import dev.agentcore.infra.stacks.RuntimeSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpoint;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;

/**
 * The state file's content, read from the control plane (the runtimes the manifest names) and the stacks' outputs
 * (the Cognito pool, by the output names the stacks give it: {@code CognitoUserPoolId}, {@code CognitoTokenUrl},
 * {@code CognitoMachineClientId}, {@code CognitoInvokeScope}, {@code CognitoMcpScope}).
 */
public final class DeployedState {

    private DeployedState() {
    }

    public static StateFile read(Runtimes runtimes, List<RuntimeSpec> manifest, String region, String accountId,
                                 Map<String, String> allOutputs, Optional<URI> localCognitoBase) {
        Map<String, AgentRuntime> deployed = runtimes.byName();
        List<DeployedRuntime> entries = new ArrayList<>();
        for (RuntimeSpec spec : manifest) {
            AgentRuntime summary = deployed.get(spec.name().value());
            if (summary == null) {
                continue;
            }
            GetAgentRuntimeResponse runtime = runtimes.get(summary.agentRuntimeId());
            List<RuntimeEndpoint> endpoints = new ArrayList<>();
            for (AgentRuntimeEndpoint endpoint : runtimes.endpoints(summary.agentRuntimeId())) {
                endpoints.add(new RuntimeEndpoint(endpoint.name(), endpoint.liveVersion(), endpoint.agentRuntimeEndpointArn()));
            }
            endpoints.sort(Comparator.comparing(e -> e.name().equals("DEFAULT") ? "" : e.name()));
            ServerProtocol protocol = runtime.protocolConfiguration() == null ? spec.protocol()
                    : ServerProtocol.parse(runtime.protocolConfiguration().serverProtocolAsString()).orElse(spec.protocol());
            AuthorizerSettings authorizer = null;
            if (runtime.authorizerConfiguration() != null && runtime.authorizerConfiguration().customJWTAuthorizer() != null) {
                var jwt = runtime.authorizerConfiguration().customJWTAuthorizer();
                authorizer = new AuthorizerSettings(jwt.discoveryUrl(), jwt.allowedClients(), jwt.allowedAudience(),
                        List.of());
            }
            entries.add(new DeployedRuntime(spec.name().value(), runtime.agentRuntimeId(), runtime.agentRuntimeArn(),
                    runtime.agentRuntimeVersion(), protocol, runtime.roleArn(),
                    runtime.workloadIdentityDetails() == null ? null : runtime.workloadIdentityDetails().workloadIdentityArn(),
                    runtime.createdAt(), authorizer, endpoints));
        }
        return StateFile.of(region, accountId, entries, cognito(allOutputs, region, localCognitoBase).orElse(null));
    }

    /** The Cognito settings from the stacks' outputs; the local AgentCore serves tokens under its own base URL. */
    static Optional<CognitoSettings> cognito(Map<String, String> outputs, String region, Optional<URI> localCognitoBase) {
        String pool = outputs.get("CognitoUserPoolId");
        if (pool == null) {
            return Optional.empty();
        }
        String domain = localCognitoBase.map(base -> base.toString().replaceAll("/$", "") + "/" + pool)
                .orElseGet(() -> Optional.ofNullable(outputs.get("CognitoTokenUrl"))
                        .map(url -> url.replaceAll("/oauth2/token$", "")).orElse(null));
        List<String> scopes = new ArrayList<>();
        Optional.ofNullable(outputs.get("CognitoInvokeScope")).ifPresent(scopes::add);
        Optional.ofNullable(outputs.get("CognitoMcpScope")).ifPresent(scopes::add);
        return Optional.of(new CognitoSettings(pool, domain, outputs.get("CognitoMachineClientId"), scopes));
    }
}
