package dev.agentcore.localoauth.pool;

import java.time.Duration;

/**
 * How long an app client's tokens live: AccessTokenValidity, IdTokenValidity and RefreshTokenValidity, each read in
 * its TokenValidityUnits. Cognito's defaults: 60 minutes, 60 minutes and 30 days.
 */
public record TokenValidity(Duration accessToken, Duration idToken, Duration refreshToken) {

    public static final TokenValidity DEFAULTS = new TokenValidity(Duration.ofMinutes(60), Duration.ofMinutes(60),
            Duration.ofDays(30));

    public TokenValidity {
        accessToken = accessToken == null ? DEFAULTS.accessToken : accessToken;
        idToken = idToken == null ? DEFAULTS.idToken : idToken;
        refreshToken = refreshToken == null ? DEFAULTS.refreshToken : refreshToken;
    }

    public TokenValidity withAccessToken(Duration validity) {
        return new TokenValidity(validity, idToken, refreshToken);
    }
}
