package dev.agentcore.sdk.control;

import java.util.Optional;

// Drop when the SDK's bedrockagentcorecontrol module has metadataConfiguration (served here only up to 2.40.3)
/** The raw body of one request's last response, kept by {@link MetadataConfigurationInterceptor}. */
final class ResponseCapture {

    private record Recorded(int statusCode, byte[] body) {
    }

    // Retries record again; the SDK returns (or throws) on the last attempt, so the last one recorded is the answer.
    private volatile Recorded last;

    void record(int statusCode, byte[] body) {
        last = new Recorded(statusCode, body.clone());
    }

    /** The body of the last 2xx response, if there was one. */
    Optional<byte[]> successfulBody() {
        Recorded r = last;
        return r != null && r.statusCode() / 100 == 2 ? Optional.of(r.body().clone()) : Optional.empty();
    }
}
