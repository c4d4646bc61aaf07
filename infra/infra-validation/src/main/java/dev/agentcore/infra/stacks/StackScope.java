package dev.agentcore.infra.stacks;

import java.util.Locale;
import java.util.Optional;

/**
 * How many stacks one entry of the deploy order becomes ({@code "forEach"} in {@code infra/stacks.json}): one, one per
 * runtime of {@code runtimes.json}, or one per named endpoint of each runtime.
 */
public enum StackScope {
    /** One stack for the whole deployment (Cognito, the shared deployer policy). */
    SHARED,
    /** One stack per runtime: {@code <name>-<runtime slug>}. */
    RUNTIME,
    /** One stack per named endpoint of each runtime: {@code <name>-<runtime slug>-<endpoint slug>}. */
    ENDPOINT;

    /** The scope {@code forEach} names ({@code runtime} or {@code endpoint}, any case), or empty. */
    static Optional<StackScope> forEach(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "runtime" -> Optional.of(RUNTIME);
            case "endpoint" -> Optional.of(ENDPOINT);
            default -> Optional.empty();
        };
    }
}
