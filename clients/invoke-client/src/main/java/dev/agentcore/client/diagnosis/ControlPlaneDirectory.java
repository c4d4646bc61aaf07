package dev.agentcore.client.diagnosis;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.core.state.AuthorizerSettings;
import dev.agentcore.core.arn.RuntimeArn;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpoint;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CustomJWTAuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;

/**
 * Facts from the control plane (GetAgentRuntime, ListAgentRuntimeEndpoints), when the caller's AWS credentials
 * allow it. Any failure makes the answer "unavailable" with the reason, never an error of its own.
 */
public final class ControlPlaneDirectory implements RuntimeDirectory {

    private static final String SOURCE = "the control plane";

    private final Supplier<BedrockAgentCoreControlClient> client;

    /** @param client created on first use, so a diagnosis that needs no lookup never resolves credentials */
    public ControlPlaneDirectory(Supplier<BedrockAgentCoreControlClient> client) {
        this.client = client;
    }

    @Override
    public Lookup<RuntimeFacts> describe(RuntimeArn arn) {
        try {
            GetAgentRuntimeResponse r = client.get().getAgentRuntime(b -> b.agentRuntimeId(arn.runtimeId()));
            CustomJWTAuthorizerConfiguration jwt = r.authorizerConfiguration() == null ? null
                    : r.authorizerConfiguration().customJWTAuthorizer();
            AuthorizerSettings authorizer = jwt == null ? null : new AuthorizerSettings(jwt.discoveryUrl(),
                    jwt.allowedClients(), jwt.allowedAudience(), jwt.allowedScopes());
            return new Lookup.Found<>(new RuntimeFacts(r.agentRuntimeName(), r.roleArn(),
                    r.workloadIdentityDetails() == null ? null : r.workloadIdentityDetails().workloadIdentityArn(),
                    r.createdAt(), authorizer,
                    r.protocolConfiguration() == null ? null
                            : ServerProtocol.parse(r.protocolConfiguration().serverProtocolAsString()).orElse(null)),
                    SOURCE + " (GetAgentRuntime)");
        } catch (ResourceNotFoundException e) {
            return new Lookup.Missing<>(SOURCE + " (GetAgentRuntime in " + arn.region() + ")");
        } catch (AwsServiceException | SdkClientException e) {
            return new Lookup.Unavailable<>("GetAgentRuntime failed: " + reason(e));
        }
    }

    @Override
    public Lookup<List<EndpointFacts>> endpoints(RuntimeArn arn) {
        try {
            List<AgentRuntimeEndpoint> endpoints = client.get()
                    .listAgentRuntimeEndpointsPaginator(b -> b.agentRuntimeId(arn.runtimeId()))
                    .runtimeEndpoints().stream().toList();
            return new Lookup.Found<>(endpoints.stream()
                    .map(e -> new EndpointFacts(e.name(), e.liveVersion(), e.statusAsString())).toList(),
                    SOURCE + " (ListAgentRuntimeEndpoints)");
        } catch (ResourceNotFoundException e) {
            return new Lookup.Missing<>(SOURCE + " (ListAgentRuntimeEndpoints in " + arn.region() + ")");
        } catch (AwsServiceException | SdkClientException e) {
            return new Lookup.Unavailable<>("ListAgentRuntimeEndpoints failed: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + " " + service.statusCode();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
