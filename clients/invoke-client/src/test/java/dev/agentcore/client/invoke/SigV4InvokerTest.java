package dev.agentcore.client.invoke;

import dev.agentcore.client.runtime.EndpointOrigin;
import dev.agentcore.core.runtime.ServerProtocol;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentcore.client.diagnosis.Diagnostician;
import dev.agentcore.client.diagnosis.FailureContext;
import dev.agentcore.client.diagnosis.RuntimeDirectory;
import dev.agentcore.client.output.ResponsePrinter;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.DiagnosisReport;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.SessionId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The SigV4 path is the real AWS SDK client, pointed at WireMock. */
class SigV4InvokerTest {

    static final RuntimeArn ARN = RuntimeArn.parse("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345");
    static final String PATH = "/runtimes/" + ARN.urlEncoded() + "/invocations";

    static WireMockServer aws;
    static SigV4Invoker invoker;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        aws.start();
        invoker = SigV4Invoker.builder(Region.US_EAST_1).endpointOverride(URI.create(aws.baseUrl()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG")))
                .timeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        invoker.close();
        aws.stop();
    }

    @BeforeEach
    void reset() {
        aws.resetAll();
    }

    InvocationRequest request(String qualifier) {
        return InvocationRequest.builder(InvocationTarget.at(ARN, qualifier, URI.create(aws.baseUrl()), EndpointOrigin.flag("--endpoint-url")))
                .payload("{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8))
                .sessionId(new SessionId("conversation-0000000000000000000000001"))
                .customHeaders(Map.of("Tenant", "acme")).timeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void signsWithSigV4AndStreamsTheEvents() throws Exception {
        aws.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withHeader(SessionId.HEADER, "conversation-0000000000000000000000001")
                .withBody("data: \"Hel\"\n\ndata: \"lo\"\n\ndata: {\"done\":true}\n\n")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InvocationResponse response = invoker.invoke(request("dev"))) {
            assertThat(response.sessionId()).isEqualTo("conversation-0000000000000000000000001");
            new ResponsePrinter(new PrintStream(out, true, StandardCharsets.UTF_8), false).print(response);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Hello\n{\"done\":true}\n");
        aws.verify(postRequestedFor(urlEqualTo(PATH + "?qualifier=dev"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/us-east-1/bedrock-agentcore/aws4_request, .*"))
                .withHeader(SessionId.HEADER, equalTo("conversation-0000000000000000000000001"))
                .withHeader("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", equalTo("acme"))
                .withRequestBody(equalTo("{\"prompt\":\"hi\"}")));
    }

    @Test
    void aStreamThatPausesLongerThanTheTimeoutAfterItStartedIsNotCutOff() throws Exception {
        // --timeout is how long to wait for the answer to start; an agent may think longer between two events.
        // WireMock cannot send the first event before a pause, so a plain socket plays the data plane here.
        try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread agent = Thread.ofVirtual().start(() -> {
                try (var socket = server.accept()) {
                    var in = new java.io.DataInputStream(socket.getInputStream());
                    int length = 0;
                    for (String line; !(line = readLine(in)).isEmpty(); ) {
                        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            length = Integer.parseInt(line.substring(15).strip());
                        }
                    }
                    in.readNBytes(length);
                    var out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + chunk("data: \"Hel\"\n\n")).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(2500);
                    out.write((chunk("data: \"lo\"\n\n") + "0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            URI endpoint = URI.create("http://127.0.0.1:" + server.getLocalPort());
            try (SigV4Invoker quick = SigV4Invoker.builder(Region.US_EAST_1).endpointOverride(endpoint)
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                    .timeout(Duration.ofSeconds(1)).build();
                 InvocationResponse response = quick.invoke(InvocationRequest.builder(InvocationTarget.at(ARN, InvocationTarget.DEFAULT_QUALIFIER, endpoint, EndpointOrigin.flag("--endpoint-url")))
                         .payload("{}".getBytes(StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(1)).build())) {
                new ResponsePrinter(new PrintStream(out, true, StandardCharsets.UTF_8), false).print(response);
            }
            agent.join();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Hello\n");
        }
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
    }

    private static String readLine(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void anAnswerThatDoesNotStartWithinTheTimeoutIsATimeout() {
        aws.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        try (SigV4Invoker quick = SigV4Invoker.builder(Region.US_EAST_1).endpointOverride(URI.create(aws.baseUrl()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .timeout(Duration.ofSeconds(1)).build()) {
            InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> quick.invoke(request("DEFAULT")));
            assertThat(failure).isNotNull();
            assertThat(failure.transportProblem()).contains(dev.agentcore.client.http.TransportProblem.TIMEOUT);
        }
    }

    @Test
    void methodMismatchOnAnOAuthRuntimeSaysToSendABearerToken() {
        aws.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withHeader("x-amzn-RequestId", "sig-req-1")
                .withBody("{\"message\":\"Authorization method mismatch. The agent is configured for a different authorization method than what was used in your request. (OAuth or SigV4)\"}")));

        Diagnosis diagnosis = diagnose(request("DEFAULT"));

        assertThat(diagnosis.summary()).contains("403 AccessDeniedException").contains("Authorization method mismatch");
        assertThat(diagnosis.causes().getFirst().cause()).contains("configured for OAuth").contains("signed with SigV4");
        assertThat(diagnosis.causes().getFirst().nextStep()).contains("--token");
        String verbose = DiagnosisReport.render(diagnosis, true);
        assertThat(verbose).contains("request id:  sig-req-1").contains("Credential=AKID…/")
                .doesNotContain("AKIDEXAMPLE").contains("auth:        SigV4 (IAM)");
    }

    @Test
    void accessDeniedForTheCallerNamesBothArnsToGrant() {
        aws.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"message\":\"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime\"}")));

        Diagnosis diagnosis = diagnose(request("DEFAULT"));

        assertThat(diagnosis.causes()).anySatisfy(c -> assertThat(c.nextStep())
                .contains(ARN.toString()).contains(ARN.endpointArn("DEFAULT")).contains("sts get-caller-identity"));
    }

    @Test
    void connectionRefusedThroughTheSdkIsANetworkDiagnosis() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SigV4Invoker offline = SigV4Invoker.builder(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .timeout(Duration.ofSeconds(2)).build()) {
            InvocationRequest request = InvocationRequest.builder(InvocationTarget.at(ARN, InvocationTarget.DEFAULT_QUALIFIER, URI.create("http://127.0.0.1:" + closedPort), EndpointOrigin.environmentVariable("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE")))
                    .payload(new byte[0]).timeout(Duration.ofSeconds(2)).build();
            InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> offline.invoke(request));
            Diagnosis diagnosis = new Diagnostician(RuntimeDirectory.none("off"), Clock.systemUTC())
                    .diagnose(FailureContext.builder(failure, request.target()).protocol(ServerProtocol.HTTP)
                            .timeout(Duration.ofSeconds(2)).build());
            assertThat(diagnosis.summary()).startsWith("connection refused");
            assertThat(diagnosis.causes().getFirst().cause()).contains("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE");
        }
    }

    @Test
    void noCredentialsIsDiagnosedWithoutSendingAnything() {
        try (SigV4Invoker noCredentials = SigV4Invoker.builder(Region.US_EAST_1)
                .endpointOverride(URI.create(aws.baseUrl())).credentials(() -> {
            throw software.amazon.awssdk.core.exception.SdkClientException.create(
                    "Unable to load credentials from any of the providers in the chain");
        }).timeout(Duration.ofSeconds(2)).build()) {
            var e = catchThrowableOfType(dev.agentcore.client.report.DiagnosedException.class,
                    () -> noCredentials.invoke(request("DEFAULT")));
            assertThat(e.diagnosis().category()).isEqualTo(dev.agentcore.client.report.FailureCategory.AUTH);
            assertThat(e.diagnosis().causes().getFirst().nextStep()).contains("aws sts get-caller-identity");
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    private Diagnosis diagnose(InvocationRequest request) {
        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> invoker.invoke(request));
        assertThat(failure).isNotNull();
        return new Diagnostician(RuntimeDirectory.none("lookups off"), Clock.systemUTC())
                .diagnose(FailureContext.builder(failure, request.target()).protocol(ServerProtocol.HTTP)
                        .timeout(request.timeout()).build());
    }
}
