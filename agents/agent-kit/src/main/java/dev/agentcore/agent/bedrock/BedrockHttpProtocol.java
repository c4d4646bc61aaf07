package dev.agentcore.agent.bedrock;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Which HTTP protocol the Bedrock client speaks to its endpoint. The SDK's Bedrock runtime client asks for HTTP/2
 * (with TLS ALPN) by default; on a plain {@code http://} endpoint that means HTTP/2 with prior knowledge (h2c),
 * which servers that speak HTTP/1.1 only (the local AgentCore's AWS gateway, proxies, most local model servers)
 * answer with an HTTP/1.1 error, so the SDK fails with "First received frame was not SETTINGS". ConverseStream's
 * event stream is a response stream, which the SDK reads over HTTP/1.1 as well (only bidirectional streams need
 * HTTP/2), so plain {@code http://} gets HTTP/1.1 and AWS keeps the SDK's default.
 */
enum BedrockHttpProtocol {

    /** The SDK's default for the service: HTTP/2, negotiated by ALPN over TLS. */
    SDK_DEFAULT,
    HTTP_1_1;

    /** HTTP/1.1 for a plain {@code http://} endpoint; the SDK's default for {@code https://} and for AWS (none). */
    static BedrockHttpProtocol forEndpoint(URI endpoint) {
        return endpoint != null ? forScheme(endpoint.getScheme()) : SDK_DEFAULT;
    }

    static BedrockHttpProtocol forScheme(String scheme) {
        return scheme != null && "http".equals(scheme.toLowerCase(Locale.ROOT)) ? HTTP_1_1 : SDK_DEFAULT;
    }

    NettyNioAsyncHttpClient.Builder apply(NettyNioAsyncHttpClient.Builder http) {
        return this == HTTP_1_1 ? http.protocol(Protocol.HTTP1_1) : http;
    }

    /**
     * For an endpoint only the SDK knows ({@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}, {@code AWS_ENDPOINT_URL}, their
     * system properties, the profile's {@code endpoint_url}): the Netty client is built at the first request, with
     * the protocol its URL's scheme needs, so that the Bedrock client is built once. Asking the SDK first meant
     * building a client, and closing its Netty event loops waits out their 2 s quiet period: 2.2 s more to a
     * session's first model event (docs/benchmarks.md, section first-event).
     */
    static SdkAsyncHttpClient.Builder<?> followingTheEndpoint(NettyNioAsyncHttpClient.Builder netty) {
        return new SchemeFollowingBuilder(netty);
    }

    private record SchemeFollowingBuilder(NettyNioAsyncHttpClient.Builder netty)
            implements SdkAsyncHttpClient.Builder<SchemeFollowingBuilder> {
        @Override
        public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new SchemeFollowingClient(netty, serviceDefaults);
        }
    }

    /** All of one SDK client's requests go to one endpoint, so the first request's scheme decides. */
    private static final class SchemeFollowingClient implements SdkAsyncHttpClient {
        private final NettyNioAsyncHttpClient.Builder netty;
        private final AttributeMap serviceDefaults;
        private SdkAsyncHttpClient client; // guarded by this
        private boolean closed; // guarded by this

        SchemeFollowingClient(NettyNioAsyncHttpClient.Builder netty, AttributeMap serviceDefaults) {
            this.netty = netty;
            this.serviceDefaults = serviceDefaults;
        }

        @Override
        public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
            SdkAsyncHttpClient http;
            synchronized (this) {
                if (closed) {
                    return CompletableFuture.failedFuture(new IllegalStateException("the Bedrock client is closed"));
                }
                if (client == null) {
                    client = forScheme(request.request().protocol()).apply(netty).buildWithDefaults(serviceDefaults);
                }
                http = client;
            }
            return http.execute(request);
        }

        @Override
        public String clientName() {
            return "NettyNio";
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (client != null) {
                client.close();
            }
        }
    }
}
