package dev.agentcore.local.data;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentcore.core.arn.PrincipalArn;

/** Access keys and their owners, held in memory. */
public final class InMemoryAccessKeys implements AccessKeyDirectory {

    private final Map<String, PrincipalArn> owners = new ConcurrentHashMap<>();

    public InMemoryAccessKeys put(String accessKeyId, String principalArn) {
        owners.put(accessKeyId, PrincipalArn.parse(principalArn)
                .orElseThrow(() -> new IllegalArgumentException("'" + principalArn + "' is no IAM principal ARN")));
        return this;
    }

    @Override
    public Optional<PrincipalArn> principalOf(String accessKeyId) {
        return Optional.ofNullable(owners.get(accessKeyId));
    }
}
