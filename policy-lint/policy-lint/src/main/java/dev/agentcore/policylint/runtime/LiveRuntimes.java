package dev.agentcore.policylint.runtime;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClientBuilder;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListAgentRuntimesRequest;

/**
 * Lists the actual runtimes through the control plane: {@code ListAgentRuntimes} (every page), then
 * {@code GetAgentRuntime} for each. Credentials, region and endpoint come from the SDK's standard chains, so
 * {@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL} points it at another endpoint.
 */
public final class LiveRuntimes {

    private LiveRuntimes() {
    }

    /** @param region an explicit region, or null for the SDK's region chain */
    public static List<AgentRuntime> fetch(String region) throws RuntimeSourceException {
        BedrockAgentCoreControlClientBuilder builder = BedrockAgentCoreControlClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (region != null) {
            builder.region(Region.of(region));
        }
        try (BedrockAgentCoreControlClient client = builder.build()) {
            List<AgentRuntime> out = new ArrayList<>();
            for (var summary : client.listAgentRuntimesPaginator(ListAgentRuntimesRequest.builder().build()).agentRuntimes()) {
                GetAgentRuntimeResponse r = client.getAgentRuntime(b -> b.agentRuntimeId(summary.agentRuntimeId()));
                boolean jwt = r.authorizerConfiguration() != null && r.authorizerConfiguration().customJWTAuthorizer() != null;
                String wi = r.workloadIdentityDetails() == null ? null : r.workloadIdentityDetails().workloadIdentityArn();
                out.add(new AgentRuntime(r.agentRuntimeName(), r.agentRuntimeId(), r.agentRuntimeArn(), r.roleArn(), wi,
                        r.createdAt(), jwt, List.of(), "live"));
            }
            return out;
        } catch (SdkException e) {
            throw new RuntimeSourceException("live: cannot list AgentCore runtimes: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
