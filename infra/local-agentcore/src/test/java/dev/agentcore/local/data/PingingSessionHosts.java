package dev.agentcore.local.data;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentcore.core.runtime.RuntimeId;
import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.RuntimeVersion;

/**
 * The runner's part for tests: each runtime is served by an already running {@link ContractContainer}; a session's
 * first invocation waits for its {@code /ping} as AgentCore does (with a short deadline instead of 30 s), and the
 * session stays on the container it got (affinity is recorded to be asserted).
 */
final class PingingSessionHosts implements SessionHosts {

    private final Map<RuntimeId, ContainerAddress> containers = new ConcurrentHashMap<>();
    final Map<SessionId, ContainerAddress> sessions = new ConcurrentHashMap<>();
    private final Duration initializationDeadline;
    private final HttpClient client = HttpClient.newHttpClient();

    PingingSessionHosts(Duration initializationDeadline) {
        this.initializationDeadline = initializationDeadline;
    }

    PingingSessionHosts serve(RuntimeId runtime, ContainerAddress address) {
        containers.put(runtime, address);
        return this;
    }

    @Override
    public SessionHost hostFor(AgentRuntime runtime, RuntimeVersion version, SessionId session)
            throws SessionHostException {
        ContainerAddress known = sessions.get(session);
        if (known != null) {
            return SessionHost.unleased(known);
        }
        ContainerAddress address = containers.get(runtime.id());
        if (address == null) {
            throw new SessionHostException(SessionHostException.Failure.START_FAILED, "no container for " + runtime.id());
        }
        try {
            HttpResponse<String> ping = client.send(HttpRequest.newBuilder(address.pingUri())
                    .timeout(initializationDeadline).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (ping.statusCode() != 200) {
                throw new SessionHostException(SessionHostException.Failure.INITIALIZATION_TIMEOUT,
                        "/ping answered " + ping.statusCode());
            }
        } catch (IOException e) {
            throw new SessionHostException(SessionHostException.Failure.INITIALIZATION_TIMEOUT,
                    "/ping did not answer within " + initializationDeadline, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionHostException(SessionHostException.Failure.INITIALIZATION_TIMEOUT, "interrupted", e);
        }
        sessions.put(session, address);
        return SessionHost.unleased(address);
    }

    @Override
    public boolean stop(AgentRuntime runtime, SessionId session) {
        return sessions.remove(session) != null;
    }
}
