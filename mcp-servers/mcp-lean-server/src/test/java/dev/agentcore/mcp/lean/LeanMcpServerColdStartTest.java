package dev.agentcore.mcp.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.mcp.testing.RawMcpHttp;
import dev.agentcore.mcp.testing.RawMcpHttp.Reply;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the server starts: it listens before its tools are made, answers {@code initialize} meanwhile exactly as it
 * does afterwards, holds every other message until the tools are there, and still fails on a bad tool.
 */
class LeanMcpServerColdStartTest {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"cold-start-test","version":"1"}}}""";
    private static final String TOOLS_LIST = """
            {"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

    private LeanMcpServer server;
    private Thread runner;
    private final AtomicReference<Throwable> runFailure = new AtomicReference<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (runner != null) {
            runner.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    @Test
    void initializeIsAnsweredWhileTheToolsAreMadeAsItIsAfterwardsAndToolsListWaitsForThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int port = freePort();
        server = LeanMcpServer.builder().serverInfo("cold", "1.2.3").host(loopback()).port(port)
                .tools(json -> {
                    await(release);
                    return List.of(toolSpec(tool("ping-tool")));
                })
                .build();
        RawMcpHttp mcp = runInBackground(port);

        Reply early = mcp.post(INITIALIZE);
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.json().at("/result/serverInfo/name").asString()).isEqualTo("cold");
        assertThat(early.json().at("/result/capabilities/tools").isObject()).isTrue();

        CompletableFuture<Reply> list = CompletableFuture.supplyAsync(() -> mcp.post(TOOLS_LIST));
        Thread.sleep(300);
        assertThat(list).as("tools/list waits until the tools are made").isNotDone();

        release.countDown();
        Reply tools = list.get(15, TimeUnit.SECONDS);
        assertThat(tools.status()).isEqualTo(200);
        assertThat(tools.json().at("/result/tools/0/name").asString()).isEqualTo("ping-tool");

        Reply late = mcp.post(INITIALIZE);
        assertThat(late.json()).as("the same answer from the server with the tools").isEqualTo(early.json());
    }

    @Test
    void runMakesTheToolsOnlyOnceTheFirstClientHasBeenAnswered() throws Exception {
        AtomicInteger made = new AtomicInteger();
        int port = freePort();
        server = LeanMcpServer.builder().host(loopback()).port(port)
                .tools(json -> {
                    made.incrementAndGet();
                    return List.of(toolSpec(tool("ping-tool")));
                })
                .build();
        RawMcpHttp mcp = runInBackground(port);

        assertThat(made).as("nothing has asked yet").hasValue(0);
        assertThat(mcp.post(INITIALIZE).status()).isEqualTo(200);
        Reply tools = mcp.post(TOOLS_LIST);
        assertThat(tools.json().at("/result/tools/0/name").asString()).isEqualTo("ping-tool");
        assertThat(made).hasValue(1);
    }

    @Test
    void aServerNobodyCallsStillMakesItsToolsAndFailsOnABadOneWithinTheGrace() throws Exception {
        server = LeanMcpServer.builder().host(loopback()).port(freePort())
                .tools(json -> List.of(toolSpec(toolWithSchema("broken", Map.of("type", 5)))))
                .build();
        long started = System.nanoTime();

        assertThatThrownBy(server::run).isInstanceOf(IllegalArgumentException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(LeanMcpServer.FEATURES_AT_THE_LATEST.plusSeconds(5));
        assertThat(listening(server.port())).as("the port is closed again").isFalse();
    }

    @Test
    void startThrowsWhatMakingTheToolsThrowsAndClosesThePort() throws Exception {
        int port = freePort();
        server = LeanMcpServer.builder().host(loopback()).port(port)
                .tool(toolSpec(tool("twice")))
                .tools(json -> List.of(toolSpec(tool("twice"))))
                .build();

        assertThatThrownBy(server::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThat(listening(port)).as("the port is closed again").isFalse();
    }

    @Test
    void aMessageWaitingForToolsThatCouldNotBeMadeIsRefusedWithAJsonRpcError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int port = freePort();
        server = LeanMcpServer.builder().host(loopback()).port(port)
                .tools(json -> {
                    await(release);
                    throw new IllegalStateException("no tools today");
                })
                .build();
        RawMcpHttp mcp = runInBackground(port);

        CompletableFuture<Reply> list = CompletableFuture.supplyAsync(() -> mcp.post(TOOLS_LIST));
        Thread.sleep(200);
        release.countDown();
        Reply refused = list.get(15, TimeUnit.SECONDS);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().at("/id").asInt()).isEqualTo(2);
        assertThat(refused.json().at("/error/code").asInt()).isEqualTo(JsonRpcRefusals.SERVER_ERROR);
        runner.join(TimeUnit.SECONDS.toMillis(15));
        assertThat(runFailure.get()).isInstanceOf(IllegalStateException.class).hasMessage("no tools today");
    }

    /** Runs the server as a process does and waits until it listens (probing with a GET, which it refuses). */
    private RawMcpHttp runInBackground(int port) throws InterruptedException {
        runner = Thread.ofPlatform().name("lean-mcp-run").start(() -> {
            try {
                server.run();
            } catch (RuntimeException e) {
                runFailure.set(e);
            }
        });
        RawMcpHttp mcp = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/mcp"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!listening(port)) {
            assertThat(System.nanoTime()).as("listening on " + port).isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(mcp.send(mcp.request(mcp.endpoint()).GET()).status()).isEqualTo(405);
        return mcp;
    }

    /**
     * Whether a server listens on the port. With nothing listening, a connection to a port of the ephemeral range can
     * still succeed, to itself, when the system picks that same port as its local end: that one does not count.
     */
    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return socket.getLocalPort() != port;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    private static Tool tool(String name) {
        return toolWithSchema(name, Map.of("type", "object", "properties", Map.of()));
    }

    private static Tool toolWithSchema(String name, Map<String, Object> inputSchema) {
        return Tool.builder().name(name).description("a tool for tests").inputSchema(inputSchema).build();
    }

    private static SyncToolSpecification toolSpec(Tool tool) {
        return SyncToolSpecification.builder().tool(tool).callHandler((context, request) -> ok()).build();
    }

    private static CallToolResult ok() {
        return CallToolResult.builder().addTextContent("ok").build();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(15, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
