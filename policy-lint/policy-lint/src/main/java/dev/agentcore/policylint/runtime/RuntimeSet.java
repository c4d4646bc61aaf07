package dev.agentcore.policylint.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actual runtimes from every source, merged by runtime id. {@link #known()} is false when the user gave no source:
 * then the checks that compare against deployed runtimes do not run.
 */
public record RuntimeSet(boolean known, List<AgentRuntime> runtimes) {

    public RuntimeSet {
        runtimes = List.copyOf(runtimes);
    }

    public static RuntimeSet unknown() {
        return new RuntimeSet(false, List.of());
    }

    public static RuntimeSet of(Collection<AgentRuntime> runtimes) {
        Map<String, AgentRuntime> byId = new LinkedHashMap<>();
        for (AgentRuntime r : runtimes) {
            byId.merge(r.id(), r, AgentRuntime::merge);
        }
        return new RuntimeSet(true, new ArrayList<>(byId.values()));
    }

    /** Accounts the runtimes live in. */
    public List<String> accounts() {
        return runtimes.stream().map(AgentRuntime::account).filter(a -> a != null).distinct().toList();
    }
}
