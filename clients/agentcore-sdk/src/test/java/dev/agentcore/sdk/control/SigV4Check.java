package dev.agentcore.sdk.control;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Recomputes, with the SDK's own SigV4 signer, the Authorization header a request should carry for a given body:
 * same method, path, signed headers and signing time as the request the server received.
 */
final class SigV4Check {

    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,\\s]+)");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4Check() {
    }

    /** The Authorization header the SDK's signer computes for {@code received} if its body had been {@code body}. */
    static String authorizationFor(LoopbackControlPlane.Received received, URI endpoint, byte[] body) {
        String authorization = received.header("Authorization");
        Matcher m = SIGNED_HEADERS.matcher(authorization);
        if (!m.find()) {
            throw new AssertionError("no SignedHeaders in " + authorization);
        }
        Instant signedAt = Instant.from(AMZ_DATE.parse(received.header("X-Amz-Date")));
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(received.method().toUpperCase(Locale.ROOT)))
                .uri(endpoint.resolve(received.path()));
        for (String name : m.group(1).split(";")) {
            if (!name.equals("host") && !name.equals("x-amz-date")) {
                request.putHeader(name, received.headers().get(name));
            }
        }
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(LoopbackControlPlane.ACCESS_KEY, LoopbackControlPlane.SECRET_KEY))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock-agentcore")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, LoopbackControlPlane.REGION.id())
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request()
                .firstMatchingHeader("Authorization")
                .orElseThrow();
    }
}
