package dev.agentcore.local.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.PrincipalArn;

class CachingIamDirectoryTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/agent_execution";
    static final String GRANT = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"}]}""";

    final InMemoryIamDirectory iam = new InMemoryIamDirectory().put(ROLE, "bedrock", GRANT);
    final AtomicInteger reads = new AtomicInteger();
    final IamDirectory counted = principal -> {
        reads.incrementAndGet();
        return iam.identityPolicies(principal);
    };
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
    final InstantSource clock = now::get;

    static PrincipalArn principal(String arn) {
        return PrincipalArn.parse(arn).orElseThrow();
    }

    static List<String> names(List<NamedPolicy> policies) {
        return policies.stream().map(NamedPolicy::name).toList();
    }

    @Test
    void readsIamOncePerTimeToLiveForARoleAndItsSessions() {
        IamDirectory cached = CachingIamDirectory.of(counted, Duration.ofSeconds(5), clock);
        PrincipalArn session = PrincipalArn.assumedRole(ROLE, "BedrockAgentCore-one");

        assertThat(names(cached.identityPolicies(principal(ROLE)))).containsExactly("bedrock");
        assertThat(names(cached.identityPolicies(session))).containsExactly("bedrock");
        assertThat(reads).hasValue(1);

        // A change within the time to live is not seen, as IAM's own propagation may not show it yet.
        iam.clear(ROLE);
        now.set(now.get().plusMillis(4_999));
        assertThat(names(cached.identityPolicies(session))).containsExactly("bedrock");
        assertThat(reads).hasValue(1);

        now.set(now.get().plusMillis(1));
        assertThat(cached.identityPolicies(session)).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void keepsPrincipalsApart() {
        IamDirectory cached = CachingIamDirectory.of(counted, Duration.ofSeconds(5), clock);
        iam.put("arn:aws:iam::123456789012:user/carol", "carols", GRANT);

        assertThat(names(cached.identityPolicies(principal("arn:aws:iam::123456789012:user/carol")))).containsExactly("carols");
        assertThat(cached.identityPolicies(principal("arn:aws:iam::123456789012:user/agent_execution"))).isEmpty();
        assertThat(names(cached.identityPolicies(principal(ROLE)))).containsExactly("bedrock");
        assertThat(cached.identityPolicies(principal("arn:aws:iam::210987654321:role/agent_execution"))).isEmpty();
        assertThat(reads).hasValue(4);
    }

    @Test
    void zeroMeansNoCacheAndANegativeTimeIsRefused() {
        assertThat(CachingIamDirectory.of(counted, Duration.ZERO, clock)).isSameAs(counted);
        assertThatThrownBy(() -> CachingIamDirectory.of(counted, Duration.ofMillis(-1), clock))
                .hasMessage("IAM cache time to live PT-0.001S is negative");
    }
}
