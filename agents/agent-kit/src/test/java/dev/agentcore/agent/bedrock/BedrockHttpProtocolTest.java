package dev.agentcore.agent.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.agentcore.agent.Agent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model's own client against a server that speaks HTTP/1.1 only (the JDK's, as the local AgentCore's AWS gateway
 * is): ConverseStream's event stream arrives over HTTP/1.1 whether the plain {@code http://} endpoint is the builder's
 * or one the SDK resolves itself ({@code aws.endpointUrlBedrockRuntime}, the system property of
 * {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}). With the SDK's default (HTTP/2 with prior knowledge) the call fails with
 * "First received frame was not SETTINGS".
 */
class BedrockHttpProtocolTest {

    private static final String MODEL_ID = "us.anthropic.claude-test-v1:0";
    private static HttpServer server;
    private static final List<String> protocols = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        byte[] frames = new EventStreamFrames().start().text(0, "Hello ", "over HTTP/1.1").stop("end_turn", 3, 4).bytes();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            protocols.add(exchange.getProtocol());
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(frames);
            }
        });
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
