package dev.agentcore.client.mcp;

import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.TokenException;
import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.invoke.MissingCredentials;
import dev.agentcore.client.invoke.RetryListener;
import dev.agentcore.client.invoke.RetryPolicy;
import dev.agentcore.client.report.DiagnosedException;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.runtime.SessionId;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An MCP runtime through the MCP Java SDK's client, over the AgentCore invoke URL (or a local container's /mcp).
 * Every HTTP request carries the runtime session id, the custom headers and the authentication; every failure
 * comes back as an {@link InvocationFailure} with the exact request and response, or as an {@link McpCallException}
 * when the server answered with a JSON-RPC error.
 */
public final class McpRuntimeClient implements AutoCloseable {

    private final McpSyncClient client;
    private final ExchangeRecorder recorder;
    private final RequestAuthenticator authenticator;
    private final InvocationTarget target;
    private McpSchema.InitializeResult serverInfo;

    private McpRuntimeClient(McpSyncClient client, ExchangeRecorder recorder, RequestAuthenticator authenticator,
                             InvocationTarget target) {
        this.client = client;
        this.recorder = recorder;
        this.authenticator = authenticator;
        this.target = target;
    }

    /** Connects and runs the MCP initialize handshake; busy sessions are retried silently (see {@link Builder}). */
    public static McpRuntimeClient connect(InvocationTarget target, RequestAuthenticator authenticator,
                                           SessionId sessionId, Map<String, String> customHeaders, Duration timeout)
            throws InvocationFailure, DiagnosedException, McpCallException {
        return builder(target, authenticator).sessionId(sessionId).customHeaders(customHeaders).timeout(timeout).connect();
    }

    /** A client for {@code target}; the rest has defaults (a new session, no custom headers, 60s, busy sessions retried). */
    public static Builder builder(InvocationTarget target, RequestAuthenticator authenticator) {
        return new Builder(target, authenticator);
    }

    public static final class Builder {
        private final InvocationTarget target;
        private final RequestAuthenticator authenticator;
        private SessionId sessionId = SessionId.generate();
        private Map<String, String> customHeaders = Map.of();
        private Duration timeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.busySessions();
        private RetryListener retryListener = RetryListener.silent();

        private Builder(InvocationTarget target, RequestAuthenticator authenticator) {
            this.target = target;
            this.authenticator = authenticator;
        }

        public Builder sessionId(SessionId sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** Full header names, see {@code CustomHeaders.normalize}. */
        public Builder customHeaders(Map<String, String> customHeaders) {
            this.customHeaders = Map.copyOf(customHeaders);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** How a message refused because the session was busy (409 RetryableConflictException) is sent again. */
        public Builder retries(RetryPolicy policy, RetryListener listener) {
            this.retryPolicy = policy;
            this.retryListener = listener;
            return this;
        }

        /** Connects and runs the MCP initialize handshake. */
        public McpRuntimeClient connect() throws InvocationFailure, DiagnosedException, McpCallException {
            return McpRuntimeClient.connect(this);
        }
    }

    private static McpRuntimeClient connect(Builder b) throws InvocationFailure, DiagnosedException, McpCallException {
        InvocationTarget target = b.target;
        RequestAuthenticator authenticator = b.authenticator;
        SessionId sessionId = b.sessionId;
        Map<String, String> customHeaders = b.customHeaders;
        Duration timeout = b.timeout;
        ExchangeRecorder recorder = new ExchangeRecorder(b.retryPolicy, b.retryListener, authenticator.mode());
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(target.baseUri().toString())
                .endpoint(endpointPath(target))
                .clientBuilder(recorder.clientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)))
                .connectTimeout(timeout)
                .openConnectionOnStartup(false)
                .httpRequestCustomizer((builder, method, uri, body, context) -> {
                    builder.setHeader(SessionId.HEADER, sessionId.value());
                    customHeaders.forEach(builder::setHeader);
                    try {
                        authenticator.authenticate(builder, method, uri, body);
                    } catch (TokenException e) {
                        throw new TokenUnavailable(e);
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(timeout)
                .initializationTimeout(timeout)
                .clientInfo(new McpSchema.Implementation("agentcore-invoke", "0.1.0"))
                .build();
        McpRuntimeClient runtime = new McpRuntimeClient(client, recorder, authenticator, target);
        runtime.serverInfo = runtime.call(client::initialize);
        return runtime;
    }

    /** The invoke URL's path and query, under the path of an --endpoint-url like https://proxy.example/agentcore. */
    private static String endpointPath(InvocationTarget target) {
        java.net.URI uri = target.invocationUri();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public McpSchema.InitializeResult serverInfo() {
        return serverInfo;
    }

    /** Every tool, following pagination cursors. */
    public List<McpSchema.Tool> listTools() throws InvocationFailure, DiagnosedException, McpCallException {
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            McpSchema.ListToolsResult result = call(() -> page == null ? client.listTools() : client.listTools(page));
            tools.addAll(result.tools());
            cursor = result.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return tools;
    }

    public McpSchema.CallToolResult callTool(String name, Map<String, Object> arguments)
            throws InvocationFailure, DiagnosedException, McpCallException {
        return call(() -> client.callTool(new McpSchema.CallToolRequest(name, arguments)));
    }

    /** The token sent, for a diagnosis. */
    public Optional<BearerToken> token() throws TokenException {
        return authenticator.token();
    }

    private <T> T call(Supplier<T> operation) throws InvocationFailure, DiagnosedException, McpCallException {
        recorder.reset();
        try {
            return operation.get();
        } catch (RuntimeException e) {
            TokenUnavailable token = find(e, TokenUnavailable.class);
            if (token != null) {
                throw token.tokenException();
            }
            var missingCredentials = MissingCredentials.from(e);
            if (missingCredentials.isPresent()) {
                throw missingCredentials.get();
            }
            Optional<ExchangeRecorder.Exchange> error = recorder.firstError();
            if (error.isPresent()) {
                InvocationFailure failure = InvocationFailure.response(authenticator.mode(), error.get().request(),
                        error.get().response());
                throw error.get().attempts() > 1 ? failure.afterAttempts(error.get().attempts()) : failure;
            }
            McpError rpc = find(e, McpError.class);
            if (rpc != null && rpc.getJsonRpcError() != null && find(e, IOException.class) == null) {
                throw new McpCallException(rpc.getJsonRpcError().code(), rpc.getJsonRpcError().message(), e);
            }
            var request = recorder.lastRequest().orElse(new dev.agentcore.client.http.RequestView("POST",
                    target.invocationUri(), Map.of()));
            if (TransportProblem.of(e) == TransportProblem.IO && find(e, IOException.class) == null) {
                throw new McpCallException(0, McpError.aggregateExceptionMessages(e), e);
            }
            throw InvocationFailure.transport(authenticator.mode(), request, e);
        }
    }

    private static <X extends Throwable> X find(Throwable error, Class<X> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    /** Carries a TokenException through the SDK's unchecked customizer. */
    private static final class TokenUnavailable extends RuntimeException {
        TokenUnavailable(TokenException cause) {
            super(cause.getMessage(), cause);
        }

        TokenException tokenException() {
            return (TokenException) getCause();
        }
    }
}
