package dev.agentcore.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** {@link EventStreamWriter} and {@link ResponseEntityWriter}, on a mock response. */
class ResponseWritersTest {

    private final WireJson json = new WireJson(JsonMapper.builder().build());

    @Test
    void eachElementIsOneDataLineAndAFailureEndsTheStreamWithOneErrorEvent() throws Exception {
        MockHttpServletResponse res = new MockHttpServletResponse();
        Stream<Object> elements = Stream.of((Object) "a", Map.of("n", 1), "c").map(element -> {
            if (element.equals("c")) {
                throw new IllegalStateException("broke");
            }
            return element;
        });
        List<Boolean> closed = new java.util.ArrayList<>();

        new EventStreamWriter(json, new InvocationErrors(json)).write(res,
                EventSource.of(elements.onClose(() -> closed.add(true))));

        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getContentType()).isEqualTo("text/event-stream; charset=utf-8");
        assertThat(res.getContentAsString()).isEqualTo("data: \"a\"\n\ndata: {\"n\": 1}\n\n"
                + "data: {\"error\": \"broke\", \"error_type\": \"IllegalStateException\", "
                + "\"message\": \"An error occurred during streaming\"}\n\n");
        assertThat(closed).containsExactly(true);
    }

    @Test
    void anEntityKeepsItsStatusHeadersAndBody() throws Exception {
        ResponseEntityWriter writer = new ResponseEntityWriter(json);

        MockHttpServletResponse empty = new MockHttpServletResponse();
        writer.write(empty, ResponseEntity.status(202).header("X-Job", "7").build());
        assertThat(empty.getStatus()).isEqualTo(202);
        assertThat(empty.getHeader("X-Job")).isEqualTo("7");
        assertThat(empty.getContentLength()).isZero();

        MockHttpServletResponse text = new MockHttpServletResponse();
        writer.write(text, ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("plain"));
        assertThat(text.getContentAsString()).isEqualTo("plain");
        assertThat(text.getContentType()).isEqualTo("text/plain");

        MockHttpServletResponse object = new MockHttpServletResponse();
        writer.write(object, ResponseEntity.status(201).body(Map.of("id", 3)));
        assertThat(object.getStatus()).isEqualTo(201);
        assertThat(object.getContentType()).isEqualTo("application/json");
        assertThat(object.getContentAsString()).isEqualTo("{\"id\": 3}");
    }
}
