package dev.agentcore.local.identity;

import dev.agentcore.local.http.AwsError;
import dev.agentcore.localoauth.authorizer.HttpAnswer;

/**
 * The errors of the identity operations, with the status of the bedrock-agentcore model's error shapes
 * (ValidationException 400, UnauthorizedException 401, AccessDeniedException 403, ResourceNotFoundException 404,
 * InternalServerException 500). Each says where its text comes from; where AWS's text is not known, the local wording
 * says what is wrong and what to do.
 */
final class IdentityErrors {

    private IdentityErrors() {
    }

    /** What AWS answers credentials it does not know, for every JSON and REST-JSON service. */
    static AwsError unrecognizedClient() {
        return AwsError.of(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    /** IAM's refusal, its text from the core's AccessDeniedMessage. */
    static AwsError accessDenied(String iamText) {
        return AwsError.of(403, "AccessDeniedException", iamText);
    }

    /** Local wording: no runtime has that workload identity, and none was registered with the service. */
    static AwsError workloadIdentityNotFound(String name) {
        return AwsError.of(404, "ResourceNotFoundException", "Workload identity '" + name
                + "' was not found in workload identity directory 'default'. A runtime's workload identity is named"
                + " after its runtime id (see workloadIdentityDetails in GetAgentRuntime).");
    }

    /** Local wording, naming the kind of provider looked for. */
    static AwsError credentialProviderNotFound(CredentialKind kind, String name) {
        return AwsError.of(404, "ResourceNotFoundException", kind.wording() + " credential provider '" + name
                + "' was not found in token vault 'default'.");
    }

    /** Local wording: a token this AgentCore never issued (from another instance, after a restart, or made up). */
    static AwsError unknownWorkloadToken() {
        return AwsError.of(403, "AccessDeniedException", "The workload access token is not valid: this AgentCore did"
                + " not issue it. Get one with GetWorkloadAccessToken, GetWorkloadAccessTokenForJWT or"
                + " GetWorkloadAccessTokenForUserId.");
    }

    /** Local wording. */
    static AwsError expiredWorkloadToken() {
        return AwsError.of(403, "AccessDeniedException", "The workload access token has expired. Get a new one with"
                + " GetWorkloadAccessToken, GetWorkloadAccessTokenForJWT or GetWorkloadAccessTokenForUserId.");
    }

    /** The JWT authorizer's refusal of a user token: its status, type and text (local-oauth's table). */
    static AwsError userTokenRefused(HttpAnswer answer) {
        return AwsError.of(answer.status(), answer.errorType(), answer.message());
    }

    /** Local wording: the flows that need a browser or a second token are not served. */
    static AwsError flowNotServed(String flow) {
        return validation("oauth2Flow " + flow + " is not served by the local AgentCore: only M2M (client"
                + " credentials) is. " + flow + " needs a user's consent in a browser or a token exchange that"
                + " has no local counterpart.");
    }

    /** Local wording: the provider's token endpoint refused the client (the OAuth error code, never the secret). */
    static AwsError tokenEndpointRefused(String provider, int status, String oauthError, String description) {
        return validation("The token endpoint of OAuth2 credential provider '" + provider + "' refused the client"
                + " credentials grant (HTTP " + status + ", " + oauthError
                + (description.isEmpty() ? "" : ": " + description) + ").");
    }

    /** Local wording: the provider's token endpoint could not be reached or answered something else than a token. */
    static AwsError tokenEndpointFailed(String provider, String why) {
        return AwsError.of(500, "InternalServerException", "The token endpoint of OAuth2 credential provider '"
                + provider + "' " + why);
    }

    private static AwsError validation(String message) {
        return AwsError.of(400, "ValidationException", message).with("reason", "FieldValidationFailed");
    }

    /** The two kinds of credential provider, as the operations name them. */
    enum CredentialKind {
        API_KEY("API key"), OAUTH2("OAuth2");

        private final String wording;

        CredentialKind(String wording) {
            this.wording = wording;
        }

        String wording() {
            return wording;
        }
    }
}
