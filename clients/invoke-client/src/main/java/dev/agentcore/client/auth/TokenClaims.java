package dev.agentcore.client.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The claims of a JWT that AgentCore's authorizer checks. Decoded without verifying the signature: this is for
 * explaining a rejection, not for trusting the token.
 */
public record TokenClaims(String issuer, String subject, String clientId, List<String> audience, String scope,
                          String tokenUse, Instant expiresAt, Instant issuedAt, String username) {

    public TokenClaims {
        audience = audience == null ? List.of() : List.copyOf(audience);
    }

    public static Optional<TokenClaims> decode(String token) {
        try {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            return Optional.of(new TokenClaims(claims.getIssuer(), claims.getSubject(), string(claims, "client_id"),
                    claims.getAudience(), scope(claims), string(claims, "token_use"), instant(claims.getExpirationTime()),
                    instant(claims.getIssueTime()),
                    Optional.ofNullable(string(claims, "username")).orElse(string(claims, "cognito:username"))));
        } catch (ParseException | RuntimeException notAJwt) {
            return Optional.empty();
        }
    }

    /** True for a JWT whose header says {@code alg: none}: it carries no signature at all. */
    public static boolean isUnsigned(String token) {
        try {
            return com.nimbusds.jose.Algorithm.NONE.equals(JWTParser.parse(token).getHeader().getAlgorithm());
        } catch (ParseException | RuntimeException notAJwt) {
            return false;
        }
    }

    private static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    /** {@code scope} is a space-separated string in Cognito tokens; some issuers use {@code scp} arrays. */
    private static String scope(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof List<?> list) {
            return String.join(" ", list.stream().map(Object::toString).toList());
        }
        return scope == null ? null : scope.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isIdToken() {
        return "id".equals(tokenUse);
    }

    public boolean isAccessToken() {
        return "access".equals(tokenUse);
    }

    public List<String> scopes() {
        return scope == null || scope.isBlank() ? List.of() : List.of(scope.strip().split("\\s+"));
    }

    /** "expires in 54m 10s" or "expired 3m 2s ago". */
    public String expiryRelativeTo(Instant now) {
        if (expiresAt == null) {
            return "no exp claim";
        }
        Duration delta = Duration.between(now, expiresAt);
        return delta.isNegative() ? "expired " + human(delta.negated()) + " ago (" + expiresAt + ")"
                : "expires in " + human(delta) + " (" + expiresAt + ")";
    }

    static String human(Duration d) {
        long seconds = d.toSeconds();
        List<String> parts = new ArrayList<>();
        if (seconds >= 86400) {
            parts.add(seconds / 86400 + "d");
        }
        if (seconds % 86400 >= 3600) {
            parts.add(seconds % 86400 / 3600 + "h");
        }
        if (seconds % 3600 >= 60) {
            parts.add(seconds % 3600 / 60 + "m");
        }
        if (parts.size() < 2 && (seconds % 60 > 0 || parts.isEmpty())) {
            parts.add(seconds % 60 + "s");
        }
        return String.join(" ", parts);
    }

    /** The claims as report lines. */
    public List<String> describe(Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("iss:        " + orNone(issuer));
        lines.add("client_id:  " + orNone(clientId));
        lines.add("aud:        " + (audience.isEmpty() ? "(none)" : String.join(", ", audience)));
        lines.add("scope:      " + orNone(scope));
        lines.add("token_use:  " + orNone(tokenUse));
        lines.add("sub:        " + orNone(subject));
        if (username != null) {
            lines.add("username:   " + username);
        }
        lines.add("exp:        " + expiryRelativeTo(now));
        return lines;
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
