package dev.agentcore.localoauth.pool;

import java.util.Arrays;
import java.util.Optional;

/** An app client's AllowedOAuthFlows member, by its wire name. */
public enum OAuthFlow {
    CODE("code"),
    IMPLICIT("implicit"),
    CLIENT_CREDENTIALS("client_credentials");

    private final String wireName;

    OAuthFlow(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<OAuthFlow> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
