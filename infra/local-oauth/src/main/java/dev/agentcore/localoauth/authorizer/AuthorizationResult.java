package dev.agentcore.localoauth.authorizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the authorizer decided about a bearer token. */
public sealed interface AuthorizationResult {

    /**
     * The token passed every check.
     *
     * @param token  the JWT as sent: AgentCore passes it on as GetWorkloadAccessTokenForJWT's userToken
     * @param claims every claim of the token
     */
    record Accepted(String token, Map<String, Object> claims, String issuer, String subject, Optional<String> clientId,
                    TokenUse tokenUse, List<String> scopes) implements AuthorizationResult {

        public Accepted {
            // A JWT may hold JSON nulls, which Map.copyOf refuses.
            claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
            scopes = List.copyOf(scopes);
        }

        @Override
        public String toString() {
            // Never the token itself.
            return "Accepted[iss=" + issuer + ", sub=" + subject + ", client_id=" + clientId.orElse("(none)")
                    + ", token_use=" + tokenUse + ", scopes=" + scopes + "]";
        }
    }

    /**
     * @param detail what exactly failed, for the local service's log and tests; AgentCore tells the caller only
     *               {@link Rejection#answer()}, so the detail must not go into the response
     */
    record Rejected(Rejection reason, String detail) implements AuthorizationResult {

        public HttpAnswer answer() {
            return reason.answer();
        }
    }
}
