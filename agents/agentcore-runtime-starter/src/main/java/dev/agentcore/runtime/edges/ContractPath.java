package dev.agentcore.runtime.edges;

import java.util.Optional;

/** The contract's HTTP paths and the methods each serves, for its routes and for refusing the others. */
public enum ContractPath {

    INVOCATIONS("/invocations", "POST"),
    // Starlette answers HEAD wherever it answers GET.
    PING("/ping", "GET, HEAD");

    private final String path;
    private final String allow;

    ContractPath(String path, String allow) {
        this.path = path;
        this.allow = allow;
    }

    public String path() {
        return path;
    }

    /** The {@code Allow} header of a 405 on this path. */
    public String allow() {
        return allow;
    }

    static Optional<ContractPath> of(String path) {
        for (ContractPath candidate : values()) {
            if (candidate.path.equals(path)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
