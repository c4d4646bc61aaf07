package dev.agentcore.runtime.core;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The AgentCore header allowlist rules, as the Python SDK applies them ({@code is_forwardable_header}):
 * not a restricted name, no {@code x-amz-*} except the identity WAT header, and no {@code x-amzn-*}
 * except the {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-} prefix.
 */
final class ForwardableHeaders {

    private static final String CUSTOM_PREFIX = "x-amzn-bedrock-agentcore-runtime-custom-";
    private static final String IDENTITY_WAT = "x-amz-bedrock-agentcore-identity-wat";

    // From the runtime header allowlist page (runtime-header-allowlist.html), lower-cased.
    private static final Set<String> RESTRICTED = Stream.of(
                    "Proxy-Authorization", "WWW-Authenticate",
                    "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Content-Type",
                    "Content-Length", "Content-Encoding", "Content-Language", "Content-Location", "Content-Range",
                    "Cache-Control", "ETag", "Expires", "If-Match", "If-Modified-Since", "If-None-Match",
                    "If-Range", "If-Unmodified-Since", "Last-Modified", "Pragma", "Vary",
                    "Connection", "Keep-Alive", "Proxy-Connection", "Upgrade",
                    "Host", "User-Agent", "Referer", "From",
                    "Range", "Accept-Ranges", "Transfer-Encoding", "TE", "Trailer",
                    "Server", "Date", "Location", "Retry-After",
                    "Set-Cookie", "Cookie",
                    "Content-Security-Policy", "Content-Security-Policy-Report-Only", "Strict-Transport-Security",
                    "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "Referrer-Policy",
                    "Permissions-Policy", "Cross-Origin-Embedder-Policy", "Cross-Origin-Opener-Policy",
                    "Cross-Origin-Resource-Policy",
                    "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
                    "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers", "Access-Control-Max-Age",
                    "Access-Control-Request-Method", "Access-Control-Request-Headers", "Origin",
                    "Accept-CH", "Accept-CH-Lifetime", "DPR", "Width", "Viewport-Width", "Downlink", "ECT", "RTT",
                    "Save-Data",
                    "Clear-Site-Data", "Feature-Policy", "Expect-CT", "Public-Key-Pins", "Public-Key-Pins-Report-Only",
                    "Via", "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP",
                    "X-Requested-With", "X-CSRF-Token",
                    "True-Client-IP", "X-Client-IP", "X-Cluster-Client-IP", "X-Originating-IP", "X-Source-IP",
                    "X-Original-URL", "X-Original-Host", "X-Rewrite-URL",
                    "CF-Ray", "CF-Connecting-IP", "X-Amz-Cf-Id", "X-Cache", "X-Served-By",
                    ":method", ":path", ":scheme", ":authority", ":status",
                    "Link",
                    "Sec-WebSocket-Key", "Sec-WebSocket-Accept", "Sec-WebSocket-Version", "Sec-WebSocket-Protocol",
                    "Sec-WebSocket-Extensions")
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private ForwardableHeaders() {
    }

    static boolean isForwardable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESTRICTED.contains(lower)) {
            return false;
        }
        if (lower.startsWith("x-amz-")) {
            return lower.equals(IDENTITY_WAT);
        }
        return !lower.startsWith("x-amzn-") || lower.startsWith(CUSTOM_PREFIX);
    }
}
