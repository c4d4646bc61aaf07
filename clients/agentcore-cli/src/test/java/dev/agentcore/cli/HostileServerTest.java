package dev.agentcore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentcore.client.Jwts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * agentcore-invoke end to end against servers on loopback that misbehave: they stall, break off, send endless
 * lines or no event stream at all, and echo the credentials they were sent. Every run is bounded in time.
 */
class HostileServerTest {

    static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    Cli.Result run(LoopbackServer server, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "agent";
        all[1] = "--local";
        all[2] = server.url();
        System.arraycopy(args, 0, all, 3, args.length);
        return assertTimeoutPreemptively(BOUND, () -> new Cli(Map.of(), dir).run(all));
    }

    @Test
    void aStreamThatStallsEndsAfterTheIdleLimitWithADiagnosisAndExitEight() throws Exception {
        try (var server = new LoopbackServer((request, out) -> {
            LoopbackServer.head(out, 200, "text/event-stream", "Transfer-Encoding: chunked\r\n");
            LoopbackServer.chunk(out, "data: \"hello\"\n\n");
            Thread.sleep(BOUND.toMillis());
        })) {
            long started = System.nanoTime();
            Cli.Result result = run(server, "{}", "--timeout", "3", "--idle-timeout", "1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.NETWORK);
            assertThat(result.out()).isEqualTo("hello\n");
            assertThat(result.err()).contains("broke off after 1 event").contains("nothing arrived for 1s")
                    .contains("[AC191]").doesNotContain("Exception");
        }
    }

    @Test
    void aBodyThatBreaksOffIsExitEightWithADiagnosisNotAnIOException() throws Exception {
        try (var server = new LoopbackServer((request, out) -> {
            LoopbackServer.head(out, 200, "application/json", "Content-Length: 100\r\n");
            out.write("{\"a\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
        })) {
            Cli.Result result = run(server, "{}");
            assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.NETWORK);
            assertThat(result.err()).contains("[AC192]").doesNotContain("IOException");
        }
    }

    @Test
    void aLineWithoutAnEndIsRefusedAtTheBoundNotBufferedUntilTheHeapRunsOut() throws Exception {
        try (var server = new LoopbackServer((request, out) -> {
            LoopbackServer.head(out, 200, "text/event-stream", "Transfer-Encoding: chunked\r\n");
            String block = "x".repeat(64 * 1024);
            LoopbackServer.chunk(out, "data: ");
            for (int i = 0; i < 1000; i++) { // 64 MB at most, far past the 8 Mi-character bound
                LoopbackServer.chunk(out, block);
            }
        })) {
            Cli.Result result = run(server, "{}");
            assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.FAILED);
            assertThat(result.err()).contains("[AC194]").contains("a line passed 8388608 characters");
        }
    }

    @Test
    void aBodyThatIsNoEventStreamIsSaidSoNotCalledABrokenConnection() throws Exception {
        try (var server = new LoopbackServer((request, out) ->
                LoopbackServer.complete(out, 200, "text/event-stream", "\u0000\u00ff garbage {{{ not sse\n\n"))) {
            Cli.Result result = run(server, "{}");
            assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.FAILED);
            assertThat(result.err()).contains("[AC193]").contains("is not an SSE field").doesNotContain("connection broke");
        }
    }

    @Test
    void rawOutputStillExitsFiveWhenTheStreamEndsWithAnErrorEvent() throws Exception {
        String stream = "data: \"partial\"\n\ndata: {\"error\":\"boom\",\"error_type\":\"ValueError\",\"message\":\"x\"}\n\n";
        try (var server = new LoopbackServer((request, out) -> LoopbackServer.complete(out, 200, "text/event-stream", stream))) {
            Cli.Result result = run(server, "{}", "--raw");
            assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.RUNTIME_ERROR);
            assertThat(result.out()).isEqualTo(stream);
            assertThat(result.err()).contains("the agent reported an error in its stream: boom");
        }
    }

    @Test
    void theDocumentedAtFilePayloadIsSentAsThePayload() throws Exception {
        Files.writeString(dir.resolve("payload.json"), "{\"prompt\": \"from a file\"}\n");
        try (var server = new LoopbackServer((request, out) -> LoopbackServer.complete(out, 200, "application/json", "{}"))) {
            // Relative to the working directory, and by an absolute path (picocli resolved @-files itself, against
            // the process's directory, and read their content as options).
            Cli.Result result = run(server, "@payload.json");
            assertThat(result.exit()).as(result.err()).isZero();
            Cli.Result absolute = run(server, "@" + dir.resolve("payload.json"));
            assertThat(absolute.exit()).as(absolute.err()).isZero();
            assertThat(new String(server.requests().getLast().body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"prompt\": \"from a file\"}\n");
            assertThat(new String(server.requests().getFirst().body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"prompt\": \"from a file\"}\n");
        }
    }

    @Test
    void aServerThatEchoesTheAuthorizationHeaderNeverGetsTheTokenPrintedWhole() throws Exception {
        String token = Jwts.accessToken(Instant.now().plusSeconds(3600));
        String opaque = "opaque-token-7f3k9q2m8x1v5b6n4z0p";
        try (var server = new LoopbackServer((request, out) -> {
            String auth = request.header("Authorization");
            String bare = auth.substring("Bearer ".length());
            if (new String(request.body(), StandardCharsets.UTF_8).contains("ok")) {
                LoopbackServer.complete(out, 200, "text/event-stream",
                        "data: \"you sent " + bare + "\"\n\ndata: {\"header\":\"" + auth + "\"}\n\n");
            } else {
                LoopbackServer.complete(out, 401, "application/json",
                        "{\"message\":\"bad token: " + auth + "\",\"token\":\"" + bare + "\"}");
            }
        })) {
            for (String secret : new String[] {token, opaque}) {
                for (String[] args : new String[][] {{"{}", "--token", secret}, {"{}", "--token", secret, "--verbose"},
                        {"{}", "--token", secret, "--debug"}, {"{\"ok\":1}", "--token", secret, "--raw"},
                        {"{\"ok\":1}", "--token", secret}}) {
                    Cli.Result result = run(server, args);
                    String printed = result.out() + result.err();
                    assertThat(printed).as(String.join(" ", args)).contains(secret.substring(0, 8))
                            .doesNotContain(secret).doesNotContain(secret.substring(8));
                }
            }
        }
    }

    @Test
    void anUnsignedTokenIsFlagged() {
        String unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4eHh4eHh4eCIsInRva2VuX3VzZSI6ImFjY2VzcyJ9.";
        Cli.Result result = new Cli(Map.of(), dir).run("token", "--token", unsigned);
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("not signed: its header says alg: none").doesNotContain(unsigned);
    }
}
