package dev.agentcore.client.output;

import static org.assertj.core.api.Assertions.assertThat;

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
}
