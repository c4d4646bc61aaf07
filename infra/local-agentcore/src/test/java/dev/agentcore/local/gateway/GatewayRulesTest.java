package dev.agentcore.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.agentcore.local.gateway.GatewayRule.Check;
import dev.agentcore.local.http.Response;
import dev.agentcore.testing.RepositoryFiles;

/** One fixture call per rule of {@link GatewayRules#ALL}: the action and resources IAM is asked about. */
class GatewayRulesTest {

    record Fixture(String json, String path, List<String> resources) {
    }

    /** Rule id -> the call's JSON body (or REST path) and the resources the Service Authorization Reference names. */
    static final Map<String, Fixture> FIXTURES = Map.ofEntries(
            Map.entry("GW-LOGS-CREATE-LOG-GROUP", new Fixture("{\"logGroupName\":\"/aws/x\"}", null,
                    List.of("arn:aws:logs:us-east-1:123456789012:log-group:/aws/x"))),
            Map.entry("GW-LOGS-CREATE-LOG-STREAM", new Fixture("{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}", null,
                    List.of("arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s"))),
            Map.entry("GW-LOGS-PUT-LOG-EVENTS", new Fixture("{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}", null,
                    List.of("arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s"))),
            Map.entry("GW-LOGS-DESCRIBE-LOG-STREAMS", new Fixture(
                    "{\"logGroupIdentifier\":\"arn:aws:logs:us-east-1:123456789012:log-group:g:*\"}", null,
                    List.of("arn:aws:logs:us-east-1:123456789012:log-group:g"))),
            Map.entry("GW-LOGS-DESCRIBE-LOG-GROUPS", new Fixture("{}", null,
                    List.of("arn:aws:logs:us-east-1:123456789012:log-group:*"))),
            Map.entry("GW-ECR-GET-AUTHORIZATION-TOKEN", new Fixture("{}", null, List.of("*"))),
            Map.entry("GW-ECR-BATCH-GET-IMAGE", new Fixture("{\"repositoryName\":\"hello\"}", null,
                    List.of("arn:aws:ecr:us-east-1:123456789012:repository/hello"))),
            Map.entry("GW-ECR-GET-DOWNLOAD-URL-FOR-LAYER", new Fixture(
                    "{\"registryId\":\"210987654321\",\"repositoryName\":\"base/jre\"}", null,
                    List.of("arn:aws:ecr:us-east-1:210987654321:repository/base/jre"))),
            Map.entry("GW-STS-GET-CALLER-IDENTITY", new Fixture("{}", null, List.of())),
            Map.entry("GW-BEDROCK-CONVERSE", new Fixture("{}", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse",
                    List.of("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"))),
            Map.entry("GW-BEDROCK-CONVERSE-STREAM", new Fixture("{}",
                    "/model/global.anthropic.claude-sonnet-4-6/converse-stream",
                    List.of("arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-6",
                            "arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-6"))));

    static Stream<Arguments> rules() {
        return GatewayRules.ALL.stream().map(rule -> Arguments.of(rule.id(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleNamesTheResourcesOfItsFixture(String id, GatewayRule rule) {
        Fixture fixture = FIXTURES.get(id);
        assertThat(fixture).as("a fixture for " + id).isNotNull();
        Map<String, String> labels = Map.of();
        if (rule.rest().isPresent()) {
            var match = GatewayRules.rest(rule.service(), rule.rest().get().method(), fixture.path()).orElseThrow();
            assertThat(match.rule()).isEqualTo(rule);
            labels = match.labels();
        } else {
            assertThat(GatewayRules.named(rule.service(), rule.operation())).contains(rule);
        }
        OperationCall call = new OperationCall(rule.service(), rule.operation(), AwsProtocol.JSON_1_1,
                Response.JSON.readTree(fixture.json()), Map.of(), labels, "us-east-1", "123456789012");
        switch (rule.check()) {
            case Check.Action a -> assertThat(a.resources().apply(call)).isEqualTo(fixture.resources());
            case Check.NeverDenied n -> assertThat(fixture.resources()).isEmpty();
        }
    }

    @Test
    void aFoundationModelArnIsItsOwnResourceAndAnUnknownPathHasNoRule() {
        OperationCall call = new OperationCall("bedrock", "Converse", AwsProtocol.REST_JSON,
                Response.JSON.createObjectNode(), Map.of(), Map.of("modelId",
                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc"), "us-east-1", "123456789012");
        assertThat(GatewayRules.modelResources(call))
                .containsExactly("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc");
        assertThat(GatewayRules.rest("bedrock", "POST", "/model/m/invoke")).isEmpty();
        assertThat(GatewayRules.named("logs", "DeleteLogGroup")).isEmpty();
    }

    /**
     * A call through an inference profile carries bedrock:InferenceProfileArn, so the grant AWS's cross-Region
     * inference guide writes (the foundation model, conditioned on the profile; infra/templates/runtime.yaml) allows it.
     */
    @Test
    void aFoundationModelGrantConditionedOnTheProfileAllowsACallThroughIt() {
        OperationCall call = new OperationCall("bedrock", "ConverseStream", AwsProtocol.REST_JSON,
                Response.JSON.createObjectNode(), Map.of(), Map.of("modelId", "us.anthropic.claude-sonnet-4-20250514-v1:0"),
                "us-east-1", "123456789012");
        String profile = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0";
        String role = "arn:aws:sts::123456789012:assumed-role/agent/BedrockAgentCore-s";
        var iam = new dev.agentcore.local.data.InMemoryIamDirectory().put(role, "model", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "bedrock:InvokeModelWithResponseStream", "Resource": "%s"},
                  {"Effect": "Allow", "Action": "bedrock:InvokeModelWithResponseStream",
                   "Resource": "arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                   "Condition": {"StringEquals": {"bedrock:InferenceProfileArn": "%s"}}}]}
                """.formatted(profile, profile));
        var check = new dev.agentcore.local.data.IdentityPolicyCheck(iam);
        var principal = dev.agentcore.core.arn.PrincipalArn.parse(role).orElseThrow();
        var resources = GatewayRules.modelResources(call);
        assertThat(GatewayRules.modelContext(call)).containsEntry("bedrock:InferenceProfileArn", List.of(profile));
        assertThat(check.refusal(principal, "bedrock:InvokeModelWithResponseStream", resources,
                GatewayRules.modelContext(call))).isEmpty();
        assertThat(check.refusal(principal, "bedrock:InvokeModelWithResponseStream", resources)).isPresent();
    }

    @Test
    void theReadmeShowsTheRulesAsTheyAre() throws Exception {
        String readme = Files.readString(RepositoryFiles.root().resolve("infra/local-agentcore/README.md"));
        assertThat(readme).as("infra/local-agentcore/README.md's gateway table; regenerate it from"
                + " GatewayRules.markdownTable()").contains(GatewayRules.markdownTable());
    }
}
