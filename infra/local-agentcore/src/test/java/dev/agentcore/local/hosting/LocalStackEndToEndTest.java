package dev.agentcore.local.hosting;

import dev.agentcore.testing.JibImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.local.LocalAgentCoreConfig;
import dev.agentcore.local.LocalStack;
import dev.agentcore.local.runner.HostJdk;
import dev.agentcore.local.runner.SessionKey;
import dev.agentcore.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServerProtocol;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The local AgentCore running a real agent, end to end, through the real AWS SDK for Java: the hello agent's Jib image
 * pushed to the image store, CreateAgentRuntime, InvokeAgentRuntime (SigV4, the offline model's streamed answer) with
 * session affinity on one process, StopRuntimeSession ending it, and an amd64 image refused; then the launcher as a
 * process, stopped by SIGTERM with exit 0 and no session process left behind.
 */
class LocalStackEndToEndTest {

    static final String URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/hello-agent:1";
    static final String AMD64_URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/hello-agent:amd64";
    static final String ROLE = "arn:aws:iam::123456789012:role/hello_agent_execution";
    static final String SESSION = "e2e-session-" + "s".repeat(30);

    @TempDir
    Path state;

    @Test
    void runsTheHelloAgentPerSessionAndRefusesAnAmd64Image() throws Exception {
        Path arm64 = JibImages.helloAgent("arm64");
        Path amd64 = JibImages.helloAgent("amd64");
        var agentCore = LocalAgentCoreConfig.builder().provisioningDelay(Duration.ofMillis(20))
                .stateDirectory(state).build();
        // The SDK 2.40.2 cannot send metadataConfiguration, so these runtimes are not MMDSv2-enabled.
        var settings = new LocalStack.Settings(agentCore, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), Map.of(AMD64_URI, amd64), 4, java.util.Optional.empty(), List.of(), false, true);
        try (LocalStack stack = LocalStack.start(settings)) {
            // As the deploy tool pushes: a copy in the image store, under the URI.
            stack.images().push(URI, arm64);
            assertThat(stack.images().images()).containsKeys(URI, AMD64_URI);
            try (var control = control(stack); var data = data(stack)) {
                String id = control.createAgentRuntime(r -> r.agentRuntimeName("hello_agent")
                        .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(URI)))
                        .roleArn(ROLE).networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                        .protocolConfiguration(p -> p.serverProtocol(ServerProtocol.HTTP))
                        .environmentVariables(Map.of("AGENT_MODEL_PROVIDER", "offline"))).agentRuntimeId();
                await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
                String arn = control.getAgentRuntime(r -> r.agentRuntimeId(id)).agentRuntimeArn();

                assertThat(invoke(data, arn, "hi")).isEqualTo("[offline model] You said: hi");
                SessionKey key = new SessionKey(id, "1", SESSION);
                assertThat(stack.sessions().sessions()).containsExactly(key);
                long pid = stack.sessions().pid(key).orElseThrow();

                // The same session id reaches the same process.
                assertThat(invoke(data, arn, "again")).isEqualTo("[offline model] You said: again");
                assertThat(stack.sessions().pid(key)).contains(pid);

                var stopped = data.stopRuntimeSession(r -> r.agentRuntimeArn(arn).runtimeSessionId(SESSION));
                assertThat(stopped.runtimeSessionId()).isEqualTo(SESSION);
                assertThat(stopped.statusCode()).isEqualTo(200);
                assertThat(stack.sessions().sessions()).isEmpty();
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThatThrownBy(() -> data.stopRuntimeSession(r -> r.agentRuntimeArn(arn).runtimeSessionId(SESSION)))
                        .isInstanceOfSatisfying(ResourceNotFoundException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(404));

                String refused = control.createAgentRuntime(r -> r.agentRuntimeName("hello_amd64")
                        .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(AMD64_URI)))
                        .roleArn(ROLE).networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))).agentRuntimeId();
                await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(refused)).statusAsString(), "CREATE_FAILED");
                assertThat(control.getAgentRuntime(r -> r.agentRuntimeId(refused)).failureReason()).isEqualTo(
                        "Architecture incompatible for uri '" + AMD64_URI + "'. Supported architectures: [arm64]");
            }
        }
    }

    static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
    static final String TRUST = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
             "Principal": {"Service": "bedrock-agentcore.amazonaws.com"}, "Action": "sts:AssumeRole",
             "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}}]}""";

    /**
     * The hello agent on the Bedrock provider behind the local AgentCore and the local AWS (moto): its session gets the
     * execution role's credentials and the AWS gateway as {@code AWS_ENDPOINT_URL}; the agent kit's Bedrock client
     * reaches the gateway (HTTP/1.1 on its plain http:// endpoint), whose local model answers while the role's policy
     * grants the model, and whose AccessDeniedException, once a version's role does not, the agent reports as its
     * starter reports a failed stream: HTTP 200 and one SSE error event naming the role, the action and the model.
     */
    @Test
    void runsTheHelloAgentOnBedrockWithItsExecutionRoleEnforced() throws Exception {
        Path arm64 = JibImages.helloAgent("arm64");
        try (MotoServer moto = MotoServer.start();
             IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            // With a local AWS, the caller's policies come from its IAM too: the static pair's user may invoke.
            iam.createUser(r -> r.userName("local"));
            iam.putUserPolicy(r -> r.userName("local").policyName("invoke").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Action": "bedrock-agentcore:InvokeAgentRuntime", "Resource": "*"}]}"""));
            iam.createRole(r -> r.roleName("hello_bedrock").assumeRolePolicyDocument(TRUST));
            iam.putRolePolicy(r -> r.roleName("hello_bedrock").policyName("model").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                     "Resource": "arn:aws:bedrock:us-east-1::foundation-model/%s"}]}""".formatted(MODEL)));
            // The same role without the model's grant: the developer guide's logs grant only.
            iam.createRole(r -> r.roleName("hello_no_model").assumeRolePolicyDocument(TRUST));
            iam.putRolePolicy(r -> r.roleName("hello_no_model").policyName("logs").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:PutLogEvents",
                     "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/*"}]}"""));

            var agentCore = LocalAgentCoreConfig.builder().provisioningDelay(Duration.ofMillis(20)).build();
            var settings = new LocalStack.Settings(agentCore, java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), Map.of(URI, arm64), 4, java.util.Optional.of(moto.endpoint()), List.of(),
                    false, true);
            try (LocalStack stack = LocalStack.start(settings); var control = control(stack); var data = data(stack)) {
                Map<String, String> bedrock = Map.of("AGENT_MODEL_PROVIDER", "bedrock", "AGENT_MODEL_MODEL_ID", MODEL);
                String id = control.createAgentRuntime(r -> r.agentRuntimeName("hello_bedrock")
                        .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(URI)))
                        .roleArn("arn:aws:iam::123456789012:role/hello_bedrock")
                        .networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                        .environmentVariables(bedrock)).agentRuntimeId();
                await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
                String arn = control.getAgentRuntime(r -> r.agentRuntimeId(id)).agentRuntimeArn();

                assertThat(invoke(data, arn, "hi")).isEqualTo("[local model] You said: hi");

                // Version 2 runs as the role without the grant; DEFAULT follows it, and the session starts anew on it.
                control.updateAgentRuntime(r -> r.agentRuntimeId(id)
                        .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(URI)))
                        .roleArn("arn:aws:iam::123456789012:role/hello_no_model")
                        .networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                        .environmentVariables(bedrock));
                await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
                await(() -> control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("DEFAULT"))
                        .liveVersion(), "2");

                // The gateway's request id varies; the rest is what the caller reads.
                String refused = rawInvoke(data, arn, "hi").replaceAll("request id [0-9a-f-]{36}", "request id REQUEST");
                assertThat(refused).isEqualTo("data: {\"error\": \"Bedrock model '" + MODEL + "' failed:"
                        + " AccessDeniedException (HTTP 403, request id REQUEST): User: arn:aws:sts::123456789012:"
                        + "assumed-role/hello_no_model/BedrockAgentCore-" + SESSION + " is not authorized to perform:"
                        + " bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-1::foundation-model/"
                        + MODEL + " because no identity-based policy allows the bedrock:InvokeModelWithResponseStream"
                        + " action\", \"error_type\": \"ModelException\", \"message\": \"An error occurred during"
                        + " streaming\"}\n\n");
            }
        }
    }

    @Test
    void theLauncherServesEverythingOnOnePortAndStopsItsSessionsOnSigterm() throws Exception {
        Path arm64 = JibImages.helloAgent("arm64");
        Process launcher = new ProcessBuilder(HostJdk.find().java().toString(), "-cp",
                System.getProperty("java.class.path"), "dev.agentcore.local.LocalAgentCore", "--port", "0",
                "--state-dir", state.toString(), "--provisioning-delay", "20", "--image", URI + "=" + arm64,
                "--require-mmdsv2", "false").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("# SigV4 callers")) {
                lines.add(line);
            }
            assertThat(lines.get(0)).startsWith("local-agentcore: listening on http://127.0.0.1:");
            String endpoint = lines.get(0).replaceAll(".*listening on (\\S+) .*", "$1");
            assertThat(lines).contains("export AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=" + endpoint,
                    "export AWS_ENDPOINT_URL_BEDROCK_AGENTCORE=" + endpoint,
                    "export LOCAL_AGENTCORE_COGNITO_URL=" + endpoint + "/cognito");
            assertThat(line).contains("access key local is arn:aws:iam::123456789012:user/local");
            assertThat(lines).anyMatch(l -> l.startsWith("# sessions: host-JDK processes ("));

            var local = java.net.URI.create(endpoint);
            try (var control = control(local); var data = data(local)) {
                String id = control.createAgentRuntime(r -> r.agentRuntimeName("hello_agent")
                        .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(URI)))
                        .roleArn(ROLE).networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                        .environmentVariables(Map.of("AGENT_MODEL_PROVIDER", "offline"))).agentRuntimeId();
                await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
                String arn = control.getAgentRuntime(r -> r.agentRuntimeId(id)).agentRuntimeArn();
                assertThat(invoke(data, arn, "hi")).isEqualTo("[offline model] You said: hi");
            }
            // The session's process is the launcher's child (the agent's JVM).
            List<ProcessHandle> sessions = launcher.toHandle().descendants().toList();
            assertThat(sessions).isNotEmpty();

            launcher.destroy(); // SIGTERM
            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).isZero();
            assertThat(sessions).noneMatch(ProcessHandle::isAlive);
        } finally {
            launcher.destroyForcibly();
            launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The offline model's answer: server-sent events of JSON strings, joined. */
    static String invoke(BedrockAgentCoreClient data, String arn, String prompt) throws Exception {
        try (var answer = data.invokeAgentRuntime(r -> r.agentRuntimeArn(arn).runtimeSessionId(SESSION)
                .contentType("application/json").payload(SdkBytes.fromUtf8String("{\"prompt\":\"" + prompt + "\"}")))) {
            assertThat(answer.response().runtimeSessionId()).isEqualTo(SESSION);
            assertThat(answer.response().contentType()).startsWith("text/event-stream");
            String body = new String(answer.readAllBytes(), StandardCharsets.UTF_8);
            return body.lines().filter(l -> l.startsWith("data: "))
                    .map(l -> l.substring("data: \"".length(), l.length() - 1)).collect(Collectors.joining());
        }
    }

    /** The whole answer, as it streams back (status 200: an SSE stream has begun before any model error). */
    static String rawInvoke(BedrockAgentCoreClient data, String arn, String prompt) throws Exception {
        try (var answer = data.invokeAgentRuntime(r -> r.agentRuntimeArn(arn).runtimeSessionId(SESSION)
                .contentType("application/json").payload(SdkBytes.fromUtf8String("{\"prompt\":\"" + prompt + "\"}")))) {
            assertThat(answer.response().sdkHttpResponse().statusCode()).isEqualTo(200);
            assertThat(answer.response().contentType()).startsWith("text/event-stream");
            return new String(answer.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void await(Supplier<String> status, String expected) {
        Instant deadline = Instant.now().plusSeconds(20);
        String last = status.get();
        while (!expected.equals(last) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = status.get();
        }
        assertThat(last).as("status after polling").isEqualTo(expected);
    }

    static BedrockAgentCoreControlClient control(LocalStack stack) {
        return control(stack.endpoint());
    }

    static BedrockAgentCoreClient data(LocalStack stack) {
        return data(stack.endpoint());
    }

    /** The local stack's static key: the launcher's default caller, allowed to invoke and stop without a local AWS. */
    static BedrockAgentCoreControlClient control(java.net.URI endpoint) {
        return BedrockAgentCoreControlClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }

    static BedrockAgentCoreClient data(java.net.URI endpoint) {
        return BedrockAgentCoreClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }
}
