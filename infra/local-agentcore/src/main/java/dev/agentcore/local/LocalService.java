package dev.agentcore.local;

import dev.agentcore.local.http.Router;

/**
 * A part of the local AgentCore served on the same port as the control plane: the data plane, the token endpoint.
 * Routes must not take the control plane's (the router refuses them): its URIs all end in '/', the data plane's
 * ({@code /runtimes/{arn}/invocations}) do not.
 */
@FunctionalInterface
public interface LocalService {

    void register(Router router, ServiceContext context);
}
