package dev.agentcore.localoauth.authorizer;

import java.util.Map;

/**
 * An error as the AgentCore data plane writes it (restJson1): the status, the error type in the
 * {@code x-amzn-ErrorType} header, and {@code {"message": ...}} as the body.
 */
public record HttpAnswer(int status, String errorType, String message) {

    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    /** 403 for SigV4 sent to a runtime with a JWT authorizer, or a bearer token sent to one without. */
    public static HttpAnswer authorizationMethodMismatch() {
        // The service's wording, quoted by AWS CLI users (aws/agentcore-cli #814 and others).
        return new HttpAnswer(403, "AccessDeniedException", "Authorization method mismatch. The agent is configured for "
                + "a different authorization method than what was used in your request. Check the agent's authorization "
                + "configuration and ensure your request uses the matching method (OAuth or SigV4)");
    }

    public Map<String, String> headers() {
        return Map.of(ERROR_TYPE_HEADER, errorType);
    }

    public Map<String, Object> body() {
        return Map.of("message", message);
    }
}
