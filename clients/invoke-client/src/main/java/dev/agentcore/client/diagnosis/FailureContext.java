package dev.agentcore.client.diagnosis;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.runtime.InvocationTarget;
import java.time.Duration;
import java.util.Optional;

/**
 * A failed call and what was known when it was made.
 *
 * @param token    the bearer token sent, or null for SigV4 and unauthenticated local calls
 * @param protocol which container contract the runtime serves
 * @param timeout  how long the client waited
 */
public record FailureContext(InvocationFailure failure, InvocationTarget target, BearerToken token, ServerProtocol protocol,
                             Duration timeout) {

    public Optional<BearerToken> bearerToken() {
        return Optional.ofNullable(token);
    }

    public boolean isMcp() {
        return protocol == ServerProtocol.MCP;
    }
}
