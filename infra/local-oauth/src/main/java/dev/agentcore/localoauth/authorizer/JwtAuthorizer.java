package dev.agentcore.localoauth.authorizer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * AgentCore's inbound JWT authorizer for one runtime's customJWTAuthorizer, applied to the Authorization header of an
 * invocation. In order, the first failure decides:
 * <ol>
 *   <li>a {@code Bearer} JWS, signed RS256 (alg none, HS256 and the rest are refused before any key is looked at);</li>
 *   <li>the discovery document at discoveryUrl, then its {@code jwks_uri}; a {@code kid} the cached JWKS lacks makes
 *       one fresh fetch before the token is refused;</li>
 *   <li>the signature;</li>
 *   <li>{@code iss} equal to the discovery document's {@code issuer};</li>
 *   <li>{@code exp} in the future and {@code nbf} (if any) in the past, each with the allowed clock skew;</li>
 *   <li>allowedClients: the {@code client_id} claim is one of them. Only {@code client_id}: a Cognito ID token names
 *       its client in {@code aud} and is refused here, as AgentCore refuses it;</li>
 *   <li>allowedAudience: {@code aud} (a string or a list) holds one of them;</li>
 *   <li>allowedScopes: the token holds at least one of them ({@code scope}, space-separated, or an {@code scp} list),
 *       as the AgentCore guide says ("at least one scope value in the incoming token must match");</li>
 *   <li>every customClaims rule.</li>
 * </ol>
 * {@code token_use} is reported, not checked: the authorizer works with any OpenID issuer, most of which have no such
 * claim, and AgentCore accepts a Cognito ID token when allowedAudience names its client.
 */
public final class JwtAuthorizer {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    private final IssuerMetadataCache metadata;
    private final Clock clock;
    private final Duration clockSkew;

    public JwtAuthorizer(IssuerMetadataCache metadata, Clock clock, Duration clockSkew) {
        this.metadata = metadata;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    public static JwtAuthorizer create(UrlRewrite rewrite) {
        return new JwtAuthorizer(IssuerMetadataCache.create(rewrite), Clock.systemUTC(), DEFAULT_CLOCK_SKEW);
    }

    /** Checks the value of the request's Authorization header (empty when the request has none). */
    public AuthorizationResult authorize(JwtAuthorizerConfig config, Optional<String> authorizationHeader) {
        Optional<String> token = authorizationHeader.map(String::strip)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            return rejected(Rejection.NO_TOKEN, authorizationHeader.isEmpty() ? "no Authorization header"
                    : "the Authorization header is not 'Bearer <token>'");
        }
        return authorizeToken(config, token.get());
    }

    public AuthorizationResult authorizeToken(JwtAuthorizerConfig config, String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return rejected(Rejection.MALFORMED_TOKEN, "not a JWT: " + e.getMessage());
        }
        if (jwt instanceof PlainJWT) {
            return rejected(Rejection.UNSUPPORTED_ALGORITHM, "unsigned token (alg none)");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            return rejected(Rejection.UNSUPPORTED_ALGORITHM, "an encrypted token (JWE) is not a signed access token");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg)) {
            return rejected(Rejection.UNSUPPORTED_ALGORITHM, "signed with " + alg + "; only RS256 is accepted");
        }

        IssuerMetadata issuer;
        RSAKey key;
        try {
            issuer = metadata.discovery(config.discoveryUrl());
            String kid = signed.getHeader().getKeyID();
            if (kid == null) {
                return rejected(Rejection.UNKNOWN_KEY, "the token's header has no kid");
            }
            Optional<RSAKey> found = rsaKey(metadata.keys(issuer.jwksUri(), false), kid);
            if (found.isEmpty()) {
                found = rsaKey(metadata.keys(issuer.jwksUri(), true), kid);
            }
            if (found.isEmpty()) {
                return rejected(Rejection.UNKNOWN_KEY, "no key with kid " + kid + " in " + issuer.jwksUri());
            }
            key = found.get();
        } catch (IssuerMetadataCache.UnavailableException e) {
            return rejected(Rejection.ISSUER_METADATA_UNAVAILABLE, e.getMessage());
        }

        try {
            if (!signed.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return rejected(Rejection.INVALID_SIGNATURE, "the signature does not verify with key " + key.getKeyID());
            }
        } catch (JOSEException e) {
            return rejected(Rejection.INVALID_SIGNATURE, "the signature could not be checked: " + e.getMessage());
        }

        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            return rejected(Rejection.MALFORMED_TOKEN, "the payload is not a JSON claims set: " + e.getMessage());
        }
        if (!issuer.issuer().equals(claims.getIssuer())) {
            return rejected(Rejection.ISSUER_MISMATCH, "iss " + claims.getIssuer() + " is not the discovery document's "
                    + "issuer " + issuer.issuer());
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return rejected(Rejection.EXPIRED, "no exp claim");
        }
        if (!now.isBefore(exp.toInstant().plus(clockSkew))) {
            return rejected(Rejection.EXPIRED, "expired at " + exp.toInstant() + " (now " + now + ")");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(clockSkew))) {
            return rejected(Rejection.NOT_YET_VALID, "not valid before " + nbf.toInstant() + " (now " + now + ")");
        }

        Optional<String> clientId = stringClaim(claims, "client_id");
        if (!config.allowedClients().isEmpty() && clientId.filter(config.allowedClients()::contains).isEmpty()) {
            return rejected(Rejection.CLIENT_MISMATCH, "client_id " + clientId.orElse("(none)") + " is not in allowedClients "
                    + config.allowedClients());
        }
        List<String> audience = claims.getAudience();
        if (!config.allowedAudience().isEmpty() && audience.stream().noneMatch(config.allowedAudience()::contains)) {
            return rejected(Rejection.AUDIENCE_MISMATCH, "aud " + (audience.isEmpty() ? "(none)" : audience)
                    + " holds none of allowedAudience " + config.allowedAudience());
        }
        List<String> scopes = scopes(claims);
        if (!config.allowedScopes().isEmpty() && scopes.stream().noneMatch(config.allowedScopes()::contains)) {
            return rejected(Rejection.SCOPE_MISMATCH, "scopes " + scopes + " hold none of allowedScopes "
                    + config.allowedScopes());
        }
        for (CustomClaimRule rule : config.customClaims()) {
            Object value = claims.getClaim(rule.claimName());
            if (!rule.matches(value)) {
                return rejected(Rejection.CUSTOM_CLAIM_MISMATCH, "claim " + rule.claimName() + " = " + value
                        + " does not satisfy " + rule.operator() + " " + rule.matchValueString().map(List::of)
                        .orElse(rule.matchValueStringList()));
            }
        }
        return new AuthorizationResult.Accepted(token, claims.getClaims(), claims.getIssuer(), claims.getSubject(), clientId,
                TokenUse.of(claims.getClaim("token_use")), scopes);
    }

    private static Optional<RSAKey> rsaKey(JWKSet keys, String kid) {
        JWK key = keys.getKeyByKeyId(kid);
        return key instanceof RSAKey rsa ? Optional.of(rsa) : Optional.empty();
    }

    private static Optional<String> stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** {@code scope} is a space-separated string (RFC 9068, Cognito); some issuers (Okta) send an {@code scp} list. */
    static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (scope instanceof String s && !s.isBlank()) {
            return List.of(s.strip().split("\\s+"));
        }
        return List.of();
    }

    private static AuthorizationResult.Rejected rejected(Rejection reason, String detail) {
        return new AuthorizationResult.Rejected(reason, detail);
    }
}
