package dev.agentcore.agent.bedrock;

import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

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

    /**
     * HTTP/1.1 also without the service's ALPN negotiation, which means nothing without TLS and which Netty prepares
     * for as it is built (docs/benchmarks.md, section first-event).
     */
    NettyNioAsyncHttpClient.Builder apply(NettyNioAsyncHttpClient.Builder http) {
        return this == HTTP_1_1 ? http.protocol(Protocol.HTTP1_1).protocolNegotiation(ProtocolNegotiation.ASSUME_PROTOCOL)
                : http;
    }
}
