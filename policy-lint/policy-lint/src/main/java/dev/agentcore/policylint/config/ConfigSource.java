package dev.agentcore.policylint.config;

import java.nio.file.Path;

/** Where a lint's configuration comes from. */
public sealed interface ConfigSource {

    /** The nearest {@code .policy-lint.yaml} (or {@code .yml}) in the working directory or above; none found is no configuration. */
    record Nearest() implements ConfigSource {
    }

    /** This file (relative to the working directory); missing is an input error. */
    record File(Path path) implements ConfigSource {
    }

    /** No configuration file at all (the command's {@code --no-config}). */
    record None() implements ConfigSource {
    }

    static ConfigSource nearest() {
        return new Nearest();
    }

    static ConfigSource file(Path path) {
        return new File(path);
    }

    static ConfigSource none() {
        return new None();
    }
}
