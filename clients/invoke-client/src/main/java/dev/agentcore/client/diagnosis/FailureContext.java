package dev.agentcore.client.diagnosis;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.runtime.InvocationTarget;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed call and what was known when it was made; made with {@link #builder}.
 *
 * @param token    the bearer token sent, or null for SigV4 and unauthenticated local calls
 * @param protocol which container contract the runtime serves
 * @param timeout  how long the client waited
 */
public record FailureContext(InvocationFailure failure, InvocationTarget target, BearerToken token, ServerProtocol protocol,
                             Duration timeout) {

    public FailureContext {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The failure of a call to {@code target}: no token, the HTTP protocol and a 60s timeout unless set. */
    public static Builder builder(InvocationFailure failure, InvocationTarget target) {
        return new Builder(failure, target);
    }

    public static final class Builder {
        private final InvocationFailure failure;
        private final InvocationTarget target;
        private BearerToken token;
        private ServerProtocol protocol = ServerProtocol.HTTP;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder(InvocationFailure failure, InvocationTarget target) {
            this.failure = failure;
            this.target = target;
        }

        /** The bearer token the call carried. */
        public Builder token(BearerToken token) {
            this.token = token;
            return this;
        }

        public Builder token(Optional<BearerToken> token) {
            this.token = token.orElse(null);
            return this;
        }

        public Builder protocol(ServerProtocol protocol) {
            this.protocol = protocol;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public FailureContext build() {
            return new FailureContext(failure, target, token, protocol, timeout);
        }
    }

    public Optional<BearerToken> bearerToken() {
        return Optional.ofNullable(token);
    }

    public boolean isMcp() {
        return protocol == ServerProtocol.MCP;
    }
}
