package dev.agentcore.client.invoke;

import dev.agentcore.client.auth.TokenException;

/** Sends one InvokeAgentRuntime call; the caller reads and closes the response body. */
public interface Invoker {

    AuthMode authMode();

    InvocationResponse invoke(InvocationRequest request) throws InvocationFailure, TokenException;
}
