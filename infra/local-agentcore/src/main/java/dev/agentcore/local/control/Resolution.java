package dev.agentcore.local.control;

import dev.agentcore.core.runtime.Qualifier;

/**
 * Where an invocation of a runtime and qualifier goes, as the data plane asks it: the endpoint and the version it
 * serves, or why there is none.
 */
public sealed interface Resolution {

    /** The endpoint is READY (or moving to a new version while still serving {@code version}). */
    record Found(AgentRuntime runtime, RuntimeEndpoint endpoint, RuntimeVersion version) implements Resolution {
    }

    /** No runtime with that ARN or id (in this region and account). */
    record RuntimeNotFound(String runtime) implements Resolution {
    }

    /** The runtime exists but has no endpoint named {@code qualifier}. */
    record EndpointNotFound(AgentRuntime runtime, Qualifier qualifier) implements Resolution {
    }

    /** The endpoint exists but serves no version yet (CREATING), or failed, or is being deleted. */
    record NotReady(AgentRuntime runtime, RuntimeEndpoint endpoint) implements Resolution {
    }
}
