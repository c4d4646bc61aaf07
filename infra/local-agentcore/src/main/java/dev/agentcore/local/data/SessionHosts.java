package dev.agentcore.local.data;

import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.RuntimeVersion;

/**
 * Where a session's container is: the runner (infra/local-runner, through {@code RunnerSessionHosts}) starts one per
 * session, as AgentCore starts a microVM per session, and answers its address once it is healthy. The same session id
 * must reach the same container (session affinity) for as long as it lives.
 */
public interface SessionHosts {

    /**
     * The container serving {@code session} of {@code runtime} at {@code version}, started if it is not running, held
     * until the answer is closed.
     *
     * @throws SessionHostException when no container can serve it; its {@link SessionHostException#failure()} says
     *                              which of the service's errors the caller gets
     */
    SessionHost hostFor(AgentRuntime runtime, RuntimeVersion version, SessionId session) throws SessionHostException;

    /**
     * StopRuntimeSession: ends {@code session} of {@code runtime}, whichever version it runs; false when it does not
     * run.
     */
    boolean stop(AgentRuntime runtime, SessionId session);
}
