package dev.agentcore.local.auth;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the AWS SDK for Java's own SigV4 signer, as the messages the authenticator reads. */
final class SdkSigner {

    static final String SERVICE = "bedrock-agentcore";
    static final String REGION = "us-east-1";

    private SdkSigner() {
    }

    /** A request as signed: method, URI, headers (the signer adds Host, X-Amz-Date, Authorization...) and body. */
    record Signed(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

        SignedMessage message() {
            return new SignedMessage(method, uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                    headers, () -> body);
        }

        Signed withBody(String text) {
            return new Signed(method, uri, headers, text.getBytes(StandardCharsets.UTF_8));
        }

        Signed withHeader(String name, String value) {
            Map<String, List<String>> changed = new LinkedHashMap<>(headers);
            changed.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            changed.put(name, List.of(value));
            return new Signed(method, uri, changed, body);
        }

        Signed withUri(URI other) {
            return new Signed(method, other, headers, body);
        }
    }

    static Signed sign(AwsCredentialsIdentity credentials, String method, URI uri, Map<String, String> headers,
                       String body, Clock clock) {
        return sign(credentials, method, uri, headers, body, clock, r -> { });
    }

    static Signed sign(AwsCredentialsIdentity credentials, String method, URI uri, Map<String, String> headers,
                       String body, Clock clock,
                       Consumer<SignRequest.Builder<AwsCredentialsIdentity>> more) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(unsigned::putHeader);
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(credentials)
                    .request(unsigned.build())
                    .payload(() -> new ByteArrayInputStream(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock);
            more.accept(r);
        });
        return new Signed(method, signed.request().getUri(), signed.request().headers(), payload);
    }

    /** A presigned URL (query-string auth), valid for {@code lifetime}. */
    static Signed presign(AwsCredentialsIdentity credentials, URI uri, Duration lifetime, Clock clock) {
        return sign(credentials, "GET", uri, Map.of(), "", clock, r -> r
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, lifetime));
    }
}
