package dev.agentcore.agent.bedrock;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The Netty client of a Bedrock client whose endpoint only the SDK knows ({@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME},
 * {@code AWS_ENDPOINT_URL}, their system properties, the profile's {@code endpoint_url}): the SDK client is built
 * with this one, resolves the endpoint, and then {@link #connectTo} builds the Netty client with the protocol that
 * endpoint needs ({@link BedrockHttpProtocol}). Both are built once. Asking the SDK with a first client and closing it
 * waited out its Netty event loops' 2 s quiet period, which a session paid before its first model event
 * (docs/benchmarks.md, section first-event).
 */
final class DeferredNettyClient implements SdkAsyncHttpClient {

    private final NettyNioAsyncHttpClient.Builder netty;
    private AttributeMap serviceDefaults = AttributeMap.empty(); // guarded by this
    private SdkAsyncHttpClient client; // guarded by this
    private boolean closed; // guarded by this

    DeferredNettyClient(NettyNioAsyncHttpClient.Builder netty) {
        this.netty = netty;
    }

    /** What the SDK client's builder takes: it hands this client the service's HTTP defaults (HTTP/2 for Bedrock). */
    SdkAsyncHttpClient.Builder<?> builder() {
        return new Handle(this);
    }

    /** Builds the Netty client for the endpoint the SDK resolved; null is AWS's own. */
    synchronized void connectTo(URI endpoint) {
        build(BedrockHttpProtocol.forEndpoint(endpoint));
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        SdkAsyncHttpClient http;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the Bedrock client is closed"));
            }
            // connectTo ran unless the SDK client was built elsewhere: the request's own scheme decides then.
            http = build(BedrockHttpProtocol.forScheme(request.request().protocol()));
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

    private SdkAsyncHttpClient build(BedrockHttpProtocol protocol) {
        if (client == null) {
            client = protocol.apply(netty).buildWithDefaults(serviceDefaults);
        }
        return client;
    }

    private synchronized void serviceDefaults(AttributeMap defaults) {
        this.serviceDefaults = defaults;
    }

    private record Handle(DeferredNettyClient client) implements SdkAsyncHttpClient.Builder<Handle> {
        @Override
        public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            client.serviceDefaults(serviceDefaults);
            return client;
        }
    }
}
