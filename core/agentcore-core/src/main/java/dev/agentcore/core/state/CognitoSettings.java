package dev.agentcore.core.state;

import java.util.List;

/** The Cognito user pool the deploy created: where tokens come from. */
public record CognitoSettings(String userPoolId, String domain, String clientId, List<String> scopes) {

    public CognitoSettings {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** The region of the user pool, from its id ({@code us-east-1_AbCdEf123}). */
    public String region() {
        return userPoolId == null || !userPoolId.contains("_") ? null : userPoolId.substring(0, userPoolId.indexOf('_'));
    }
}
