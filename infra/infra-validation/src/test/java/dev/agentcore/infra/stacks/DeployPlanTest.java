package dev.agentcore.infra.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.infra.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed deploy order and environment chain cleanly; broken ones are named precisely. */
class DeployPlanTest {

    @TempDir
    Path directory;

    private static DeployPlan committed(String environment) {
        return DeployPlan.of(StackManifest.read(Repository.root().resolve(StackManifest.DEFAULT_LOCATION)),
                DeploymentEnvironment.read(Repository.infra().resolve("env/" + environment + DeploymentEnvironment.SUFFIX)));
    }

    @Test
    void every_runtime_of_the_manifest_has_an_image_repository_and_a_tag_parameter() {
        RuntimeManifest runtimes = RuntimeManifest.read(Repository.root().resolve(RuntimeManifest.DEFAULT_LOCATION));
        List<ImageSlot> images = committed("sandbox").images(runtimes);
        assertThat(images).extracting(ImageSlot::tagParameter).containsExactly(
                "HelloAgentImageTag", "FitnessCoachAgentImageTag", "McpEchoImageTag", "FitnessMcpServerImageTag");
        assertThat(images).extracting(ImageSlot::repositoryUriOutput).contains("McpEchoRepositoryUri");
    }

    @Test
    void a_runtime_the_templates_do_not_know_is_named() throws IOException {
        Files.createDirectories(directory.resolve("m"));
        Files.writeString(directory.resolve("m/pom.xml"), "<project/>");
        Path file = directory.resolve("runtimes.json");
        Files.writeString(file, """
                {"runtimes": [{"name": "weather_agent", "module": "m", "protocol": "HTTP", "auth": "SIGV4"}]}
                """);
        assertThatThrownBy(() -> committed("sandbox").images(RuntimeManifest.read(file)))
                .hasMessageContaining("weather_agent: stack 'ecr' has no output WeatherAgentRepositoryUri")
                .hasMessageContaining("takes no parameter WeatherAgentImageTag");
    }

    @Test
    void every_parameter_of_every_committed_stack_has_exactly_one_source() throws IOException {
        try (var environments = Files.list(Repository.infra().resolve("env"))) {
            List<Path> files = environments.filter(file -> file.toString().endsWith(DeploymentEnvironment.SUFFIX)).toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                String name = file.getFileName().toString().replace(DeploymentEnvironment.SUFFIX, "");
                assertThat(committed(name).check()).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void the_manifest_lists_every_template_and_only_existing_ones() {
        StackManifest manifest = StackManifest.read(Repository.root().resolve(StackManifest.DEFAULT_LOCATION));

        assertThat(manifest.stacks().stream().map(StackDefinition::template).distinct())
                .containsExactlyInAnyOrderElementsOf(Repository.templates());
    }

    @Test
    void runtime_names_are_fixed_once_and_chained_from_the_execution_roles_stack() {
        DeployPlan plan = committed("sandbox");
        StackDefinition runtimes = plan.order().stream().filter(stack -> stack.name().equals("runtimes")).findFirst().orElseThrow();

        Map<String, ResolvedParameter> parameters = plan.template(runtimes).parameters().keySet().stream()
                .collect(Collectors.toMap(name -> name, name -> staticResolution(plan, "runtimes", name)));

        assertThat(parameters.get("McpEchoRuntimeName").source()).isEqualTo(ResolvedParameter.Source.OUTPUT);
        assertThat(parameters.get("McpEchoRuntimeName").from()).isEqualTo("agentcore-sandbox-execution-roles");
        assertThat(parameters.get("McpEchoRoleArn").from()).isEqualTo("agentcore-sandbox-execution-roles");
        assertThat(parameters.get("McpEchoRepositoryUri").from()).isEqualTo("agentcore-sandbox-ecr");
        assertThat(parameters.get("CognitoDiscoveryUrl").from()).isEqualTo("agentcore-sandbox-cognito");
        assertThat(parameters.get("McpEchoImageTag").source()).isEqualTo(ResolvedParameter.Source.ENVIRONMENT);
    }

    @Test
    void iam_stacks_get_the_capability_their_resources_need() {
        DeployPlan plan = committed("sandbox");

        Map<String, String> capabilities = plan.order().stream().collect(Collectors.toMap(StackDefinition::name,
                stack -> plan.capability(stack).orElse("none")));

        assertThat(capabilities).containsEntry("execution-roles", "CAPABILITY_IAM")
                .containsEntry("access-policies", "CAPABILITY_IAM")
                .containsEntry("runtimes", "none")
                .containsEntry("ecr", "none");
    }

    @Test
    void at_deploy_time_parameters_come_from_the_outputs_of_earlier_stacks() throws IOException {
        DeployPlan plan = plan("""
                {"stacks": [{"name": "first", "template": "first.yaml"}, {"name": "second", "template": "second.yaml"}]}
                """, """
                {"region": "eu-west-1", "stackPrefix": "demo", "parameters": {"second": {"Tag": "1.0"}}}
                """);
        StackOutputs outputs = new StackOutputs(directory.resolve(".agentcore/outputs"));

        assertThatThrownBy(() -> plan.parameters("second", outputs))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("needs RepositoryUri from stack first, which has no outputs yet: deploy demo-first first");

        outputs.write("demo-first", Map.of("RepositoryUri", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/demo"));

        assertThat(plan.parameters("second", outputs)).containsExactly(
                new ResolvedParameter("RepositoryUri", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/demo",
                        ResolvedParameter.Source.OUTPUT, "demo-first"),
                new ResolvedParameter("Tag", "1.0", ResolvedParameter.Source.ENVIRONMENT,
                        directory.resolve("env/demo.params.json").toString()),
                new ResolvedParameter("Retries", "3", ResolvedParameter.Source.DEFAULT,
                        directory.resolve("second.yaml").toString()));
    }

    @Test
    void a_deployed_output_that_breaks_the_parameters_constraint_is_caught_before_cloudformation() throws IOException {
        DeployPlan plan = plan("""
                {"stacks": [{"name": "first", "template": "first.yaml"}, {"name": "second", "template": "second.yaml"}]}
                """, """
                {"region": "eu-west-1", "stackPrefix": "demo", "parameters": {"second": {"Tag": "1.0"}}}
                """);
        StackOutputs outputs = new StackOutputs(directory.resolve("outputs"));
        outputs.write("demo-first", Map.of("RepositoryUri", "not-a-repository"));

        assertThatThrownBy(() -> plan.parameters("second", outputs))
                .hasMessageContaining("parameters.second.RepositoryUri: 'not-a-repository' does not match")
                .hasMessageContaining("from output demo-first");
    }

    @Test
    void a_misspelt_parameter_is_named_with_a_suggestion() throws IOException {
        DeployPlan plan = plan(TWO_STACKS, """
                {"region": "eu-west-1", "stackPrefix": "demo", "parameters": {"second": {"Tag": "1.0", "Retrys": "4"}}}
                """);

        assertThat(plan.check()).extracting(Problem::toString).containsExactly(
                directory.resolve("env/demo.params.json") + ": parameters.second.Retrys: "
                        + directory.resolve("second.yaml") + " declares no such parameter (did you mean Retries?)");
    }

    @Test
    void a_missing_parameter_names_the_stack_and_template() throws IOException {
        DeployPlan plan = plan(TWO_STACKS, """
                {"region": "eu-west-1", "stackPrefix": "demo", "parameters": {}}
                """);

        assertThat(plan.check()).extracting(Problem::message).containsExactly(
                "missing: " + directory.resolve("second.yaml") + " requires it (no default), and no earlier stack outputs it");
    }

    @Test
    void a_value_set_both_in_the_environment_and_by_an_output_is_ambiguous() throws IOException {
        DeployPlan plan = plan(TWO_STACKS, """
                {"region": "eu-west-1", "stackPrefix": "demo",
                 "parameters": {"second": {"Tag": "1.0", "RepositoryUri": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/x"}}}
                """);

        assertThat(plan.check()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("parameters.second.RepositoryUri");
            assertThat(problem.message()).contains("set in more than one place").contains("OUTPUT demo-first");
        });
    }

    @Test
    void an_output_of_a_later_stack_cannot_feed_an_earlier_one() throws IOException {
        DeployPlan plan = plan("""
                {"stacks": [{"name": "second", "template": "second.yaml"}, {"name": "first", "template": "first.yaml"}]}
                """, """
                {"region": "eu-west-1", "stackPrefix": "demo", "parameters": {"second": {"Tag": "1.0"}}}
                """);

        assertThat(plan.check()).singleElement().extracting(Problem::message).asString()
                .contains("stack first outputs it but deploys later");
    }

    @Test
    void values_are_checked_against_the_templates_constraints() throws IOException {
        DeployPlan plan = plan("""
                {"stacks": [{"name": "first", "template": "first.yaml"},
                            {"name": "second", "template": "second.yaml", "parameters": {"Retries": "0"}}]}
                """, """
                {"region": "eu-west-1", "stackPrefix": "demo", "parameters": {"second": {"Tag": "has space"}}}
                """);

        assertThat(plan.check()).extracting(Problem::toString).containsExactlyInAnyOrder(
                directory.resolve("stacks.json") + ": stacks[1].parameters.Retries: 0 is less than 1 (from manifest "
                        + directory.resolve("stacks.json") + ")",
                directory.resolve("env/demo.params.json") + ": parameters.second.Tag: 'has space' does not match"
                        + " ^[A-Za-z0-9_.-]+$ (from environment " + directory.resolve("env/demo.params.json") + ")");
    }

    @Test
    void a_hyphenated_runtime_name_in_an_environment_file_is_rejected_before_aws_sees_it() throws IOException {
        Path environment = directory.resolve("env/hyphen.params.json");
        Files.createDirectories(environment.getParent());
        String committed = Files.readString(Repository.infra().resolve("env/sandbox.params.json"));
        Files.writeString(environment, committed.replace("\"execution-roles\": {",
                "\"execution-roles\": {\n      \"McpEchoRuntimeName\": \"mcp-echo\","));

        DeployPlan plan = DeployPlan.of(StackManifest.read(Repository.root().resolve(StackManifest.DEFAULT_LOCATION)),
                DeploymentEnvironment.read(environment));

        assertThat(plan.check()).singleElement().extracting(Problem::toString).asString()
                .contains("parameters.execution-roles.McpEchoRuntimeName: 'mcp-echo' does not match ^[a-zA-Z][a-zA-Z0-9_]{0,47}$");
    }

    @Test
    void an_environment_section_for_an_unknown_stack_is_reported() throws IOException {
        DeployPlan plan = plan(TWO_STACKS, """
                {"region": "eu-west-1", "stackPrefix": "demo", "parameters": {"second": {"Tag": "1"}, "thrid": {}}}
                """);

        assertThat(plan.check()).singleElement().extracting(Problem::message).asString()
                .contains("no stack of that name").contains("[first, second]");
    }

    private static final String TWO_STACKS = """
            {"stacks": [{"name": "first", "template": "first.yaml"}, {"name": "second", "template": "second.yaml"}]}
            """;

    private DeployPlan plan(String manifest, String environment) throws IOException {
        Files.writeString(directory.resolve("first.yaml"), """
                Resources:
                  Repository:
                    Type: AWS::ECR::Repository
                Outputs:
                  RepositoryUri:
                    Value: !GetAtt Repository.RepositoryUri
                """);
        Files.writeString(directory.resolve("second.yaml"), """
                Parameters:
                  RepositoryUri:
                    Type: String
                    AllowedPattern: "^[0-9]{12}\\\\.dkr\\\\.ecr\\\\..+$"
                  Tag:
                    Type: String
                    AllowedPattern: "^[A-Za-z0-9_.-]+$"
                  Retries:
                    Type: Number
                    Default: 3
                    MinValue: 1
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """);
        Files.writeString(directory.resolve("stacks.json"), manifest);
        Files.createDirectories(directory.resolve("env"));
        Files.writeString(directory.resolve("env/demo.params.json"), environment);
        return DeployPlan.of(StackManifest.read(directory.resolve("stacks.json")),
                DeploymentEnvironment.read(directory.resolve("env/demo.params.json")));
    }

    private static ResolvedParameter staticResolution(DeployPlan plan, String stack, String name) {
        return plan.plannedParameters(stack).stream().filter(parameter -> parameter.name().equals(name))
                .findFirst().orElseThrow();
    }
}
