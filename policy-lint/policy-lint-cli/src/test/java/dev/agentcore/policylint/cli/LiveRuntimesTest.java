package dev.agentcore.policylint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.agentcore.policylint.runtime.AgentRuntime;
import dev.agentcore.policylint.runtime.LiveRuntimes;

/**
 * {@code --live} against WireMock standing in for the AgentCore control plane (it cannot run here): the real AWS SDK
 * client, ListAgentRuntimes across pages, then GetAgentRuntime for each runtime.
 */
class LiveRuntimesTest {

    static WireMockServer control;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        control = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        control.start();
    }

    @AfterAll
    static void stop() {
        control.stop();
        System.clearProperty("aws.endpointUrlBedrockAgentCoreControl");
    }

    @BeforeEach
    void stubs() {
        control.resetAll();
        control.stubFor(post(urlPathEqualTo("/runtimes/")).withQueryParam("nextToken", absent())
                .willReturn(json("""
                        {"agentRuntimes": [{"agentRuntimeArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE",
                          "agentRuntimeId": "mcp_echo-N0geaLEEPE", "agentRuntimeName": "mcp_echo", "agentRuntimeVersion": "3",
                          "description": "", "lastUpdatedAt": "2025-10-01T08:15:42Z", "status": "READY"}],
                         "nextToken": "page-2"}""")));
        control.stubFor(post(urlPathEqualTo("/runtimes/")).withQueryParam("nextToken", equalTo("page-2"))
                .willReturn(json("""
                        {"agentRuntimes": [{"agentRuntimeArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/strands_agent-Xy12AbC9dE",
                          "agentRuntimeId": "strands_agent-Xy12AbC9dE", "agentRuntimeName": "strands_agent", "agentRuntimeVersion": "1",
                          "description": "", "lastUpdatedAt": "2025-11-02T10:00:00Z", "status": "READY"}]}""")));
        control.stubFor(get(urlEqualTo("/runtimes/mcp_echo-N0geaLEEPE/")).willReturn(json(getResponse(
                "mcp_echo", "mcp_echo-N0geaLEEPE", "2025-09-30T12:00:00Z", true))));
        control.stubFor(get(urlEqualTo("/runtimes/strands_agent-Xy12AbC9dE/")).willReturn(json(getResponse(
                "strands_agent", "strands_agent-Xy12AbC9dE", "2025-11-02T09:00:00Z", false))));
    }

    private static String getResponse(String name, String id, String createdAt, boolean jwt) {
        String arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + id;
        return """
                {"agentRuntimeArn": "%s", "agentRuntimeName": "%s", "agentRuntimeId": "%s", "agentRuntimeVersion": "1",
                 "createdAt": "%s", "lastUpdatedAt": "%s", "roleArn": "arn:aws:iam::123456789012:role/%s-role",
                 "networkConfiguration": {"networkMode": "PUBLIC"}, "status": "READY",
                 "lifecycleConfiguration": {"idleRuntimeSessionTimeout": 900, "maxLifetime": 28800},
                 "workloadIdentityDetails": {"workloadIdentityArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/%s"},
                 "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1"}}
                 %s}""".formatted(arn, name, id, createdAt, createdAt, name, id,
                jwt ? ", \"authorizerConfiguration\": {\"customJWTAuthorizer\": {\"discoveryUrl\": "
                        + "\"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration\", "
                        + "\"allowedClients\": [\"client\"]}}" : "");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static void pointSdkAtWireMock() {
        System.setProperty("aws.endpointUrlBedrockAgentCoreControl", control.baseUrl());
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @Test
    void listsEveryPageThenGetsEachRuntime() throws Exception {
        pointSdkAtWireMock();
        List<AgentRuntime> runtimes = LiveRuntimes.fetch("us-east-1");
        assertThat(runtimes).extracting(AgentRuntime::id).containsExactly("mcp_echo-N0geaLEEPE", "strands_agent-Xy12AbC9dE");
        assertThat(runtimes.getFirst().jwtAuthorizer()).isTrue();
        assertThat(runtimes.getFirst().roleArn()).endsWith("role/mcp_echo-role");
        assertThat(runtimes.get(1).jwtAuthorizer()).isFalse();
        control.verify(2, postRequestedFor(urlPathEqualTo("/runtimes/"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/us-east-1/bedrock-agentcore/aws4_request.*")));
        control.verify(getRequestedFor(urlEqualTo("/runtimes/mcp_echo-N0geaLEEPE/")));
        control.verify(getRequestedFor(urlEqualTo("/runtimes/strands_agent-Xy12AbC9dE/")));
    }

    @Test
    void theLiveRuntimesDriveTheChecks() {
        pointSdkAtWireMock();
        Cli r = Cli.run(dir, "--no-config", "--live", "--region", "us-east-1", Cli.fixture("rules/seed-infrastructure.yaml"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("PL110").contains("matches none of the actual runtimes (2)")
                .contains("closest by name: mcp_echo (mcp_echo-N0geaLEEPE), strands_agent (strands_agent-Xy12AbC9dE)");
    }

    @Test
    void serviceErrorsBecomeOneLineAndExitTwo() {
        pointSdkAtWireMock();
        control.stubFor(post(urlPathEqualTo("/runtimes/")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"message\": \"User is not authorized to perform: bedrock-agentcore:ListAgentRuntimes\"}")));
        Cli r = Cli.run(dir, "--no-config", "--live", "--region", "us-east-1", Cli.fixture("rules/seed-infrastructure.yaml"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("live: cannot list AgentCore runtimes: User is not authorized to perform: bedrock-agentcore:ListAgentRuntimes")
                .doesNotContain("\tat ");
    }

    @Test
    void honoursTheServiceSpecificEndpointEnvironmentVariable() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PolicyLint.class.getName(), "--no-config", "--live", "--format", "json", Cli.fixture("rules/seed-infrastructure.yaml"))
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", control.baseUrl());
        pb.environment().put("AWS_REGION", "us-east-1");
        pb.environment().put("AWS_ACCESS_KEY_ID", "AKIDENV");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
        pb.environment().put("AWS_CONFIG_FILE", dir.resolve("none").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("\"ruleId\" : \"PL110\"");
        control.verify(getRequestedFor(urlEqualTo("/runtimes/strands_agent-Xy12AbC9dE/"))
                .withHeader("Authorization", matching(".*Credential=AKIDENV/.*")));
    }
}
