package dev.agentcore.client.invoke;

import dev.agentcore.client.runtime.EndpointOrigin;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentcore.client.auth.TokenSource;
import dev.agentcore.client.diagnosis.Diagnostician;
import dev.agentcore.client.diagnosis.FailureContext;
import dev.agentcore.client.diagnosis.RuntimeDirectory;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.ServerProtocol;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A loopback server (WireMock) answers 409 RetryableConflictException and then 200: the client sends the call
 * again by itself, says so, and diagnoses the 409 only when every attempt found the session busy.
 */
class RetryingInvokerTest {

    static final RuntimeArn ARN = RuntimeArn.parse("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345");
    static final String PATH = "/runtimes/" + ARN.urlEncoded() + "/invocations";

    static WireMockServer aws;
    final List<String> notices = new ArrayList<>();
    final List<Duration> waits = new ArrayList<>();

    @BeforeAll
    static void start() {
        aws = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        aws.start();
    }

    @AfterAll
    static void stop() {
        aws.stop();
    }

    @BeforeEach
    void reset() {
        aws.resetAll();
    }

    static ResponseDefinitionBuilder busy() {
        return aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "RetryableConflictException")
                .withBody("{\"message\":\"Session operation in progress, please retry\"}");
    }

    /** 409 {@code busyTimes} times, then 200. */
    static void busyThenOk(int busyTimes) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= busyTimes; i++) {
            aws.stubFor(post(urlPathEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(state)
                    .willReturn(busy()).willSetStateTo("busy " + i));
            state = "busy " + i;
        }
        aws.stubFor(post(urlPathEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\":1}")));
    }

    RetryingInvoker retrying(Invoker invoker) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), new Random(7), d -> {
            waits.add(d);
            Thread.sleep(d);
        });
        return new RetryingInvoker(invoker, policy, (failure, attempt, max, wait) ->
                notices.add(failure.status() + " attempt " + attempt + " of " + max));
    }

    InvocationRequest request() {
        return InvocationRequest.json(InvocationTarget.at(ARN, "DEFAULT", URI.create(aws.baseUrl()), EndpointOrigin.flag("--endpoint-url")),
                "{\"prompt\":\"hi\"}");
    }

    @Test
    void aBusySessionIsRetriedAndTheSecondAnswerIsReturned() throws Exception {
        busyThenOk(1);
        Invoker bearer = new BearerInvoker(HttpClient.newHttpClient(), TokenSource.fixed("a.b.c", "--token"));

        try (InvocationResponse response = retrying(bearer).invoke(request())) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":1}");
        }
        aws.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(notices).containsExactly("409 attempt 2 of 3");
        assertThat(waits).singleElement().satisfies(w -> assertThat(w.toMillis()).isBetween(10L, 20L));
    }

    @Test
    void theSdkInvokerIsRetriedTheSameWay() throws Exception {
        busyThenOk(2);
        try (SigV4Invoker sdk = SigV4Invoker.builder(Region.US_EAST_1).endpointOverride(URI.create(aws.baseUrl()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .timeout(Duration.ofSeconds(5)).build();
             InvocationResponse response = retrying(sdk).invoke(request())) {
            assertThat(response.status()).isEqualTo(200);
        }
        aws.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(notices).containsExactly("409 attempt 2 of 3", "409 attempt 3 of 3");
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(20)).isLessThanOrEqualTo(Duration.ofMillis(40));
    }

    @Test
    void aSessionBusyThroughEveryAttemptIsDiagnosedWithTheCount() {
        busyThenOk(5);
        Invoker bearer = BearerInvoker.unauthenticated(HttpClient.newHttpClient());

        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> retrying(bearer).invoke(request()));

        aws.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.authMode()).isEqualTo(AuthMode.NONE);
        Diagnosis diagnosis = new Diagnostician(RuntimeDirectory.none("off"), Clock.systemUTC())
                .diagnose(FailureContext.builder(failure, request().target()).protocol(ServerProtocol.HTTP)
                        .timeout(Duration.ofSeconds(5)).build());
        assertThat(diagnosis.category()).isEqualTo(FailureCategory.THROTTLED);
        assertThat(diagnosis.causes().getFirst().ruleId()).isEqualTo("AC640");
        assertThat(diagnosis.causes().getFirst().cause()).contains("through 3 attempts");
    }

    @Test
    void otherFailuresAreNeverSentTwice() throws IOException {
        // A 500 may have run agent code already: sending it again could run it twice.
        aws.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("x-amzn-ErrorType", "InternalServerException").withBody("{\"message\":\"boom\"}")));
        Invoker bearer = BearerInvoker.unauthenticated(HttpClient.newHttpClient());

        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> retrying(bearer).invoke(request()));

        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.attempts()).isEqualTo(1);
        aws.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(notices).isEmpty();
    }

    @Test
    void delaysGrowExponentiallyWithJitterUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(1), new Random(1), d -> { });
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delayAfter(1).toMillis()).isBetween(100L, 200L);
            assertThat(policy.delayAfter(2).toMillis()).isBetween(200L, 400L);
            assertThat(policy.delayAfter(5).toMillis()).isBetween(500L, 1000L);
        }
        assertThat(RetryPolicy.busySessions().maxAttempts()).isEqualTo(3);
    }
}
