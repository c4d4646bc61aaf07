package dev.agentcore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.core.state.StateFile;
import dev.agentcore.deploy.output.Console;
import dev.agentcore.testing.JibImages;
import dev.agentcore.testing.RepositoryFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every command against the local AgentCore and the local AWS, in the order a user meets them: a dry run that
 * creates nothing; a deploy interrupted after two stacks; a resumed deploy that meets a taken runtime name
 * (ConflictException, diagnosed) and leaves a rolled-back stack; the next deploy explaining ROLLBACK_COMPLETE with its
 * recovery; the recovery; a full deploy (images, change sets, MMDSv2 by the control plane, READY, state file, smoke
 * calls over SigV4 and OAuth, policy-lint); a second deploy that changes nothing and says so; status; promote; logs;
 * an image that is not arm64 refused before anything is created; destroy leaving nothing but what is retained.
 *
 * <p>The workspace is a copy of the repository's deploy inputs (stacks.json, templates, environments, runtimes.json
 * with the offline model), with the hello agent's and mcp-echo's Jib tars (built once per run) in place of each
 * module's build, so the tool finds them fresh and does not run Maven.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalDeployTest {

    @TempDir
    static Path temp;

    LocalDeployStack stack;
    Path workspace;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    void start() throws Exception {
        stack = LocalDeployStack.start(temp.resolve("local"));
        workspace = workspace(temp.resolve("repo"));
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    static Path workspace(Path root) throws IOException {
        Path repo = RepositoryFiles.root();
        copyTree(repo.resolve("infra/templates"), root.resolve("infra/templates"));
        copyTree(repo.resolve("infra/env"), root.resolve("infra/env"));
        Files.copy(repo.resolve("infra/stacks.json"), root.resolve("infra/stacks.json"));
        JsonMapper json = JsonMapper.builder().build();
        // moto names a stack's roles <stack>-<logical id>-<suffix> without AWS's cut at 64 characters, and AgentCore
        // refuses a longer role name: a short prefix keeps them valid (local-aws gap, see the module README).
        Path sandbox = root.resolve("infra/env/sandbox.params.json");
        ObjectNode environment = (ObjectNode) json.readTree(sandbox.toFile());
        environment.put("stackPrefix", "ac");
        Files.writeString(sandbox, json.writerWithDefaultPrettyPrinter().writeValueAsString(environment));
        ObjectNode manifest = (ObjectNode) json.readTree(repo.resolve("runtimes.json").toFile());
        Path helloTar = JibImages.helloAgent("arm64");
        Path echoTar = JibImages.mcpEcho();
        for (var runtime : manifest.path("runtimes")) {
            if (runtime.has("environment")) {
                ((ObjectNode) runtime.path("environment")).put("AGENT_MODEL_PROVIDER", "offline");
            }
            Path tar = "MCP".equals(runtime.path("protocol").asString()) ? echoTar : helloTar;
            Path out = root.resolve(runtime.path("module").asString()).resolve("target/agentcore-deploy/scratch");
            Files.createDirectories(out);
            // The module's pom (the manifest checks it is a module), older than the image beside it.
            Files.copy(repo.resolve(runtime.path("module").asString()).resolve("pom.xml"),
                    root.resolve(runtime.path("module").asString()).resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(tar, out.resolve("image.tar"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(Path.of(tar.toString().replaceAll("\\.tar$", ".digest")), out.resolve("image.digest"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(root.resolve("runtimes.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        return root;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int exit = stack.run(console, workspace, args);
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("$ agentcore-deploy " + String.join(" ", args) + " -> " + exit + "\n" + run.all());
        return run;
    }

    CloudFormationClient cfn() {
        return CloudFormationClient.builder().region(Region.US_EAST_1).endpointOverride(stack.awsEndpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    BedrockAgentCoreControlClient control() {
        return BedrockAgentCoreControlClient.builder().region(Region.US_EAST_1).endpointOverride(stack.agentCoreEndpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    List<String> liveStacks() {
        try (var cfn = cfn()) {
            return cfn.listStacks().stackSummaries().stream().filter(s -> s.stackStatus() != StackStatus.DELETE_COMPLETE)
                    .map(s -> s.stackName() + " " + s.stackStatusAsString()).toList();
        }
    }

    @Test
    @Order(1)
    void aDryRunCreatesNothing() {
        Run run = cli("deploy", "--dry-run");
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("would create the stack").contains("dry run: nothing was built, pushed or created");
        assertThat(liveStacks()).isEmpty();
    }

    @Test
    @Order(2)
    void aDeployInterruptedAfterTwoStacksLeavesTheirOutputs() {
        Run first = cli("deploy", "--only", "cognito,ecr-mcp-echo", "--no-smoke");
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).contains("policy-lint against the deployed runtimes skipped: 0 of 4");
        assertThat(workspace.resolve(".agentcore/outputs/ac-cognito.json")).exists();
        assertThat(liveStacks()).hasSize(2);
    }

    @Test
    @Order(3)
    void theResumedDeployMakesEveryRuntimeReadyRecordsItAndCallsIt() throws Exception {
        Run run = cli("deploy");
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("== ecr-mcp-echo (ac-ecr-mcp-echo)\n   no changes")
                .contains("== cognito (ac-cognito)\n   no changes");
        assertThat(run.out())
                .contains("as arn:aws:").contains("policy-lint: no errors")
                .contains("MMDSv2 required on").contains("set through the control-plane API")
                .contains("mcp_echo").contains("tools/list").contains("HTTP 200");
        StateFile state = StateFile.read(workspace.resolve(".agentcore/state.json"));
        assertThat(state.runtimes()).hasSize(4);
        assertThat(state.runtimes()).allSatisfy(r -> assertThat(r.endpoints()).extracting(e -> e.name()).contains("DEFAULT"));
        assertThat(state.cognitoSettings()).isPresent();
        assertThat(liveStacks()).allSatisfy(s -> assertThat(s).endsWith("_COMPLETE").doesNotContain("ROLLBACK"));
    }

    @Test
    @Order(4)
    void aSecondDeployChangesNothingAndSaysSo() {
        List<String> versions;
        try (var control = control()) {
            versions = control.listAgentRuntimes(r -> { }).agentRuntimes().stream()
                    .map(r -> r.agentRuntimeName() + ":" + r.agentRuntimeVersion()).sorted().toList();
        }
        Run run = cli("deploy", "--no-smoke");
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("no changes: every stack is as deployed; nothing was created or updated")
                .doesNotContain("pushed").contains("already there");
        try (var control = control()) {
            assertThat(control.listAgentRuntimes(r -> { }).agentRuntimes().stream()
                    .map(r -> r.agentRuntimeName() + ":" + r.agentRuntimeVersion()).sorted().toList()).isEqualTo(versions);
        }
    }

    @Test
    @Order(5)
    void statusPromoteAndLogs() throws Exception {
        Run status = cli("status", "--ping");
        assertThat(status.exit()).as(status.all()).isZero();
        assertThat(status.out()).contains("CREATE_COMPLETE").contains("endpoint DEFAULT").contains("endpoint dev")
                .contains("ok");

        // The endpoints stacks pin version 1, made before MMDSv2 was set (which made version 2): calling through uat is
        // refused as on AWS, and diagnosed; promoting uat to the MMDSv2 version fixes it.
        Run stale = cli("promote", "--stage", "uat", "--version", "1", "hello_agent");
        assertThat(stale.exit()).as(stale.all()).isEqualTo(1);
        assertThat(stale.err()).contains("not MMDSv2-enabled").contains("[DP180]");
        String version = StateFile.read(workspace.resolve(".agentcore/state.json")).runtime("hello_agent").orElseThrow()
                .agentRuntimeVersion();
        assertThat(version).isEqualTo("2");
        Run promote = cli("promote", "--stage", "uat", "--version", version, "hello_agent");
        assertThat(promote.exit()).as(promote.all()).isZero();
        assertThat(promote.out()).contains("live version " + version).contains("through uat: ok");

        Run logs = cli("logs", "hello_agent", "--since", "5m");
        assertThat(logs.exit()).as(logs.all()).isEqualTo(1);
        assertThat(logs.err()).contains("no log group /aws/bedrock-agentcore/runtimes/hello_agent-")
                .contains("writes each session's log to a file");
    }

    @Test
    @Order(6)
    void anImageThatIsNotArm64IsRefusedBeforeAnythingIsCreated() throws Exception {
        Path repo = workspace(temp.resolve("amd64-repo"));
        Path tar = repo.resolve("mcp-servers/mcp-echo/target/agentcore-deploy/scratch/image.tar");
        AmdImage.write(tar);
        List<String> before = liveStacks();
        Path saved = workspace;
        workspace = repo;
        try {
            Run run = cli("deploy", "--only", "mcp_echo");
            assertThat(run.exit()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).contains("[DP120]").contains("Supported architectures: [arm64]")
                    .contains("nothing was created");
        } finally {
            workspace = saved;
        }
        assertThat(liveStacks()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void destroyLeavesNothingButWhatIsRetained() throws IOException {
        Run dry = cli("destroy", "--dry-run");
        assertThat(dry.exit()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("would be deleted").contains("kept (it holds ECR repositories");
        assertThat(liveStacks()).isNotEmpty();

        Run run = cli("destroy", "--delete-repositories");
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("UserPool (AWS::Cognito::UserPool, DeletionPolicy Retain)");
        assertThat(liveStacks()).isEmpty();
        try (var control = control()) {
            assertThat(control.listAgentRuntimes(r -> { }).agentRuntimes()).isEmpty();
        }
        assertThat(workspace.resolve(".agentcore/state.json")).doesNotExist();
        try (Stream<Path> outputs = Files.list(workspace.resolve(".agentcore/outputs"))) {
            assertThat(outputs.toList()).isEmpty();
        }
    }

    @Test
    @Order(8)
    void aTakenRuntimeNameIsDiagnosed() throws Exception {
        try (var control = control()) {
            control.createAgentRuntime(r -> r.agentRuntimeName("mcp_echo")
                    .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(
                            "123456789012.dkr.ecr.us-east-1.amazonaws.com/other:1")))
                    .roleArn("arn:aws:iam::123456789012:role/other").networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC)));
        }
        Run conflict = cli("deploy", "--no-smoke");
        assertThat(conflict.exit()).as(conflict.all()).isEqualTo(1);
        assertThat(conflict.err()).contains("ExecuteChangeSet of ac-runtime-mcp-echo failed at Runtime (AWS::BedrockAgentCore::Runtime)").contains("[DP140]")
                .contains("already exists").doesNotContain("\tat ");
    }
}
