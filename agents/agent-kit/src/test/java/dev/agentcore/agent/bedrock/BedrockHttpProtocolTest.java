package dev.agentcore.agent.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.agentcore.agent.Agent;
import dev.agentcore.agent.model.ModelException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model's own client against a server that speaks HTTP/1.1 only (the JDK's, as the local AgentCore's AWS gateway
 * is): ConverseStream's event stream arrives over HTTP/1.1 whether the plain {@code http://} endpoint is the builder's
 * or one the SDK resolves itself ({@code aws.endpointUrlBedrockRuntime}, the system property of
 * {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}). With the SDK's default (HTTP/2 with prior knowledge) the call fails with
 * "First received frame was not SETTINGS". And a stream that goes quiet fails after the read timeout.
 */
class BedrockHttpProtocolTest {

    private static final String MODEL_ID = "us.anthropic.claude-test-v1:0";
    private static HttpServer server;
    private static final List<String> protocols = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        byte[] frames = new EventStreamFrames().start().text(0, "Hello ", "over HTTP/1.1").stop("end_turn", 3, 4).bytes();
        byte[] opening = new EventStreamFrames().start().bytes();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            protocols.add(exchange.getProtocol());
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                if (exchange.getRequestURI().getPath().contains("quiet")) {
                    out.write(opening); // then nothing, as a model that stalls
                    out.flush();
                    Thread.sleep(15_000);
                } else {
                    out.write(frames);
                }
            } catch (InterruptedException | IOException e) {
                // the client gave up on the quiet model: what the test wants
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void aPlainHttpEndpointOverrideIsCalledOverHttp11() {
        protocols.clear();
        BedrockConverseModel model = BedrockConverseModel.builder().modelId(MODEL_ID).region("us-east-1")
                .endpointOverride(endpoint()).build();

        assertThat(Agent.builder().model(model).build().invoke("Hi").text()).isEqualTo("Hello over HTTP/1.1");
        assertThat(protocols).containsExactly("HTTP/1.1");
        assertThat(model.description()).endsWith(", endpoint " + endpoint() + " over HTTP/1.1");
    }

    @Test
    void aPlainHttpEndpointTheSdkResolvesFromTheEnvironmentIsCalledOverHttp11() {
        protocols.clear();
        System.setProperty("aws.endpointUrlBedrockRuntime", endpoint().toString());
        try {
            BedrockConverseModel model = BedrockConverseModel.builder().modelId(MODEL_ID).region("us-east-1").build();

            assertThat(Agent.builder().model(model).build().invoke("Hi").text()).isEqualTo("Hello over HTTP/1.1");
            assertThat(protocols).containsExactly("HTTP/1.1");
            assertThat(model.description()).endsWith(", endpoint " + endpoint() + " over HTTP/1.1");
        } finally {
            System.clearProperty("aws.endpointUrlBedrockRuntime");
        }
    }

    /**
     * The model used to build a client to ask the SDK for the endpoint, close it and build another; closing Netty's
     * event loops waited out their 2 s quiet period, which every session with the endpoint in its environment (the
     * local AgentCore's sessions, the first-event benchmark) paid before its first answer.
     */
    @Test
    void aModelWhoseEndpointOnlyTheSdkKnowsBuildsOneClient() {
        System.setProperty("aws.endpointUrlBedrockRuntime", endpoint().toString());
        try {
            int before = ClientBuildCounter.BUILT.get();
            BedrockConverseModel model = BedrockConverseModel.builder().modelId(MODEL_ID).region("us-east-1").build();

            assertThat(ClientBuildCounter.BUILT.get() - before).as("SDK clients built").isEqualTo(1);
            assertThat(Agent.builder().model(model).build().invoke("Hi").text()).isEqualTo("Hello over HTTP/1.1");
        } finally {
            System.clearProperty("aws.endpointUrlBedrockRuntime");
        }
    }

    /**
     * Why agent-kit keeps Netty although the AWS CRT client brought the first event sooner (docs/benchmarks.md,
     * section first-event): with the CRT client's closest setting (a minimum throughput of 1 byte/s for the read
     * timeout) this stream still hung until the server gave up, 15 s later.
     */
    @Test
    void aStreamThatGoesQuietForTheReadTimeoutFails() {
        BedrockConverseModel model = BedrockConverseModel.builder().modelId("quiet-model").region("us-east-1")
                .endpointOverride(endpoint()).readTimeout(Duration.ofSeconds(2)).build();

        long started = System.nanoTime();
        Throwable error = catchThrowable(() -> Agent.builder().model(model).build().invoke("Hi"));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        assertThat(error).isInstanceOf(ModelException.class).hasMessageContaining("quiet-model");
        assertThat(seconds).as("seconds until the quiet stream failed (with the SDK's retries)").isBetween(1L, 12L);
    }

    @Test
    void awsAndHttpsEndpointsKeepTheSdksDefaultProtocol() {
        assertThat(BedrockHttpProtocol.forEndpoint(null)).isEqualTo(BedrockHttpProtocol.SDK_DEFAULT);
        assertThat(BedrockHttpProtocol.forEndpoint(URI.create("https://bedrock-runtime.us-east-1.amazonaws.com")))
                .isEqualTo(BedrockHttpProtocol.SDK_DEFAULT);
        assertThat(BedrockHttpProtocol.forEndpoint(URI.create("HTTP://localhost:8080")))
                .isEqualTo(BedrockHttpProtocol.HTTP_1_1);
        assertThat(BedrockConverseModel.builder().region("us-east-1").build().description())
                .isEqualTo("Amazon Bedrock ConverseStream, model " + BedrockConverseModel.DEFAULT_MODEL_ID
                        + ", region us-east-1");
    }
}
