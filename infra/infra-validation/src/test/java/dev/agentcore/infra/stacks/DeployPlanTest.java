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
        assertThat(images).extracting(ImageSlot::tagStack).startsWith( // make new-agent appends more
                "runtime-hello-agent", "runtime-fitness-coach-agent", "runtime-mcp-echo", "runtime-fitness-mcp-server");
        assertThat(images).hasSameSizeAs(runtimes.runtimes());
        assertThat(images).extracting(ImageSlot::repositoryStack).contains("ecr-mcp-echo");
        assertThat(images).extracting(ImageSlot::tagParameter).containsOnly("ImageTag");
        assertThat(images).extracting(ImageSlot::repositoryUriOutput).containsOnly("RepositoryUri");
    }

    @Test
    void a_runtime_the_plan_does_not_deploy_is_named() throws IOException {
        Path file = runtimesFile("weather_agent");
        assertThatThrownBy(() -> committed("sandbox").images(RuntimeManifest.read(file)))
                .hasMessageContaining("weather_agent: this plan deploys no stack for this runtime")
                .hasMessageContaining("[hello_agent, fitness_coach_agent, mcp_echo, fitness_mcp_server");
    }

    @Test
    void a_fifth_runtime_in_the_manifest_gets_its_stacks_with_no_other_edit() throws IOException {
        Path file = runtimesFile("hello_agent", "weather_agent");
        DeployPlan plan = DeployPlan.of(StackManifest.read(Repository.root().resolve(StackManifest.DEFAULT_LOCATION)),
                DeploymentEnvironment.read(Repository.infra().resolve("env/sandbox.params.json")), RuntimeManifest.read(file));

        assertThat(plan.order()).extracting(StackDefinition::name).containsExactly("cognito", "access-policies",
                "ecr-hello-agent", "ecr-weather-agent", "runtime-hello-agent", "runtime-weather-agent",
                "endpoint-hello-agent-dev", "endpoint-hello-agent-prod", "endpoint-weather-agent-dev");
        assertThat(plan.check()).isEmpty();
        assertThat(plan.images(RuntimeManifest.read(file))).extracting(ImageSlot::tagStack)
                .containsExactly("runtime-hello-agent", "runtime-weather-agent");
        Map<String, ResolvedParameter> runtime = planned(plan, "runtime-weather-agent");
        assertThat(runtime.get("RuntimeName").value()).isEqualTo("weather_agent");
        assertThat(runtime.get("RuntimeName").from()).isEqualTo(file.toString());
        assertThat(runtime.get("Protocol").value()).isEqualTo("MCP");
        assertThat(runtime.get("Auth").value()).isEqualTo("JWT");
        assertThat(runtime.get("ModelId").value()).isEmpty();
        // Scoped chaining: each runtime's stack takes its own repository, although two ecr stacks output RepositoryUri.
        assertThat(runtime.get("RepositoryUri").from()).isEqualTo("agentcore-sandbox-ecr-weather-agent");
        assertThat(planned(plan, "runtime-hello-agent").get("RepositoryArn").from()).isEqualTo("agentcore-sandbox-ecr-hello-agent");
        assertThat(planned(plan, "ecr-weather-agent").get("ImageName").value()).isEqualTo("weather-agent");
        Map<String, ResolvedParameter> endpoint = planned(plan, "endpoint-hello-agent-prod");
        assertThat(endpoint.get("RuntimeId").from()).isEqualTo("agentcore-sandbox-runtime-hello-agent");
        assertThat(endpoint.get("EndpointName").value()).isEqualTo("prod");
        assertThat(endpoint.get("EndpointVersion").value()).isEqualTo("2");
    }

    /** A manifest of these runtimes: the first an HTTP agent with a model and dev/prod endpoints, the rest MCP servers. */
    private Path runtimesFile(String... names) throws IOException {
        Files.createDirectories(directory.resolve("m"));
        Files.writeString(directory.resolve("m/pom.xml"), "<project/>");
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            entries.append(i == 0 ? "" : ",\n").append(i == 0
                    ? "{\"name\": \"" + names[i] + "\", \"module\": \"m\", \"protocol\": \"HTTP\", \"auth\": \"SIGV4\","
                            + " \"model\": \"us.anthropic.claude-sonnet-4-20250514-v1:0\", \"endpoints\": {\"dev\": 3, \"prod\": 2}}"
                    : "{\"name\": \"" + names[i] + "\", \"module\": \"m\", \"protocol\": \"MCP\", \"auth\": \"JWT\","
                            + " \"endpoints\": {\"dev\": 1}}");
        }
        return Files.writeString(directory.resolve("runtimes.json"), "{\"runtimes\": [" + entries + "]}\n");
    }

    /** The committed plan with the sandbox environment plus one more section (JSON {@code "name": {...}}). */
    private DeployPlan sandboxWith(String environmentName, String section) throws IOException {
        Path environment = directory.resolve("env/" + environmentName + DeploymentEnvironment.SUFFIX);
        Files.createDirectories(environment.getParent());
        String committed = Files.readString(Repository.infra().resolve("env/sandbox.params.json"));
        Files.writeString(environment, committed.replace("\"runtime\": {", section + ",\n    \"runtime\": {"));
        return DeployPlan.of(StackManifest.read(Repository.root().resolve(StackManifest.DEFAULT_LOCATION)),
                DeploymentEnvironment.read(environment));
    }

    private static Map<String, ResolvedParameter> planned(DeployPlan plan, String stack) {
        return plan.plannedParameters(stack).stream().collect(Collectors.toMap(ResolvedParameter::name, p -> p));
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
    void runtime_names_come_from_the_runtimes_manifest_and_ids_chain_from_the_runtimes_own_stack() {
        DeployPlan plan = committed("sandbox");

        Map<String, ResolvedParameter> runtime = planned(plan, "runtime-mcp-echo");
        assertThat(runtime.get("RuntimeName").source()).isEqualTo(ResolvedParameter.Source.MANIFEST);
        assertThat(runtime.get("RuntimeName").value()).isEqualTo("mcp_echo");
        assertThat(runtime.get("RuntimeName").from()).endsWith("runtimes.json");
        assertThat(runtime.get("RepositoryUri").from()).isEqualTo("agentcore-sandbox-ecr-mcp-echo");
        assertThat(runtime.get("CognitoDiscoveryUrl").from()).isEqualTo("agentcore-sandbox-cognito");
        assertThat(runtime.get("ImageTag").source()).isEqualTo(ResolvedParameter.Source.ENVIRONMENT);
        assertThat(planned(plan, "runtime-hello-agent").get("ModelId").value())
                .isEqualTo("us.anthropic.claude-sonnet-4-20250514-v1:0");
        assertThat(planned(plan, "endpoint-mcp-echo-uat").get("RuntimeId").from()).isEqualTo("agentcore-sandbox-runtime-mcp-echo");
    }

    @Test
    void iam_stacks_get_the_capability_their_resources_need() {
        DeployPlan plan = committed("sandbox");

        Map<String, String> capabilities = plan.order().stream().collect(Collectors.toMap(StackDefinition::name,
                stack -> plan.capability(stack).orElse("none")));

        assertThat(capabilities).containsEntry("runtime-hello-agent", "CAPABILITY_IAM")
                .containsEntry("access-policies", "CAPABILITY_IAM")
                .containsEntry("endpoint-hello-agent-dev", "none")
                .containsEntry("ecr-mcp-echo", "none");
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
    void a_runtime_name_in_an_environment_file_is_refused_it_comes_from_the_runtimes_manifest_only() throws IOException {
        DeployPlan plan = sandboxWith("rename", "\"runtime-mcp-echo\": {\"RuntimeName\": \"mcp-echo\"}");

        assertThat(plan.check()).singleElement().extracting(Problem::toString).asString()
                .contains("parameters.runtime-mcp-echo.RuntimeName: set in more than one place")
                .contains("runtimes.json").contains("ENVIRONMENT");
    }

    @Test
    void a_value_for_a_group_and_for_one_of_its_stacks_is_ambiguous() throws IOException {
        DeployPlan plan = sandboxWith("both", "\"runtime-hello-agent\": {\"ImageTag\": \"0.2.0\", \"NetworkMode\": \"PUBLIC\"}");

        assertThat(plan.check()).singleElement().extracting(Problem::toString).asString()
                .contains("parameters.runtime-hello-agent.ImageTag: set in more than one place");
    }

    @Test
    void a_model_the_template_refuses_is_named_by_its_runtime_and_field_in_the_runtimes_manifest() throws IOException {
        Path file = runtimesFile("hello_agent");
        Files.writeString(file, Files.readString(file).replace("us.anthropic.claude-sonnet-4-20250514-v1:0", "claude sonnet"));
        DeployPlan plan = DeployPlan.of(StackManifest.read(Repository.root().resolve(StackManifest.DEFAULT_LOCATION)),
                DeploymentEnvironment.read(Repository.infra().resolve("env/sandbox.params.json")), RuntimeManifest.read(file));

        assertThat(plan.check()).extracting(Problem::toString).containsExactly(
                file + ": hello_agent.model: 'claude sonnet' does not match ^$|^[a-z]+\\.[a-z0-9-]+\\.[a-zA-Z0-9.:-]+$"
                        + " (from manifest " + file + ")");
    }

    @Test
    void per_runtime_stacks_need_the_runtimes_manifest() throws IOException {
        Files.writeString(directory.resolve("first.yaml"), "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
        Path stacks = Files.writeString(directory.resolve("stacks.json"), """
                {"stacks": [{"name": "first", "template": "first.yaml", "forEach": "runtime"},
                            {"name": "second", "template": "first.yaml", "forEach": "everything"}]}
                """);

        assertThatThrownBy(() -> StackManifest.read(stacks))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::where).containsExactly("stacks[1].forEach", "runtimes"));
    }

    @Test
    void an_environment_section_for_an_unknown_stack_is_reported() throws IOException {
        DeployPlan plan = plan(TWO_STACKS, """
                {"region": "eu-west-1", "stackPrefix": "demo", "parameters": {"second": {"Tag": "1"}, "thrid": {}}}
                """);

        assertThat(plan.check()).singleElement().extracting(Problem::message).asString()
                .contains("no stack or stack group of that name").contains("[first, second]");
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
}
