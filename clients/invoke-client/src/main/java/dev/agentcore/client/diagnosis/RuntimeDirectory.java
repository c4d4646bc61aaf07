package dev.agentcore.client.diagnosis;

import dev.agentcore.core.arn.RuntimeArn;
import java.util.List;

/** Where a diagnosis looks up facts about a runtime: the control plane, the state file, or both. */
public interface RuntimeDirectory {

    Lookup<RuntimeFacts> describe(RuntimeArn arn);

    Lookup<List<EndpointFacts>> endpoints(RuntimeArn arn);

    /** Asks the first directory, and the second when the first cannot answer. */
    static RuntimeDirectory firstAnswer(RuntimeDirectory first, RuntimeDirectory second) {
        return new RuntimeDirectory() {
            @Override
            public Lookup<RuntimeFacts> describe(RuntimeArn arn) {
                Lookup<RuntimeFacts> answer = first.describe(arn);
                return answer instanceof Lookup.Unavailable<RuntimeFacts> u ? orElse(second.describe(arn), u) : answer;
            }

            @Override
            public Lookup<List<EndpointFacts>> endpoints(RuntimeArn arn) {
                Lookup<List<EndpointFacts>> answer = first.endpoints(arn);
                return answer instanceof Lookup.Unavailable<List<EndpointFacts>> u ? orElse(second.endpoints(arn), u) : answer;
            }

            private <T> Lookup<T> orElse(Lookup<T> fallback, Lookup.Unavailable<T> firstReason) {
                return fallback instanceof Lookup.Unavailable<T> u
                        ? new Lookup.Unavailable<>(firstReason.reason() + "; " + u.reason()) : fallback;
            }
        };
    }

    /** A directory that knows nothing (lookups switched off). */
    static RuntimeDirectory none(String reason) {
        return new RuntimeDirectory() {
            @Override
            public Lookup<RuntimeFacts> describe(RuntimeArn arn) {
                return new Lookup.Unavailable<>(reason);
            }

            @Override
            public Lookup<List<EndpointFacts>> endpoints(RuntimeArn arn) {
                return new Lookup.Unavailable<>(reason);
            }
        };
    }
}
