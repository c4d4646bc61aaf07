package dev.agentcore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** House rules of infra/templates that no linter checks: explained statements, explained ignores, no literals. */
class TemplateConventionsTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String RUNTIME_NAME_PATTERN = "^[a-zA-Z][a-zA-Z0-9_]{0,47}$";

    static List<Path> templates() {
        return Repository.templates();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void every_policy_statement_has_a_unique_sid(Path template) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        collectPolicyDocuments(YAML.readTree(template.toFile()), documents);

        for (JsonNode document : documents) {
            Set<String> sids = new HashSet<>();
            for (JsonNode statement : document.path("Statement")) {
                String sid = statement.path("Sid").asString("");
                assertThat(sid).as("a statement without Sid in %s: %s", template, statement).matches("[A-Za-z0-9]+");
                assertThat(sids.add(sid)).as("Sid %s twice in one policy of %s", sid, template).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void every_statement_and_every_lint_ignore_is_explained_by_the_comment_above_it(Path template) throws IOException {
        List<String> lines = Files.readAllLines(template);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("- Sid:")) {
                assertThat(lines.get(i - 1).strip()).as("%s:%d: explain statement %s in a comment above it", template,
                        i + 1, line).startsWith("#");
            }
            if (line.startsWith("ignore_checks:")) {
                assertThat(String.join("\n", lines.subList(Math.max(0, i - 6), i)))
                        .as("%s:%d: a cfn-lint ignore needs a '# reason:' comment above it", template, i + 1)
                        .contains("# reason:");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void arns_use_pseudo_parameters_never_a_literal_partition_or_account(Path template) throws IOException {
        List<String> lines = Files.readAllLines(template);
        Pattern literal = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{12}:|arn:aws:");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.strip().startsWith("#") && !line.contains("AllowedPattern")) {
                assertThat(literal.matcher(line).find()).as("%s:%d: %s", template, i + 1, line.strip()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void runtime_names_are_parameters_held_to_the_agentcore_pattern(Path template) throws IOException {
        JsonNode root = YAML.readTree(template.toFile());
        for (Map.Entry<String, JsonNode> parameter : root.path("Parameters").properties()) {
            if (parameter.getKey().endsWith("RuntimeName")) {
                assertThat(parameter.getValue().path("AllowedPattern").asString(""))
                        .as("%s: %s", template, parameter.getKey()).isEqualTo(RUNTIME_NAME_PATTERN);
                String defaultName = parameter.getValue().path("Default").asString("hello");
                assertThat(defaultName).as("%s: %s default", template, parameter.getKey()).matches(RUNTIME_NAME_PATTERN);
            }
        }
        for (JsonNode resource : root.path("Resources")) {
            if ("AWS::BedrockAgentCore::Runtime".equals(resource.path("Type").asString(""))) {
                // Read without tags, "!Ref X" is "X": the name must be a parameter, not a literal.
                String name = resource.path("Properties").path("AgentRuntimeName").asString("");
                assertThat(root.path("Parameters").has(name)).as("%s: AgentRuntimeName %s", template, name).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void every_template_says_what_it_is(Path template) throws IOException {
        assertThat(YAML.readTree(template.toFile()).path("Description").asString("")).hasSizeGreaterThan(40);
    }

    private static void collectPolicyDocuments(JsonNode node, List<JsonNode> documents) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("PolicyDocument") || field.getKey().equals("AssumeRolePolicyDocument")) {
                    documents.add(field.getValue());
                }
                collectPolicyDocuments(field.getValue(), documents);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectPolicyDocuments(child, documents));
        }
    }
}
