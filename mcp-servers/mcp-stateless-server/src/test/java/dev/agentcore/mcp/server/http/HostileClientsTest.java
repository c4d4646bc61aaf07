package dev.agentcore.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.server.TestMcpServerApplication;
import dev.agentcore.mcp.server.tools.BoundedText;
import dev.agentcore.mcp.testing.RawMcpHttp;

/**
 * Bounded reproductions of a hostile-input review (issue 12), against the library's defaults: slow bodies, a flood
 * of unexpected argument keys, look-alike Accept headers, lone surrogates, a tools/call without a name.
 */
@SpringBootTest(classes = TestMcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "mcp.server.request-body-timeout=2s"})
@ExtendWith(OutputCaptureExtension.class)
class HostileClientsTest {

    private static final String UPPER = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"upper\",\"arguments\":{\"text\":\"abc\"}}}";

    @LocalServerPort
    int port;

    RawMcpHttp mcp;

    @BeforeEach
    void connect() {
        mcp = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/mcp"));
    }

    /** 250 clients dribbling their bodies at a byte a second took Tomcat's 200 platform worker threads. */
    @Test
    void slowBodiesNeitherStarveValidCallsNorHoldTheirConnectionPastTheBodyTimeout() throws Exception {
        int slowClients = 250;
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();
        try {
            String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Accept: " + RawMcpHttp.ACCEPT + "\r\nContent-Length: 1000\r\n\r\n{";
            for (int i = 0; i < slowClients; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            dribbler.scheduleAtFixedRate(() -> sockets.forEach(HostileClientsTest::sendOneSpace), 500, 1000,
                    TimeUnit.MILLISECONDS);
            Thread.sleep(1000);

            long started = System.nanoTime();
            RawMcpHttp.Reply reply = CompletableFuture.supplyAsync(() -> mcp.post(UPPER)).get(5, TimeUnit.SECONDS);

            assertThat(reply.json().at("/result/structuredContent/text").asString()).isEqualTo("ABC");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            // Each slow client is answered 408 once its body is 2 s late (the test's request-body-timeout).
            String answer = readAnswer(sockets.get(0));
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":-32000", "2 s").doesNotContain("<");
        }
        finally {
            dribbler.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** A 7 MB tools/call with 500,000 unexpected keys answered a 51 MB error and logged a 51 MB line. */
    @Test
    void aFloodOfUnexpectedArgumentsGetsAShortErrorAndAShortLogLine(CapturedOutput output) {
        StringBuilder arguments = new StringBuilder("{\"text\":\"abc\"");
        for (int i = 0; i < 500_000; i++) {
            arguments.append(",\"k").append(i).append("\":1");
        }
        arguments.append('}');
        String body = UPPER.replace("{\"text\":\"abc\"}", arguments);

        RawMcpHttp.Reply reply = mcp.post(body);

        assertThat(reply.json().at("/result/isError").asBoolean()).isTrue();
        String text = reply.json().at("/result/content/0/text").asString();
        assertThat(text).contains("upper", "500000 unexpected arguments", "k0", "expected: text");
        assertThat(reply.body().length()).isLessThan(2_000);
        assertThat(output.getAll().lines().mapToInt(String::length).max().orElse(0)).isLessThan(2_000);
    }

    @Test
    void everyErrorTextIsBoundedWhateverTheValidatorSays() {
        String huge = "x".repeat(100_000);
        assertThat(BoundedText.of(huge, 500)).hasSizeLessThan(560).endsWith("(99500 more characters)");
        assertThat(BoundedText.of("short", 500)).isEqualTo("short");
    }

    @Test
    void acceptIsMatchedByMediaTypeNotBySubstring() {
        RawMcpHttp.Reply lookAlike = mcp.send(mcp.request(mcp.endpoint()).header("Content-Type", "application/json")
                .header("Accept", "application/jsonx, text/event-streamy").POST(HttpRequest.BodyPublishers.ofString(UPPER)));
        RawMcpHttp.Reply withParameters = mcp.send(mcp.request(mcp.endpoint()).header("Content-Type", "application/json")
                .header("Accept", "Application/JSON;q=0.9 , text/event-stream;q=0.5")
                .POST(HttpRequest.BodyPublishers.ofString(UPPER)));

        assertThat(lookAlike.status()).isEqualTo(406);
        assertThat(withParameters.status()).isEqualTo(200);
    }

    @Test
    void aLoneSurrogateIsRefusedNotTurnedIntoAQuestionMark() {
        RawMcpHttp.Reply reply = mcp.post(UPPER.replace("abc", "a\\ud800b"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(reply.json().at("/error/message").asString()).contains("unpaired surrogate", "\\ud800");
        assertThat(reply.json().path("id").asInt()).isEqualTo(1);
    }

    @Test
    void aToolCallWithoutANameSaysSoAndAnUnknownToolIsNamed() {
        RawMcpHttp.Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}");
        RawMcpHttp.Reply unknown = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"shout\"}}");

        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(reply.json().at("/error/message").asString())
                .isEqualTo("Invalid params for tools/call: \"name\" is required (a string naming the tool)");
        assertThat(unknown.json().at("/error/message").asString()).isEqualTo("Unknown tool: shout");
    }

    @Test
    void paramsOfTheWrongShapeAreDescribedInJsonTermsNeverJavaTypes() {
        RawMcpHttp.Reply reply = mcp.post("""
                {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"upper","arguments":["a"]}}""");

        assertThat(reply.json().at("/error/message").asString())
                .isEqualTo("Invalid params for tools/call: \"arguments\" must be an object, not an array")
                .doesNotContain("java.");
    }

    private static void sendOneSpace(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        }
        catch (IOException e) {
            // The server closed it: what the body timeout is for.
        }
    }

    /** What the server sent until it closed the connection (or the socket's read timeout). */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        try {
            for (int b; (b = in.read()) != -1; ) {
                answer.append((char) b);
            }
        }
        catch (IOException e) {
            answer.append("\n<").append(e.getMessage()).append('>');
        }
        return answer.toString();
    }
}
