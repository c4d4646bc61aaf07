package dev.agentcore.localoauth.token;

import java.util.Map;

/**
 * The errors Cognito's {@code /oauth2/token} answers with. Cognito documents every one as HTTP 400 with a body that
 * holds the code alone ({@code {"error":"invalid_client"}}, no {@code error_description}), including
 * {@code invalid_client} after a failed HTTP Basic authentication, where RFC 6749 would allow a 401.
 */
public enum TokenError {
    /** A missing or repeated parameter, or no grant_type. */
    INVALID_REQUEST("invalid_request"),
    /** Unknown client, wrong or missing secret, or a client without a secret asking for client credentials. */
    INVALID_CLIENT("invalid_client"),
    /**
     * The client may not use this grant (AllowedOAuthFlows, AllowedOAuthFlowsUserPoolClient); also Cognito's answer
     * to a code exchanged with another redirect_uri than the authorize request's.
     */
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    /** A grant_type Cognito does not know. */
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    /**
     * An authorization code that is unknown, used, expired or another client's; a code_verifier that is missing or
     * does not match the code_challenge; a refresh token that is unknown, expired or another client's, or whose user
     * is gone or disabled.
     */
    INVALID_GRANT("invalid_grant"),
    /** A requested scope the client is not allowed, or no resource-server scope to grant. */
    INVALID_SCOPE("invalid_scope");

    private final String code;

    TokenError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return 400;
    }

    public Map<String, Object> body() {
        return Map.of("error", code);
    }
}
