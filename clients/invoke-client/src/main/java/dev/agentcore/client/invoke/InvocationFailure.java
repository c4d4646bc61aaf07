package dev.agentcore.client.invoke;

import dev.agentcore.client.http.AwsError;
import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.http.TransportProblem;
import java.util.Optional;

/**
 * A call that failed, with everything a diagnosis needs: the request as sent (redacted), and either the error
 * response or the transport problem that prevented one.
 */
public final class InvocationFailure extends Exception {

    private final AuthMode authMode;
    private final transient RequestView request;
    private final transient ResponseView response;
    private final TransportProblem transportProblem;
    private final transient AwsError error;
    private final int attempts;

    private InvocationFailure(String message, AuthMode authMode, RequestView request, ResponseView response,
                              TransportProblem transportProblem, AwsError error, Throwable cause, int attempts) {
        super(message, cause);
        this.authMode = authMode;
        this.request = request;
        this.response = response;
        this.transportProblem = transportProblem;
        this.error = error;
        this.attempts = attempts;
    }

    public static InvocationFailure response(AuthMode mode, RequestView request, ResponseView response, AwsError error) {
        String message = "HTTP " + response.status() + (error.type() == null ? "" : " " + error.type())
                + error.messageText().map(m -> ": " + m).orElse("");
        return new InvocationFailure(message, mode, request, response, null, error, null, 1);
    }

    public static InvocationFailure response(AuthMode mode, RequestView request, ResponseView response) {
        return response(mode, request, response, AwsError.from(response));
    }

    public static InvocationFailure transport(AuthMode mode, RequestView request, Throwable cause) {
        TransportProblem problem = TransportProblem.of(cause);
        return new InvocationFailure(problem.text() + " calling " + request.uri().getAuthority(), mode, request, null,
                problem, null, cause, 1);
    }

    public AuthMode authMode() {
        return authMode;
    }

    public RequestView request() {
        return request;
    }

    public Optional<ResponseView> httpResponse() {
        return Optional.ofNullable(response);
    }

    public Optional<TransportProblem> transportProblem() {
        return Optional.ofNullable(transportProblem);
    }

    public Optional<AwsError> error() {
        return Optional.ofNullable(error);
    }

    /** The same failure, after the client sent the call {@code attempts} times (it retries busy sessions itself). */
    public InvocationFailure afterAttempts(int attempts) {
        InvocationFailure again = new InvocationFailure(getMessage(), authMode, request, response, transportProblem, error,
                getCause(), attempts);
        again.setStackTrace(getStackTrace());
        return again;
    }

    /** How many times the call was sent; 1 unless it was retried. */
    public int attempts() {
        return attempts;
    }

    public int status() {
        return response == null ? 0 : response.status();
    }
}
