package dev.agentcore.mcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shared left-out lists: which scenarios they name, and that one scenario cannot be left out twice. */
class ConformanceScenariosTest {

    @Test
    void namesTheSessionAndFixtureScenarios() {
        assertThat(ConformanceScenarios.needingASession()).containsOnlyKeys("logging-set-level",
                "tools-call-with-logging", "tools-call-with-progress", "tools-call-sampling", "tools-call-elicitation",
                "elicitation-sep1034-defaults", "elicitation-sep1330-enums", "server-sse-polling",
                "server-sse-multiple-streams", "resources-subscribe", "resources-unsubscribe");
        assertThat(ConformanceScenarios.callingFixtureFeatures("no fixture")).containsOnlyKeys("completion-complete",
                "json-schema-2020-12", "tools-call-simple-text", "tools-call-image", "tools-call-audio",
                "tools-call-embedded-resource", "tools-call-mixed-content", "tools-call-error", "resources-read-text",
                "resources-read-binary", "resources-templates-read", "prompts-get-simple", "prompts-get-with-args",
                "prompts-get-embedded-resource", "prompts-get-with-image")
                .containsEntry("tools-call-image", "no fixture")
                .containsEntry("completion-complete", "no fixture (completes test_prompt_with_arguments)");
    }

    @Test
    void joinsPartsAndRefusesAScenarioLeftOutTwice() {
        assertThat(ConformanceScenarios.leftOut(Map.of("a", "why a"), Map.of("b", "why b")))
                .isEqualTo(Map.of("a", "why a", "b", "why b"));
        assertThatThrownBy(() -> ConformanceScenarios.leftOut(Map.of("a", "one reason"), Map.of("a", "another")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a is left out twice");
    }
}
