package dev.agentcore.localoauth.authorize;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query of {@code GET /oauth2/authorize} (and of the sign-in page, which gets the same query): each parameter
 * as sent, absent when not sent.
 */
public record AuthorizationRequest(Optional<String> responseType, Optional<String> clientId,
                                   Optional<String> redirectUri, Optional<String> scope, Optional<String> state,
                                   Optional<String> codeChallenge, Optional<String> codeChallengeMethod,
                                   Optional<String> nonce, List<String> repeated) {

    public AuthorizationRequest {
        repeated = List.copyOf(repeated);
    }

    public static AuthorizationRequest of(Map<String, List<String>> query) {
        return new AuthorizationRequest(first(query, "response_type"), first(query, "client_id"),
                first(query, "redirect_uri"), first(query, "scope"), first(query, "state"),
                first(query, "code_challenge"), first(query, "code_challenge_method"), first(query, "nonce"),
                query.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).sorted().toList());
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
