package dev.agentcore.local.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys held in memory: the static pair the local stack is configured with, and keys registered by the code that
 * created them (a test, or the local stack's own tooling after {@code iam CreateAccessKey} or {@code sts AssumeRole},
 * the only moments AWS shows a secret). Thread-safe.
 */
public final class InMemoryCredentialsDirectory implements CredentialsDirectory {

    private final Map<String, SigningCredentials> byKey = new ConcurrentHashMap<>();

    public InMemoryCredentialsDirectory register(SigningCredentials credentials) {
        byKey.put(credentials.accessKeyId(), credentials);
        return this;
    }

    /** Forgets {@code accessKeyId}, as IAM DeleteAccessKey does: its signatures stop being recognized. */
    public InMemoryCredentialsDirectory remove(String accessKeyId) {
        byKey.remove(accessKeyId);
        return this;
    }

    @Override
    public Optional<SigningCredentials> find(String accessKeyId) {
        return Optional.ofNullable(byKey.get(accessKeyId));
    }
}
