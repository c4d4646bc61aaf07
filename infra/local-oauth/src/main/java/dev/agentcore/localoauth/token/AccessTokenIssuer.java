package dev.agentcore.localoauth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentcore.localoauth.discovery.IssuerBase;
import dev.agentcore.localoauth.keys.PoolKeys;
import dev.agentcore.localoauth.pool.AppClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens as Cognito does for the client credentials grant: header {@code kid} and {@code alg=RS256}
 * (no {@code typ}), claims {@code sub} (the client id: there is no user), {@code token_use=access}, {@code scope}
 * (space-separated), {@code auth_time}, {@code iss}, {@code exp}, {@code iat}, {@code version=2}, {@code jti} and
 * {@code client_id}. No {@code aud}: Cognito access tokens have none, which is why AgentCore runtimes check them with
 * allowedClients.
 */
public final class AccessTokenIssuer {

    private final PoolKeys keys;
    private final IssuerBase issuers;
    private final Clock clock;

    public AccessTokenIssuer(PoolKeys keys, IssuerBase issuers, Clock clock) {
        this.keys = keys;
        this.issuers = issuers;
        this.clock = clock;
    }

    public TokenOutcome.Issued issue(AppClient client, List<String> scopes) {
        Instant now = clock.instant();
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expires = issuedAt.plus(client.accessTokenValidity());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(client.clientId())
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", issuedAt.getEpochSecond())
                .issuer(issuers.issuer(client.poolId()).toString())
                .expirationTime(Date.from(expires))
                .issueTime(Date.from(issuedAt))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", client.clientId())
                .build();
        return TokenOutcome.Issued.accessTokenOnly(sign(keys.signingKey(client.poolId()), claims), client.accessTokenValidity());
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token: " + e.getMessage(), e);
        }
    }
}
