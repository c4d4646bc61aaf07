package dev.agentcore.client.invoke;

import dev.agentcore.client.report.DiagnosedException;
import java.time.Duration;

/**
 * An invoker that sends a call again when AgentCore says the session was busy (see {@link RetryPolicy#retryable}),
 * up to the policy's attempts, and tells its listener before each wait. When the attempts run out, the last failure
 * is thrown with the number of attempts, for the diagnosis.
 */
public final class RetryingInvoker implements Invoker {

    private final Invoker delegate;
    private final RetryPolicy policy;
    private final RetryListener listener;

    public RetryingInvoker(Invoker delegate, RetryPolicy policy, RetryListener listener) {
        this.delegate = delegate;
        this.policy = policy;
        this.listener = listener;
    }

    @Override
    public AuthMode authMode() {
        return delegate.authMode();
    }

    @Override
    public InvocationResponse invoke(InvocationRequest request) throws InvocationFailure, DiagnosedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.invoke(request);
            } catch (InvocationFailure failure) {
                if (!RetryPolicy.retryable(failure) || attempt >= policy.maxAttempts()) {
                    throw attempt == 1 ? failure : failure.afterAttempts(attempt);
                }
                Duration wait = policy.delayAfter(attempt);
                listener.retrying(failure, attempt + 1, policy.maxAttempts(), wait);
                try {
                    policy.sleeper().sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure.afterAttempts(attempt);
                }
            }
        }
    }
}
