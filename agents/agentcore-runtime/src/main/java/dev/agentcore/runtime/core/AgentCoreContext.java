package dev.agentcore.runtime.core;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What AgentCore Runtime tells the agent about one invocation, the counterpart of the Python SDK's
 * {@code RequestContext} and {@code BedrockAgentCoreContext}.
 *
 * @param sessionId           {@code X-Amzn-Bedrock-AgentCore-Runtime-Session-Id}, or {@code null}
 * @param requestId           {@code X-Amzn-Bedrock-AgentCore-Runtime-Request-Id}, generated when absent
 * @param requestHeaders      the headers the platform may forward to agent code: {@code Authorization}
 *                            (under that exact key), the {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-*}
 *                            prefix and other names the allowlist rules permit; looked up case-insensitively
 * @param workloadAccessToken the workload access token the runtime injected, or {@code null}
 * @param oauth2CallbackUrl   {@code OAuth2CallbackUrl} for three-legged OAuth flows, or {@code null}
 */
public record AgentCoreContext(
        String sessionId,
        String requestId,
        Map<String, String> requestHeaders,
        String workloadAccessToken,
        String oauth2CallbackUrl) {

    public static final String SESSION_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
    public static final String REQUEST_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Request-Id";
    public static final String WORKLOAD_ACCESS_TOKEN_HEADER = "WorkloadAccessToken";
    public static final String IDENTITY_WAT_HEADER = "X-Amz-Bedrock-AgentCore-Identity-WAT";
    public static final String OAUTH2_CALLBACK_URL_HEADER = "OAuth2CallbackUrl";
    public static final String CUSTOM_HEADER_PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";

    // The context of the invocation the current thread serves; set by the starter around the handler.
    private static final ThreadLocal<AgentCoreContext> CURRENT = new ThreadLocal<>();

    public AgentCoreContext {
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (requestHeaders != null) {
            headers.putAll(requestHeaders);
        }
        requestHeaders = Collections.unmodifiableMap(headers);
    }

    /** A forwarded header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(requestHeaders.get(name));
    }

    /** The custom headers ({@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-*}), with their full names. */
    public Map<String, String> customHeaders() {
        TreeMap<String, String> custom = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String prefix = CUSTOM_HEADER_PREFIX.toLowerCase(Locale.ROOT);
        requestHeaders.forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                custom.put(name, value);
            }
        });
        return Collections.unmodifiableMap(custom);
    }

    /**
     * The context of the invocation being served on this thread, for code that cannot take it as a
     * parameter (tools, model clients). Empty outside an invocation and on threads the handler starts.
     */
    public static Optional<AgentCoreContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes this the {@linkplain #current() current} context until the returned scope is closed. */
    public Scope makeCurrent() {
        AgentCoreContext previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Restores the previous context when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
