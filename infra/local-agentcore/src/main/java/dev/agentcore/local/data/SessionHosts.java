package dev.agentcore.local.data;

import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.RuntimeVersion;

/**
 * Where a session's container is: the runner (infra/local-runner) starts one per session, as AgentCore starts a
 * microVM per session, and answers its address once it answers {@code /ping}. The same session id must reach the same
 * container (session affinity) for as long as it lives.
 */
@FunctionalInterface
public interface SessionHosts {

    /**
     * The container serving {@code session} of {@code runtime} at {@code version}, started if it is not running.
     *
     * @throws SessionHostException when no container can serve it; its {@link SessionHostException#failure()} says
     *                              which of the service's errors the caller gets
     */
    ContainerAddress hostFor(AgentRuntime runtime, RuntimeVersion version, SessionId session) throws SessionHostException;
}
