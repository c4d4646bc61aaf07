package dev.agentcore.localoauth.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens, held in memory. Cognito's are opaque (an encrypted JWT that only Cognito reads); these are random
 * strings with the grant behind them. A restart forgets them, as it forgets the signing keys.
 */
public final class RefreshTokens {

    private record Stored(UserGrant grant, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Stored> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    public RefreshTokens(Clock clock) {
        this.clock = clock;
    }

    public String issue(UserGrant grant, Duration validity) {
        Instant now = clock.instant();
        tokens.values().removeIf(s -> !s.expires().isAfter(now));
        byte[] random = new byte[48];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tokens.put(token, new Stored(grant, now.plus(validity)));
        return token;
    }

    /** The grant behind a refresh token that is known and not expired. It stays valid: Cognito does not rotate them. */
    public Optional<UserGrant> grant(String token) {
        Stored stored = tokens.get(token);
        return stored == null || !stored.expires().isAfter(clock.instant()) ? Optional.empty()
                : Optional.of(stored.grant());
    }
}
