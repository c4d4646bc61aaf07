package dev.agentcore.client.diagnosis;

import java.util.Optional;

/**
 * The answer to a question about a runtime: found (with its source), known not to exist, or unknown because the
 * source could not be asked (no credentials, no state file).
 */
public sealed interface Lookup<T> {

    record Found<T>(T value, String source) implements Lookup<T> {
    }

    record Missing<T>(String source) implements Lookup<T> {
    }

    record Unavailable<T>(String reason) implements Lookup<T> {
    }

    default Optional<T> found() {
        return this instanceof Found<T> found ? Optional.of(found.value()) : Optional.empty();
    }

    /** One line for the report: what was looked up and what came of it. */
    default String describe(String question) {
        return switch (this) {
            case Found<T> f -> question + ": found in " + f.source();
            case Missing<T> m -> question + ": does not exist according to " + m.source();
            case Unavailable<T> u -> question + ": could not be checked (" + u.reason() + ")";
        };
    }
}
