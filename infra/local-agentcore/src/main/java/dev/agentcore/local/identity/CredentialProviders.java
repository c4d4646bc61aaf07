package dev.agentcore.local.identity;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The token vault's credential providers, in memory, by name. API key and OAuth2 providers are separate resources on
 * AWS (their ARNs differ), so one name may be both; each operation looks only among its own kind.
 */
public final class CredentialProviders {

    /** The model's CredentialProviderName. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9\\-_]{1,128}");

    private final Map<String, CredentialProvider.ApiKey> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, CredentialProvider.OAuth2Client> oauth2Clients = new ConcurrentHashMap<>();

    /** Adds (or replaces) the API key provider {@code name}. */
    public CredentialProviders apiKey(String name, String apiKey) {
        apiKeys.put(checkName(name), new CredentialProvider.ApiKey(name, requireValue(apiKey, "the API key")));
        return this;
    }

    /** Adds (or replaces) the OAuth2 provider {@code name}, a client of {@code tokenEndpoint}. */
    public CredentialProviders oauth2ClientCredentials(String name, URI tokenEndpoint, String clientId,
                                                       String clientSecret) {
        oauth2Clients.put(checkName(name), new CredentialProvider.OAuth2Client(name, tokenEndpoint,
                requireValue(clientId, "the client id"), requireValue(clientSecret, "the client secret")));
        return this;
    }

    public Optional<CredentialProvider.ApiKey> apiKey(String name) {
        return Optional.ofNullable(apiKeys.get(name));
    }

    public Optional<CredentialProvider.OAuth2Client> oauth2Client(String name) {
        return Optional.ofNullable(oauth2Clients.get(name));
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("credential provider name '" + name
                    + "' must be 1 to 128 letters, digits, '-' or '_'");
        }
        return name;
    }

    private static String requireValue(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
