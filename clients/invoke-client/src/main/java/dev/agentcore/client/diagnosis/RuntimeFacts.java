package dev.agentcore.client.diagnosis;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.core.state.AuthorizerSettings;
import java.time.Instant;

/**
 * What a diagnosis may know about a runtime beyond its ARN.
 *
 * @param authorizer null when the runtime takes SigV4
 */
public record RuntimeFacts(String name, String roleArn, String workloadIdentityArn, Instant createdAt,
                           AuthorizerSettings authorizer, ServerProtocol protocol) {
}
