package dev.agentcore.policylint.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actual runtimes from every source, merged by runtime id, and the names a runtimes manifest plans to deploy.
 * {@link #known()} is false when the user gave no source: then the checks that compare against runtimes do not run.
 */
public record RuntimeSet(boolean known, List<AgentRuntime> runtimes, List<String> planned) {

    public RuntimeSet {
        runtimes = List.copyOf(runtimes);
        planned = List.copyOf(planned);
    }

    public RuntimeSet(boolean known, List<AgentRuntime> runtimes) {
        this(known, runtimes, List.of());
    }

    public static RuntimeSet unknown() {
        return new RuntimeSet(false, List.of());
    }

    public static RuntimeSet of(Collection<AgentRuntime> runtimes) {
        return of(runtimes, List.of());
    }

    /** Deployed runtimes and the names of runtimes a manifest plans (which have no id or ARN yet). */
    public static RuntimeSet of(Collection<AgentRuntime> runtimes, Collection<String> planned) {
        Map<String, AgentRuntime> byId = new LinkedHashMap<>();
        for (AgentRuntime r : runtimes) {
            byId.merge(r.id(), r, AgentRuntime::merge);
        }
        return new RuntimeSet(true, new ArrayList<>(byId.values()), planned.stream().distinct().toList());
    }

    /** Accounts the runtimes live in. */
    public List<String> accounts() {
        // A loop: rules ask for every ARN of every template, mostly with no runtimes at all.
        if (runtimes.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (AgentRuntime r : runtimes) {
            if (r.account() != null && !out.contains(r.account())) {
                out.add(r.account());
            }
        }
        return List.copyOf(out);
    }
}
