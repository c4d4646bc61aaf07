package dev.agentcore.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class RuntimeNamesTest {

    @Test
    void namesFollowTheServicePatternAndSayWhatIsWrong() {
        assertThat(RuntimeName.isValid("mcp_echo")).isTrue();
        assertThat(RuntimeName.problem("mcp-echo")).contains("hyphens are not allowed; use mcp_echo");
        assertThat(RuntimeName.problem("1agent")).contains("a letter, then letters, digits or underscores");
        assertThat(RuntimeName.problem("a".repeat(49))).contains("49 characters; at most 48");
        assertThat(RuntimeName.problem("")).isEqualTo("runtime name is empty");
        assertThatThrownBy(() -> RuntimeName.of("my-agent")).hasMessageContaining("use my_agent");
    }

    @Test
    void idsAreTheNameAHyphenAndTenLettersOrDigits() {
        RuntimeId id = RuntimeId.of("mcp_echo-N0geaLEEPE");
        assertThat(id.name()).isEqualTo("mcp_echo");
        assertThat(RuntimeId.looksLike("mcp_echo")).isFalse();
        assertThat(RuntimeId.looksLike("agentName-*")).isFalse();
        assertThatThrownBy(() -> RuntimeId.of("mcp-echo-N0geaLEEPE")).hasMessageContaining("no hyphens");
    }

    @Property
    void generatedIdsAreValidAndKeepTheirName(@ForAll @AlphaChars @StringLength(min = 1, max = 48) String name,
            @ForAll long seed) {
        RuntimeId id = RuntimeId.generate(RuntimeName.of(name), new SplittableRandom(seed));
        assertThat(RuntimeId.looksLike(id.value())).isTrue();
        assertThat(id.name()).isEqualTo(name);
    }

    @Test
    void qualifiersDefaultToDefault() {
        assertThat(Qualifier.ofNullable(null)).isEqualTo(Qualifier.DEFAULT);
        assertThat(Qualifier.ofNullable("  ")).isEqualTo(Qualifier.DEFAULT);
        assertThat(Qualifier.ofNullable(" dev ").value()).isEqualTo("dev");
        assertThat(Qualifier.DEFAULT.isDefault()).isTrue();
        assertThatThrownBy(() -> new Qualifier("v-1")).hasMessageContaining("endpoint name 'v-1'");
    }

    @Test
    void protocolsParseInAnyCase() {
        assertThat(ServerProtocol.parse("mcp")).contains(ServerProtocol.MCP);
        assertThat(ServerProtocol.parse(" HTTP ")).contains(ServerProtocol.HTTP);
        assertThat(ServerProtocol.parse("grpc")).isEmpty();
        assertThat(ServerProtocol.parse(null)).isEmpty();
    }
}
