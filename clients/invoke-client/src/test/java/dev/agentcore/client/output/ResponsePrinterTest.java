package dev.agentcore.client.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentcore.client.invoke.InvocationResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsePrinterTest {

    static String print(String contentType, String body, boolean raw, ResponsePrinter.Outcome[] outcome) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvocationResponse response = new InvocationResponse(200, contentType, "s", Map.of(),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        ResponsePrinter.Outcome result = new ResponsePrinter(new PrintStream(out, true, StandardCharsets.UTF_8), raw).print(response);
        if (outcome != null) {
            outcome[0] = result;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void streamedTokensPrintAsTextAndObjectsAsLines() throws Exception {
        ResponsePrinter.Outcome[] outcome = new ResponsePrinter.Outcome[1];
        String text = print("text/event-stream; charset=utf-8",
                "data: \"Hel\"\n\n: keep-alive\n\ndata:\"lo \\u00e9\"\n\nevent: x\ndata: {\"a\":1,\ndata: \"b\":2}\n\n", false, outcome);
        assertThat(text).isEqualTo("Hello é\n{\"a\":1,\"b\":2}\n");
        assertThat(outcome[0].events()).isEqualTo(3);
        assertThat(outcome[0].agentError()).isNull();
    }

    @Test
    void eachEventIsPrintedAsSoonAsItArrives() throws Exception {
        java.io.PipedOutputStream agent = new java.io.PipedOutputStream();
        java.io.PipedInputStream body = new java.io.PipedInputStream(agent);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvocationResponse response = new InvocationResponse(200, "text/event-stream", "s", Map.of(), body);
        Thread printer = Thread.ofVirtual().start(() -> {
            try {
                new ResponsePrinter(new PrintStream(out, true, StandardCharsets.UTF_8), false).print(response);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        agent.write("data: \"first\"\n\n".getBytes(StandardCharsets.UTF_8));
        agent.flush();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!out.toString(StandardCharsets.UTF_8).equals("first") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).as("printed while the stream is still open").isEqualTo("first");
        agent.write("data: \" second\"\n\n".getBytes(StandardCharsets.UTF_8));
        agent.close();
        printer.join();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first second\n");
    }

    @Test
    void anErrorEventAtTheEndOfAStreamIsReported() throws Exception {
        ResponsePrinter.Outcome[] outcome = new ResponsePrinter.Outcome[1];
        print("text/event-stream", "data: \"partial\"\n\ndata: {\"error\":\"boom\",\"error_type\":\"ValueError\","
                + "\"message\":\"An error occurred during streaming\"}\n\n", false, outcome);
        assertThat(outcome[0].agentError()).isEqualTo("boom");
    }

    @Test
    void jsonIsPrettyPrintedAndRawIsUntouched() throws Exception {
        assertThat(print("application/json", "{\"result\":{\"text\":\"hi\"}}", false, null))
                .contains("\"result\" : {").contains("\n");
        assertThat(print("application/json", "{\"result\":1}", true, null)).isEqualTo("{\"result\":1}");
        assertThat(print("text/event-stream", "data: \"x\"\n\n", true, null)).isEqualTo("data: \"x\"\n\n");
        assertThat(print("text/plain", "plain", false, null)).isEqualTo("plain");
    }

    static final ResponseLimits SMALL = new ResponseLimits(1024, 64, 10_000);

    /** A body that never ends: {@code prefix}, then {@code filler} forever. */
    static java.io.InputStream endless(String prefix, char filler) {
        byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
        return new java.io.InputStream() {
            long sent;

            @Override
            public int read() {
                return sent < start.length ? start[(int) sent++] : filler;
            }
        };
    }

    static BrokenStreamException broken(String contentType, java.io.InputStream body, boolean raw, ByteArrayOutputStream out) {
        InvocationResponse response = new InvocationResponse(200, contentType, "s", Map.of(), body);
        return catchThrowableOfType(BrokenStreamException.class,
                () -> new ResponsePrinter(new PrintStream(out, true, StandardCharsets.UTF_8), raw, SMALL).print(response));
    }

    @Test
    void aLineWithoutAnEndIsRefusedAtTheBound() {
        BrokenStreamException e = broken("text/event-stream", endless("data: \"ok\"\n\ndata: ", 'x'), false, new ByteArrayOutputStream());
        assertThat(e.problem()).isEqualTo(BrokenStream.Problem.EVENT_TOO_LONG);
        assertThat(e.at(dev.agentcore.client.runtime.InvocationTarget.direct(java.net.URI.create("http://localhost:8080/invocations"),
                dev.agentcore.client.runtime.EndpointOrigin.flag("--local"))).diagnosis().summary())
                .startsWith("the answer from local runtime http://localhost:8080/invocations broke off after 1 event (")
                .contains("a line passed 1024 characters");
    }

    @Test
    void anEndlessJsonBodyIsPrintedAsItComesAndEndsAtTheBodyLimit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BrokenStreamException e = broken("application/json", endless("{\"a\":\"", 'y'), false, out);
        assertThat(e.problem()).isEqualTo(BrokenStream.Problem.TOO_LARGE);
        assertThat(out.size()).as("printed, not held").isEqualTo(10_000);
        assertThat(broken("application/octet-stream", endless("", 'z'), true, new ByteArrayOutputStream()).problem())
                .isEqualTo(BrokenStream.Problem.TOO_LARGE);
    }

    @Test
    void aBodyThatBreaksOffIsTruncatedNotAnUnexpectedError() {
        java.io.InputStream breaksOff = new java.io.SequenceInputStream(
                new ByteArrayInputStream("data: \"par".getBytes(StandardCharsets.UTF_8)), new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("closed");
                    }
                });
        BrokenStreamException e = broken("text/event-stream", breaksOff, false, new ByteArrayOutputStream());
        assertThat(e.problem()).isEqualTo(BrokenStream.Problem.TRUNCATED);
    }

    @Test
    void aBodyThatIsNoEventStreamIsRefusedNotPrintedAsNothing() {
        BrokenStreamException e = broken("text/event-stream",
                new ByteArrayInputStream("<html>502 Bad Gateway</html>\n".getBytes(StandardCharsets.UTF_8)), false,
                new ByteArrayOutputStream());
        assertThat(e.problem()).isEqualTo(BrokenStream.Problem.NOT_AN_EVENT_STREAM);
        assertThat(e.getMessage()).contains("line 1: '<html>502 Bad Gateway</html>' is not an SSE field");
    }

    @Test
    void aStreamThatGoesSilentEndsAfterTheIdleLimit() throws Exception {
        java.io.PipedOutputStream agent = new java.io.PipedOutputStream();
        java.io.PipedInputStream pipe = new java.io.PipedInputStream(agent);
        agent.write("data: \"first\"\n\n".getBytes(StandardCharsets.UTF_8));
        agent.flush();
        var body = dev.agentcore.client.http.IdleTimeoutInputStream.wrap(pipe, java.time.Duration.ofMillis(300), () -> { });
        long started = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BrokenStreamException e = broken("text/event-stream", body, false, out);
        assertThat(e.problem()).isEqualTo(BrokenStream.Problem.STALLED);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first\n");
        assertThat(Thread.interrupted()).as("no interrupt left behind").isFalse();
        agent.close();
    }

    @Test
    void rawOutputStillReportsTheAgentsErrorEvent() throws Exception {
        ResponsePrinter.Outcome[] outcome = new ResponsePrinter.Outcome[1];
        String stream = "data: \"partial\"\n\ndata: {\"error\":\"boom\",\"error_type\":\"ValueError\",\"message\":\"x\"}\n\n";
        assertThat(print("text/event-stream", stream, true, outcome)).isEqualTo(stream);
        assertThat(outcome[0].agentError()).isEqualTo("boom");
    }
}
