package dev.agentcore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The house rules hold for every template, and they do catch what they are meant to catch. */
class TemplateConventionsTest {

    static List<Path> templates() {
        return Repository.templates();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void every_template_follows_the_house_rules(Path template) {
        assertThat(TemplateConventions.all(template)).isEmpty();
    }

    @Test
    void the_seed_role_breaks_them_unexplained_statements_and_literal_partitions() {
        Path seed = Repository.knownBad("seed-execution-role.yaml");

        assertThat(TemplateConventions.statementsWithoutUniqueSid(seed)).hasSize(7);  // the trust statement and 6 of its 10 grants
        assertThat(TemplateConventions.unexplained(seed)).hasSize(11); // all 11 statements
        assertThat(TemplateConventions.literalArns(seed)).hasSize(8);
        assertThat(TemplateConventions.literalArns(seed).getFirst()).startsWith(seed + ":24: literal partition");
    }

    @Test
    void a_literal_or_hyphenated_runtime_name_is_caught() {
        Path blindSpots = Repository.knownBad("cfn-lint-blind-spots.yaml");

        assertThat(TemplateConventions.unconstrainedRuntimeNames(blindSpots))
                .containsExactly(blindSpots + ": EchoRuntime has the literal runtime name 'mcp-echo';"
                        + " take it from a *RuntimeName parameter");
    }

    @Test
    void a_runtime_id_parameter_needs_the_service_pattern(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path template = dir.resolve("endpoints.yaml");
        java.nio.file.Files.writeString(template, """
                Parameters:
                  EchoRuntimeId:
                    Type: String
                    AllowedPattern: "^[a-z_]+-[a-zA-Z0-9]{10}$"
                Resources: {}
                """);

        assertThat(TemplateConventions.unconstrainedRuntimeNames(template)).containsExactly(template
                + ": EchoRuntimeId needs AllowedPattern ^[a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}$");
    }
}
