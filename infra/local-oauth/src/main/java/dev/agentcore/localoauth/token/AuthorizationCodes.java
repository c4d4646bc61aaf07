package dev.agentcore.localoauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization codes /oauth2/authorize hands out: one-time, valid for five minutes (Cognito: "a one time use
 * code that is valid for five minutes"), bound to the client, the redirect_uri and the PKCE challenge. Held in memory.
 */
public final class AuthorizationCodes {

    public static final Duration LIFETIME = Duration.ofMinutes(5);

    /**
     * @param codeChallenge the S256 challenge, when the request used PKCE
     */
    public record Pending(UserGrant grant, String redirectUri, Optional<String> codeChallenge, Instant expires) {
    }

    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private final Clock clock;

    public AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    public String issue(UserGrant grant, String redirectUri, Optional<String> codeChallenge) {
        Instant now = clock.instant();
        codes.values().removeIf(p -> !p.expires().isAfter(now));
        // Cognito's codes look like UUIDs.
        String code = UUID.randomUUID().toString();
        codes.put(code, new Pending(grant, redirectUri, codeChallenge, now.plus(LIFETIME)));
        return code;
    }

    /** Takes the code: it is gone after this, whatever the exchange's outcome. Empty when unknown or expired. */
    public Optional<Pending> redeem(String code) {
        Pending pending = codes.remove(code);
        return pending == null || !pending.expires().isAfter(clock.instant()) ? Optional.empty() : Optional.of(pending);
    }
}
