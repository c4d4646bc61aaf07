package dev.agentcore.local.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.arn.WorkloadIdentityArn;

/**
 * The workload access tokens this AgentCore issued, in memory. A token is opaque: 32 random bytes, base64url, that
 * mean nothing outside this store (so a token from another instance, or made up, is simply unknown). Expired tokens
 * stay known until purged, so their holder is told they expired rather than that they never existed.
 */
public final class WorkloadAccessTokens {

    /** The outcome of looking a token up. */
    public sealed interface Lookup {
        record Valid(WorkloadAccessGrant grant) implements Lookup {
        }

        record Expired(WorkloadAccessGrant grant) implements Lookup {
        }

        record Unknown() implements Lookup {
        }
    }

    /** How long an expired token is still recognised as one of ours. */
    private static final Duration REMEMBER_EXPIRED = Duration.ofHours(24);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, WorkloadAccessGrant> grants = new ConcurrentHashMap<>();
    private final Duration lifetime;

    public WorkloadAccessTokens(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a workload access token's lifetime must be positive, not " + lifetime);
        }
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new token for {@code identity} acting for {@code user}, valid for the lifetime from {@code now}. */
    public String issue(WorkloadIdentityArn identity, WorkloadUser user, PrincipalArn issuedTo, Instant now) {
        purge(now);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new WorkloadAccessGrant(identity, user, issuedTo, now.plus(lifetime)));
        return token;
    }

    public Lookup lookup(String token, Instant now) {
        WorkloadAccessGrant grant = grants.get(token);
        if (grant == null) {
            return new Lookup.Unknown();
        }
        return grant.expiredAt(now) ? new Lookup.Expired(grant) : new Lookup.Valid(grant);
    }

    private void purge(Instant now) {
        Instant forgetBefore = now.minus(REMEMBER_EXPIRED);
        grants.values().removeIf(g -> g.expiresAt().isBefore(forgetBefore));
    }
}
