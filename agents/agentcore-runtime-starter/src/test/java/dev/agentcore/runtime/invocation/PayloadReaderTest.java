package dev.agentcore.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

class PayloadReaderTest {

    private final PayloadReader reader = new PayloadReader(JsonMapper.builder().build(), 32, 1024);

    @Test
    void readsTheEncodingsJsonLoadsDetects() throws Exception {
        String text = "{\"a\":\"\u00e9\"}";
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE")}) {
            assertThat(reader.parse(text.getBytes(charset)).get("a").asString()).as(charset.name()).isEqualTo("\u00e9");
        }
        byte[] withBom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(reader.parse(withBom).get("a").asString()).isEqualTo("\u00e9");
    }

    @Test
    void refusesBodiesOverTheLimitWhetherDeclaredOrNot() {
        // A Content-Length over the limit is refused before a byte is read.
        MockHttpServletRequest declared = new MockHttpServletRequest("POST", "/invocations") {
            @Override
            public long getContentLengthLong() {
                return 33;
            }
        };
        declared.setContent(new byte[8]);
        assertThatThrownBy(() -> reader.read(declared)).isInstanceOfSatisfying(RejectedPayload.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.details()).contains("33 bytes", "limit is 32", "agentcore.runtime.max-request-size");
        });

        // Without one (chunked), the body is read one byte past the limit.
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/invocations") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(("\"" + "x".repeat(40) + "\"").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> reader.read(chunked)).isInstanceOfSatisfying(RejectedPayload.class,
                e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void namesWhatIsWrongWithABodyThatIsNotJson() {
        assertThatThrownBy(() -> reader.parse(new byte[0])).isInstanceOfSatisfying(RejectedPayload.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error()).isEqualTo("Invalid JSON");
            assertThat(e.details()).isEqualTo("Expecting value: the body is empty");
        });
        assertThatThrownBy(() -> reader.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RejectedPayload.class, e -> assertThat(e.details()).contains("line 1 column"));
        assertThatThrownBy(() -> reader.parse(new byte[] {'"', (byte) 0xC3, '"'}))
                .isInstanceOfSatisfying(RejectedPayload.class, e -> {
                    assertThat(e.error()).isEqualTo("Invalid encoding");
                    assertThat(e.details()).startsWith("the body is not valid UTF-8");
                });
    }
}
