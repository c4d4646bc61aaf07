package dev.agentcore.client.invoke;

import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.TokenException;
import dev.agentcore.client.auth.TokenSource;
import dev.agentcore.client.http.IdleTimeoutInputStream;
import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.core.runtime.SessionId;
import java.util.Objects;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * InvokeAgentRuntime with an OAuth bearer token over plain HTTPS; the AWS SDK cannot send bearer tokens.
 * {@code POST /runtimes/{URL-encoded ARN}/invocations?qualifier=...} with {@code Authorization: Bearer}.
 * {@link #unauthenticated} sends no Authorization header: for a runtime container running locally.
 */
public final class BearerInvoker implements Invoker {

    static final String USER_AGENT = "agentcore-invoke/0.1 (java.net.http)";

    private final HttpClient http;
    private final TokenSource tokens;

    public BearerInvoker(HttpClient http, TokenSource tokens) {
        this(http, Objects.requireNonNull(tokens, "tokens; for no Authorization header use unauthenticated(http)"),
                true);
    }

    private BearerInvoker(HttpClient http, TokenSource tokens, boolean authenticated) {
        this.http = http;
        this.tokens = authenticated ? tokens : null;
    }

    /** Sends no Authorization header: for a runtime container running locally. */
    public static BearerInvoker unauthenticated(HttpClient http) {
        return new BearerInvoker(http, null, false);
    }

    @Override
    public AuthMode authMode() {
        return tokens == null ? AuthMode.NONE : AuthMode.BEARER;
    }

    /** The token this invoker sends; the diagnosis decodes its claims. */
    public java.util.Optional<BearerToken> currentToken() throws TokenException {
        return tokens == null ? java.util.Optional.empty() : java.util.Optional.of(tokens.token());
    }

    @Override
    public InvocationResponse invoke(InvocationRequest request) throws InvocationFailure, TokenException {
        BearerToken token = tokens == null ? null : tokens.token();
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.target().invocationUri())
                .timeout(request.timeout())
                .header("Content-Type", request.contentType())
                .header("Accept", request.accept())
                .header("User-Agent", USER_AGENT)
                .header(SessionId.HEADER, request.sessionId().value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.payload()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token.value());
        }
        request.customHeaders().forEach(builder::header);
        HttpRequest httpRequest = builder.build();
        RequestView view = new RequestView("POST", httpRequest.uri(), httpRequest.headers().map());
        HttpResponse<InputStream> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw InvocationFailure.transport(authMode(), view, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InvocationFailure.transport(authMode(), view, e);
        }
        if (response.statusCode() / 100 == 2) {
            return new InvocationResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue(SessionId.HEADER).orElse(request.sessionId().value()),
                    response.headers().map(), IdleTimeoutInputStream.wrap(response.body(), request.idleTimeout(),
                            () -> closeQuietly(response.body())));
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(ResponseView.MAX_BODY + 1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "(the body could not be read: " + e.getMessage() + ")";
        }
        throw InvocationFailure.response(authMode(), view,
                new ResponseView(response.statusCode(), response.headers().map(), body));
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // aborting a stalled body: the reader is told by the idle timeout, not by this
        }
    }
}
