package dev.agentcore.local.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.iam.PolicyJson;

/** Roles' and users' policies held in memory, keyed by kind and name, as tests and the self-check set them. */
public final class InMemoryIamDirectory implements IamDirectory {

    private final Map<String, Map<String, NamedPolicy>> policies = new ConcurrentHashMap<>();

    /** Sets (or replaces) the policy {@code name} of the role or user {@code principalArn} to {@code json}. */
    public InMemoryIamDirectory put(String principalArn, String name, String json) {
        PrincipalArn principal = PrincipalArn.parse(principalArn)
                .orElseThrow(() -> new IllegalArgumentException("'" + principalArn + "' is no IAM principal ARN"));
        policies.computeIfAbsent(key(principal), k -> new ConcurrentHashMap<>())
                .put(name, new NamedPolicy(name, PolicyJson.read(json)));
        return this;
    }

    /** Removes every policy of {@code principalArn}. */
    public InMemoryIamDirectory clear(String principalArn) {
        PrincipalArn.parse(principalArn).ifPresent(p -> policies.remove(key(p)));
        return this;
    }

    @Override
    public List<NamedPolicy> identityPolicies(PrincipalArn principal) {
        return new ArrayList<>(policies.getOrDefault(key(principal), Map.of()).values());
    }

    /** A role and its sessions share their role's policies. */
    private static String key(PrincipalArn p) {
        return switch (p.kind()) {
            case ROLE, ASSUMED_ROLE -> p.accountId() + ":role/" + p.name();
            case USER -> p.accountId() + ":user/" + p.name();
            case ROOT -> p.accountId() + ":root";
            case FEDERATED_USER -> p.accountId() + ":federated-user/" + p.name();
        };
    }
}
