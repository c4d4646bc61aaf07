package dev.agentcore.localoauth.token;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.agentcore.localoauth.discovery.IssuerBase;
import dev.agentcore.localoauth.keys.PoolKeys;
import dev.agentcore.localoauth.pool.AppClient;
import dev.agentcore.localoauth.pool.PoolUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signs a user's tokens as Cognito does after managed login, with the claims of Cognito's user tokens.
 *
 * <ul>
 *   <li><b>Access token</b>: {@code sub} (the user's sub), {@code cognito:groups} (when the user is in a group),
 *       {@code iss}, {@code version=2}, {@code client_id}, {@code origin_jti}, {@code event_id},
 *       {@code token_use=access}, {@code scope} (every granted scope, {@code openid} included), {@code auth_time},
 *       {@code exp}, {@code iat}, {@code jti}, {@code username}. No {@code aud}.</li>
 *   <li><b>ID token</b>, only when {@code openid} was granted: {@code at_hash}, {@code sub}, {@code cognito:groups},
 *       the user's attributes ({@code email}, {@code email_verified} as a boolean, {@code custom:...}),
 *       {@code iss}, {@code cognito:username}, {@code origin_jti}, {@code aud} (the client id), {@code event_id},
 *       {@code token_use=id}, {@code auth_time}, {@code nonce} (when the request had one), {@code exp},
 *       {@code iat}, {@code jti}.</li>
 * </ul>
 */
public final class UserTokenIssuer {

    /** Attributes Cognito writes into the ID token as booleans or numbers rather than strings. */
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("email_verified", "phone_number_verified");

    private final PoolKeys keys;
    private final IssuerBase issuers;
    private final Clock clock;

    public UserTokenIssuer(PoolKeys keys, IssuerBase issuers, Clock clock) {
        this.keys = keys;
        this.issuers = issuers;
        this.clock = clock;
    }

    /**
     * @param refreshToken the refresh token to hand out with them (after a code exchange); empty on a refresh
     */
    public TokenOutcome.Issued issue(AppClient client, UserGrant grant, Optional<String> refreshToken) {
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        RSAKey key = keys.signingKey(client.poolId());
        String issuer = issuers.issuer(client.poolId()).toString();
        PoolUser user = grant.user();

        JWTClaimsSet.Builder access = new JWTClaimsSet.Builder().subject(user.sub());
        groups(access, user);
        access.issuer(issuer)
                .claim("version", 2)
                .claim("client_id", client.clientId())
                .claim("origin_jti", grant.originJti())
                .claim("event_id", grant.eventId())
                .claim("token_use", "access")
                .claim("scope", String.join(" ", grant.scopes()))
                .claim("auth_time", grant.authTime().getEpochSecond())
                .expirationTime(Date.from(issuedAt.plus(client.validity().accessToken())))
                .issueTime(Date.from(issuedAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", user.username());
        String accessToken = AccessTokenIssuer.sign(key, access.build());

        Optional<String> idToken = Optional.empty();
        if (grant.hasOpenId()) {
            JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                    .claim("at_hash", accessTokenHash(accessToken))
                    .subject(user.sub());
            groups(id, user);
            for (Map.Entry<String, String> attribute : user.attributes().entrySet()) {
                if (!attribute.getKey().equals("sub")) {
                    id.claim(attribute.getKey(), claimValue(attribute.getKey(), attribute.getValue()));
                }
            }
            id.issuer(issuer)
                    .claim("cognito:username", user.username())
                    .claim("origin_jti", grant.originJti())
                    .audience(client.clientId())
                    .claim("event_id", grant.eventId())
                    .claim("token_use", "id")
                    .claim("auth_time", grant.authTime().getEpochSecond());
            grant.nonce().ifPresent(nonce -> id.claim("nonce", nonce));
            id.expirationTime(Date.from(issuedAt.plus(client.validity().idToken())))
                    .issueTime(Date.from(issuedAt))
                    .jwtID(UUID.randomUUID().toString());
            idToken = Optional.of(AccessTokenIssuer.sign(key, id.build()));
        }
        return new TokenOutcome.Issued(idToken, accessToken, refreshToken, client.validity().accessToken());
    }

    private static void groups(JWTClaimsSet.Builder claims, PoolUser user) {
        if (!user.groups().isEmpty()) {
            claims.claim("cognito:groups", user.groups());
        }
    }

    private static Object claimValue(String name, String value) {
        if (BOOLEAN_ATTRIBUTES.contains(name)) {
            return Boolean.parseBoolean(value);
        }
        if (name.equals("updated_at") && value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            return Long.parseLong(value);
        }
        return value;
    }

    /** OpenID Connect's at_hash for RS256: Base64url of the left half of the SHA-256 of the access token. */
    static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
