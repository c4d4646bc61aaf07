package dev.agentcore.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentcore.deploy.output.Console;
import dev.agentcore.testing.RepositoryFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the local AgentCore cannot make: AWS refusing the deployer an AgentCore action, replayed over WireMock as AWS
 * answers it (403, {@code x-amzn-ErrorType: AccessDeniedException}, IAM's standard wording), reaching the user as
 * the DP161 diagnosis with exit 3 and no stack trace. STS answers as AWS does for an assumed role.
 */
class WireMockDiagnosesTest {

    static final String DENIED = "User: arn:aws:sts::123456789012:assumed-role/pipeline/ci is not authorized to perform:"
            + " bedrock-agentcore:UpdateAgentRuntimeEndpoint on resource: arn:aws:bedrock-agentcore:us-east-1:123456789012:"
            + "runtime/hello_agent-AbCdE12345 because no identity-based policy allows the"
            + " bedrock-agentcore:UpdateAgentRuntimeEndpoint action";

    @TempDir
    Path root;

    WireMockServer aws;

    @BeforeEach
    void start() throws Exception {
        aws = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        aws.start();
        aws.stubFor(post(urlPathMatching("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<GetCallerIdentityResult><Arn>arn:aws:sts::123456789012:assumed-role/pipeline/ci</Arn>"
                        + "<UserId>AROAEXAMPLE:ci</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
                        + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>")));
        aws.stubFor(any(urlPathMatching("/runtimes/?")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"agentRuntimes\":[{\"agentRuntimeArn\":"
                        + "\"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345\","
                        + "\"agentRuntimeId\":\"hello_agent-AbCdE12345\",\"agentRuntimeName\":\"hello_agent\","
                        + "\"agentRuntimeVersion\":\"3\",\"description\":\"\",\"lastUpdatedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"status\":\"READY\"}]}")));
        aws.stubFor(put(urlPathMatching("/runtimes/.*/runtime-endpoints/.*")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"message\":\"" + DENIED + "\"}")));
        Path repo = RepositoryFiles.root();
        for (String path : new String[] {"infra/templates", "infra/env"}) {
            try (Stream<Path> files = Files.walk(repo.resolve(path))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = root.resolve(repo.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.copy(repo.resolve("infra/stacks.json"), root.resolve("infra/stacks.json"));
        Files.copy(repo.resolve("runtimes.json"), root.resolve("runtimes.json"));
        for (var runtime : tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(repo.resolve("runtimes.json").toFile()).path("runtimes")) {
            Path pom = root.resolve(runtime.path("module").asString()).resolve("pom.xml");
            Files.createDirectories(pom.getParent());
            Files.copy(repo.resolve(runtime.path("module").asString()).resolve("pom.xml"), pom);
        }
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void aDeniedAgentCoreActionIsDiagnosedWithTheDeployerPolicy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int exit = AgentCoreDeploy.run(console, "promote", "--stage", "uat", "--version", "3", "hello_agent",
                "--root", root.toString(), "--aws-endpoint", aws.baseUrl(), "--agentcore-endpoint", aws.baseUrl(),
                "--poll-ms", "10");
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out + error).isEqualTo(3);
        assertThat(error).contains("UpdateAgentRuntimeEndpoint uat of hello_agent-AbCdE12345 failed")
                .contains("[DP161]").contains("bedrock-agentcore:UpdateAgentRuntimeEndpoint")
                .contains("DeployerPolicy").doesNotContain("\tat ");
    }
}
