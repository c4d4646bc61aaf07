package dev.agentcore.local.data;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentcore.core.arn.PrincipalArn;

/**
 * A principal's policies remembered for a short while, so that the data plane, the identity operations and the AWS
 * gateway do not read the local AWS's IAM on every request (for a role with one inline policy that is three IAM calls
 * over HTTP, two more per attached policy). IAM itself is eventually consistent: AWS documents that a policy change
 * may take a short while to apply everywhere, so answering from policies a few seconds old is what AWS may do too.
 * Entries expire after the time to live and are invalidated by nothing else. A role's sessions share their role's
 * entry.
 */
public final class CachingIamDirectory implements IamDirectory {

    /**
     * Five seconds: within IAM's own "a few seconds" of propagation, long enough that a burst of invocations (an
     * agent's turn, a benchmark, a test) reads IAM once, short enough that a developer who fixes a policy and tries
     * again sees the change at the next attempt or the one after.
     */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(5);

    private final IamDirectory source;
    private final Duration timeToLive;
    private final InstantSource clock;
    private final Map<Holder, Entry> entries = new ConcurrentHashMap<>();

    private CachingIamDirectory(IamDirectory source, Duration timeToLive, InstantSource clock) {
        this.source = source;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** {@code source} behind a cache of {@code timeToLive}; zero means no cache: {@code source} itself. */
    public static IamDirectory of(IamDirectory source, Duration timeToLive, InstantSource clock) {
        Objects.requireNonNull(source, "source");
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("IAM cache time to live " + timeToLive + " is negative");
        }
        return timeToLive.isZero() ? source : new CachingIamDirectory(source, timeToLive, clock);
    }

    @Override
    public List<NamedPolicy> identityPolicies(PrincipalArn principal) {
        Holder holder = Holder.of(principal);
        Instant now = clock.instant();
        Entry cached = entries.get(holder);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.policies();
        }
        // Two requests missing at once both read IAM; the later answer wins. Harmless, and no lock on the hot path.
        List<NamedPolicy> read = List.copyOf(source.identityPolicies(principal));
        entries.put(holder, new Entry(read, now.plus(timeToLive)));
        return read;
    }

    /** Whose policies a principal has: a role session has its role's. */
    private record Holder(String partition, String accountId, PrincipalArn.Kind kind, String name) {
        static Holder of(PrincipalArn p) {
            PrincipalArn.Kind kind = p.kind() == PrincipalArn.Kind.ASSUMED_ROLE ? PrincipalArn.Kind.ROLE : p.kind();
            return new Holder(p.partition(), p.accountId(), kind, p.name());
        }
    }

    private record Entry(List<NamedPolicy> policies, Instant expires) {
    }
}
