package dev.agentcore.client.auth;

import dev.agentcore.client.http.Redaction;
import java.time.Instant;
import java.util.Optional;

/**
 * An OAuth bearer token and where it came from. {@link #toString()} never shows the token in full.
 *
 * @param expiresAt when it stops being valid, or null when unknown (an opaque static token)
 * @param origin    where it came from, for reports ("--token", "Cognito client credentials", ...)
 */
public record BearerToken(String value, Instant expiresAt, String origin) {

    public BearerToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the bearer token is empty");
        }
        value = value.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).strip();
        }
    }

    /** A token whose expiry is read from its own {@code exp} claim when it is a JWT. */
    public static BearerToken of(String value, String origin) {
        BearerToken token = new BearerToken(value, null, origin);
        return new BearerToken(token.value(), token.claims().map(TokenClaims::expiresAt).orElse(null), origin);
    }

    public Optional<TokenClaims> claims() {
        return TokenClaims.decode(value);
    }

    public String redacted() {
        return Redaction.secret(value);
    }

    @Override
    public String toString() {
        return "BearerToken[" + redacted() + ", from " + origin + (expiresAt == null ? "" : ", expires " + expiresAt) + "]";
    }
}
