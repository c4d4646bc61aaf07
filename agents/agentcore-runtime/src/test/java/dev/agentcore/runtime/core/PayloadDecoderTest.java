package dev.agentcore.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PayloadDecoderTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsTheEncodingsJsonLoadsDetects() throws Exception {
        String text = "{\"a\":\"\u00e9\"}";
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE")}) {
            assertThat(PayloadDecoder.decode(mapper, text.getBytes(charset)).get("a").asString()).as(charset.name())
                    .isEqualTo("\u00e9");
        }
        byte[] withBom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(PayloadDecoder.decode(mapper, withBom).get("a").asString()).isEqualTo("\u00e9");
    }

    @Test
    void aLargeBodyIsParsedOffTheRequestThreadWithTheSameResult() throws Exception {
        String big = "{\"a\":\"" + "\u00e9".repeat(PayloadDecoder.OFFLOAD_BYTES) + "\"}";

        assertThat(PayloadDecoder.decode(mapper, big.getBytes(StandardCharsets.UTF_8)).get("a").asString())
                .hasSize(PayloadDecoder.OFFLOAD_BYTES);
        assertThatThrownBy(() -> PayloadDecoder.decode(mapper, (big + "x").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PayloadDecoder.Rejected.class, e -> assertThat(e.error).isEqualTo("Invalid JSON"));
    }

    @Test
    void namesWhatIsWrongWithABodyThatIsNotJson() {
        assertThatThrownBy(() -> PayloadDecoder.decode(mapper, new byte[0]))
                .isInstanceOfSatisfying(PayloadDecoder.Rejected.class, e -> {
                    assertThat(e.status).isEqualTo(400);
                    assertThat(e.error).isEqualTo("Invalid JSON");
                    assertThat(e.details).isEqualTo("Expecting value: the body is empty");
                });
        assertThatThrownBy(() -> PayloadDecoder.decode(mapper, "{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PayloadDecoder.Rejected.class, e -> assertThat(e.details).contains("line 1 column"));
        assertThatThrownBy(() -> PayloadDecoder.decode(mapper, new byte[] {'"', (byte) 0xC3, '"'}))
                .isInstanceOfSatisfying(PayloadDecoder.Rejected.class, e -> {
                    assertThat(e.error).isEqualTo("Invalid encoding");
                    assertThat(e.details).startsWith("the body is not valid UTF-8");
                });
    }
}
