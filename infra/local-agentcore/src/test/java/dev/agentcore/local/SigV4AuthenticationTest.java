package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/** The control plane's front door: SigV4 for bedrock-agentcore in the service's region, or AWS's 403s. */
class SigV4AuthenticationTest {

    static LocalAgentCore agentCore;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        agentCore = LocalFixture.start();
    }

    @AfterAll
    static void stop() {
        agentCore.close();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request signed by the SDK's own SigV4 signer, for {@code service} in {@code region}, at {@code clock}. */
    HttpRequest.Builder signed(String service, String region, Clock clock) {
        URI uri = agentCore.endpoint().resolve("/runtimes/");
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(LocalFixture.ACCESS_KEY, LocalFixture.SECRET_KEY))
                .request(unsigned)
                .payload(() -> new ByteArrayInputStream(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request;
    }

    @Test
    void anUnsignedRequestIsMissingItsAuthenticationToken() throws Exception {
        var response = send(HttpRequest.newBuilder(agentCore.endpoint().resolve("/runtimes/"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void aPathNoOperationServesAnswersLikeTheFrontDoor() throws Exception {
        var response = send(signed("bedrock-agentcore", "us-east-1", Clock.systemUTC()).uri(agentCore.endpoint().resolve("/agents/")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void aRequestSignedByTheSdkSignerPasses() throws Exception {
        var response = send(signed("bedrock-agentcore", "us-east-1", Clock.systemUTC()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"agentRuntimes\":[");
    }

    @Test
    void theWrongServiceIsRefused() throws Exception {
        var response = send(signed("execute-api", "us-east-1", Clock.systemUTC()));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(response.body()).contains("Credential should be scoped to correct service: 'bedrock-agentcore'. ");
    }

    @Test
    void anOldSignatureHasExpired() throws Exception {
        Clock twentyMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), java.time.ZoneOffset.UTC);
        var response = send(signed("bedrock-agentcore", "us-east-1", twentyMinutesAgo));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(response.body()).contains("Signature expired: ");
    }

    @Test
    void aBearerTokenIsNotASignature() throws Exception {
        var response = send(HttpRequest.newBuilder(agentCore.endpoint().resolve("/runtimes/"))
                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("IncompleteSignatureException");
        assertThat(response.body()).contains("Authorization header requires 'Credential' parameter.")
                .doesNotContain("eyJhbGciOiJSUzI1NiJ9");
    }

    @Test
    void theSdkSigningForAnotherRegionIsRefused() {
        var builder = BedrockAgentCoreControlClient.builder();
        LocalFixture.configure(builder, agentCore, Region.EU_WEST_1);
        try (var client = builder.build()) {
            var e = catchThrowableOfType(AwsServiceException.class, () -> client.listAgentRuntimes(r -> r.maxResults(1)));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Credential should be scoped to a valid region, not 'eu-west-1'. ");
        }
    }
}
