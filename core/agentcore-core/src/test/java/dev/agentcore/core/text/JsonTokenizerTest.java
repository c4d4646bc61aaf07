package dev.agentcore.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTokenizerTest {

    /** Every token as KIND@offset[text]. */
    private static List<String> tokens(String json) {
        JsonTokenizer t = new JsonTokenizer(json);
        List<String> out = new ArrayList<>();
        for (JsonTokenizer.Token k = t.next(); k != null; k = t.next()) {
            out.add(k + "@" + t.offset() + (t.text() == null ? "" : "[" + t.text() + "]"));
        }
        return out;
    }

    @Test
    void tokensWithTheirOffsetsAndTexts() {
        assertThat(tokens(" {\"a\": [1, -2.5e3, true, false, null, \"x\\\"\\u00e9\\n\"], \"b\" : {}, \"c\":[]}\n")).containsExactly(
                "START_OBJECT@1", "NAME@2[a]", "START_ARRAY@7", "INTEGER@8[1]", "DECIMAL@11[-2.5e3]", "TRUE@19", "FALSE@25",
                "NULL@32", "STRING@38[x\"\u00e9\n]", "END_ARRAY@51", "NAME@54[b]", "START_OBJECT@60", "END_OBJECT@61",
                "NAME@64[c]", "START_ARRAY@68", "END_ARRAY@69", "END_OBJECT@70");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\" 1}", "{\"a\": 1,}", "[1,]", "[1 2]", "{} {}", "{'a': 1}", "[01]", "[1.]", "[.5]", "[-]",
            "[+1]", "[tru]", "[truex]", "[\"a\tb\"]", "[\"\\x\"]", "[\"\\ud800\"]", "// c\n{}", "{\"a\": 1} x", "[1e]", "[\"\\u12\"]",
            "{\"a\": NaN}", "[", "]"})
    void refusesWhatIsNotStrictJson(String json) {
        assertThatThrownBy(() -> tokens(json)).isInstanceOf(JsonTokenizer.Refused.class);
    }

    @Test
    void refusesNumbersPastTheirLimit() {
        String digits = "1".repeat(JsonTokenizer.MAX_NUMBER + 1);
        assertThatThrownBy(() -> tokens("[" + digits + "]")).isInstanceOf(JsonTokenizer.Refused.class);
        assertThat(tokens("[" + digits.substring(1) + "]")).hasSize(3);
    }
}
