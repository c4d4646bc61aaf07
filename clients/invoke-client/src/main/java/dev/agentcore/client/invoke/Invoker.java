package dev.agentcore.client.invoke;

import dev.agentcore.client.report.DiagnosedException;

/** Sends one InvokeAgentRuntime call; the caller reads and closes the response body. */
public interface Invoker {

    AuthMode authMode();

    /**
     * @throws InvocationFailure  the call failed (an error response, or none at all); diagnose it
     * @throws DiagnosedException no request was sent (no token, no credentials); the diagnosis is ready
     */
    InvocationResponse invoke(InvocationRequest request) throws InvocationFailure, DiagnosedException;
}
