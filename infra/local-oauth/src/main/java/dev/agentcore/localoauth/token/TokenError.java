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
    /** The client may not use this grant (AllowedOAuthFlows, AllowedOAuthFlowsUserPoolClient). */
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    /** A grant_type Cognito does not know. */
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    /** An authorization code or refresh token that is not valid: here every one, since none are issued. */
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
