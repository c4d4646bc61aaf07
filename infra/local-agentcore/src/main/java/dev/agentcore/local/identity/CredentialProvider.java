package dev.agentcore.local.identity;

import java.net.URI;

/**
 * A credential provider of the token vault ({@code token-vault/default}), as AgentCore Identity keeps them: an API key,
 * or an OAuth2 client whose tokens come from a token endpoint. {@link #toString()} never shows a secret.
 */
public sealed interface CredentialProvider {

    String name();

    /** The ARN's resource type: {@code apikeycredentialprovider} or {@code oauth2credentialprovider}. */
    String resourceType();

    /** An API key credential provider (GetResourceApiKey answers its key). */
    record ApiKey(String name, String apiKey) implements CredentialProvider {

        @Override
        public String resourceType() {
            return "apikeycredentialprovider";
        }

        @Override
        public String toString() {
            return "ApiKey[" + name + "]";
        }
    }

    /**
     * An OAuth2 credential provider for the client-credentials (M2M) flow: GetResourceOauth2Token fetches a token from
     * {@code tokenEndpoint} as this client (HTTP Basic, {@code client_secret_basic}).
     */
    record OAuth2Client(String name, URI tokenEndpoint, String clientId, String clientSecret)
            implements CredentialProvider {

        @Override
        public String resourceType() {
            return "oauth2credentialprovider";
        }

        @Override
        public String toString() {
            return "OAuth2Client[" + name + ", " + tokenEndpoint + ", client " + clientId + "]";
        }
    }
}
