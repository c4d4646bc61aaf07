package dev.agentcore.infra.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken input files are reported with file and line or field, never a stack trace or a silent default. */
class InputFilesTest {

    @TempDir
    Path directory;

    @Test
    void malformed_json_names_file_line_and_column() throws IOException {
        Path file = Files.writeString(directory.resolve("broken.params.json"), "{\n  \"region\": \"us-east-1\",\n  oops\n}\n");

        assertThatThrownBy(() -> DeploymentEnvironment.read(file))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageStartingWith(file + ": line 3, column 3: not valid:");
    }

    @Test
    void an_environment_file_reports_all_its_problems_at_once() throws IOException {
        Path file = Files.writeString(directory.resolve("bad.params.json"), """
                {"region": "Virginia", "stackPrefix": "1st", "parameters": {"ecr": {"Tags": {"a": "b"}}, "cognito": 7}}
                """);

        assertThatThrownBy(() -> DeploymentEnvironment.read(file))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::where)
                        .containsExactly("region", "stackPrefix", "parameters.ecr.Tags", "parameters.cognito"));
    }

    @Test
    void an_environment_file_must_be_named_after_its_environment() throws IOException {
        Path file = Files.writeString(directory.resolve("sandbox.json"), """
                {"region": "us-east-1", "stackPrefix": "demo", "parameters": {}}
                """);

        assertThatThrownBy(() -> DeploymentEnvironment.read(file)).hasMessageContaining("<environment>.params.json");
    }

    @Test
    void numbers_booleans_and_string_lists_become_cloudformation_strings() throws IOException {
        Path file = Files.writeString(directory.resolve("demo.params.json"), """
                {"region": "us-east-1", "stackPrefix": "demo",
                 "parameters": {"cognito": {"AccessTokenMinutes": 30, "Flag": true, "UserCallbackUrls": ["https://a/cb", "https://b/cb"]}}}
                """);

        DeploymentEnvironment environment = DeploymentEnvironment.read(file);

        assertThat(environment.name()).isEqualTo("demo");
        assertThat(environment.parameters().get("cognito")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AccessTokenMinutes", "30", "Flag", "true", "UserCallbackUrls", "https://a/cb,https://b/cb"));
    }

    @Test
    void a_manifest_with_a_missing_template_or_duplicate_name_is_rejected() throws IOException {
        Files.writeString(directory.resolve("a.yaml"), "Resources: {}\n");
        Path manifest = Files.writeString(directory.resolve("stacks.json"), """
                {"stacks": [{"name": "a", "template": "a.yaml"}, {"name": "a", "template": "a.yaml"},
                            {"name": "Bad_Name", "template": "missing.yaml"}]}
                """);

        assertThatThrownBy(() -> StackManifest.read(manifest))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::where)
                        .containsExactly("stacks[1].name", "stacks[2].name", "stacks[2].template"));
    }

    @Test
    void a_template_with_a_broken_pattern_or_without_resources_is_rejected() throws IOException {
        Path noResources = Files.writeString(directory.resolve("empty.yaml"), "Parameters: {}\n");
        Path badPattern = Files.writeString(directory.resolve("pattern.yaml"), """
                Parameters:
                  Name:
                    Type: String
                    AllowedPattern: "[unclosed"
                  Size:
                    Type: Number
                    MinValue: small
                Resources: {}
                """);

        assertThatThrownBy(() -> CloudFormationTemplate.read(noResources)).hasMessageContaining("needs a Resources section");
        assertThatThrownBy(() -> CloudFormationTemplate.read(badPattern))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::where)
                        .containsExactly("Parameters.Name.AllowedPattern", "Parameters.Size.MinValue"));
    }

    @Test
    void a_named_iam_resource_needs_the_named_capability() throws IOException {
        Path named = Files.writeString(directory.resolve("named.yaml"), """
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: fixed-name
                      AssumeRolePolicyDocument: {}
                """);

        assertThat(CloudFormationTemplate.read(named).requiredCapability()).contains("CAPABILITY_NAMED_IAM");
    }

    @Test
    void outputs_are_written_whole_and_read_back() throws IOException {
        StackOutputs outputs = new StackOutputs(directory.resolve(".agentcore/outputs"));

        outputs.write("demo-ecr", Map.of("B", "2", "A", "1"));
        outputs.write("demo-ecr", Map.of("A", "3"));

        assertThat(outputs.read("demo-ecr")).contains(Map.of("A", "3"));
        assertThat(outputs.read("demo-cognito")).isEmpty();
        try (var files = Files.list(outputs.directory())) {
            assertThat(files).containsExactly(outputs.fileOf("demo-ecr")); // no temporary file left behind
        }
        Files.writeString(outputs.fileOf("demo-bad"), "{\"A\": {\"nested\": 1}}");
        assertThatThrownBy(() -> outputs.read("demo-bad")).hasMessageContaining("an output value is a string");
    }
}
