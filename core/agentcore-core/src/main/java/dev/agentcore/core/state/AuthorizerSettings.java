package dev.agentcore.core.state;

import java.util.List;

/** A runtime's customJWTAuthorizer: which issuer, clients, audiences and scopes it accepts. */
public record AuthorizerSettings(String discoveryUrl, List<String> allowedClients, List<String> allowedAudience,
                                 List<String> allowedScopes) {

    private static final String WELL_KNOWN = "/.well-known/openid-configuration";

    public AuthorizerSettings {
        allowedClients = allowedClients == null ? List.of() : List.copyOf(allowedClients);
        allowedAudience = allowedAudience == null ? List.of() : List.copyOf(allowedAudience);
        allowedScopes = allowedScopes == null ? List.of() : List.copyOf(allowedScopes);
    }

    /** The issuer a token must carry: the discovery URL without its well-known suffix (true for Cognito). */
    public String expectedIssuer() {
        if (discoveryUrl == null) {
            return null;
        }
        return discoveryUrl.endsWith(WELL_KNOWN) ? discoveryUrl.substring(0, discoveryUrl.length() - WELL_KNOWN.length())
                : discoveryUrl;
    }
}
