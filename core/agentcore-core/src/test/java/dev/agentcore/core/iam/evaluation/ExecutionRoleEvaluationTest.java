package dev.agentcore.core.iam.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.arn.WorkloadIdentityArn;
import dev.agentcore.core.iam.PolicyDocument;
import dev.agentcore.core.iam.PolicyJson;

/**
 * The evaluations the local AgentCore makes for issue 10: the runtime's execution role asking for a workload access
 * token (the seed's opaque 403), SigV4 callers invoking a runtime, and AgentCore assuming the execution role through the
 * trust policy of infra/templates/runtime.yaml.
 */
class ExecutionRoleEvaluationTest {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final RuntimeArn RUNTIME = RuntimeArn.parse("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE");
    static final String WORKLOAD_IDENTITY = WorkloadIdentityArn.forRuntime(RUNTIME).toString();
    static final String ROLE = "arn:aws:iam::123456789012:role/McpEchoExecutionRole";
    static final String ROLE_SESSION = "arn:aws:sts::123456789012:assumed-role/McpEchoExecutionRole/BedrockAgentCore-4f2a";
    static final String FOR_JWT = "bedrock-agentcore:GetWorkloadAccessTokenForJWT";

    /**
     * The seed's GetAgentAccessToken statement (infra/infra-validation/src/test/resources/known-bad/seed-execution-role.yaml,
     * from the runtime-permissions page of the AgentCore developer guide) with the tutorial placeholder left in.
     */
    static final PolicyDocument SEED_POLICY = PolicyJson.read("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "ECRTokenAccess", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
              {"Sid": "GetAgentAccessToken", "Effect": "Allow",
               "Action": ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
                          "bedrock-agentcore:GetWorkloadAccessTokenForUserId"],
               "Resource": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default",
                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/agentName-*"]}
            ]}""");

    /** The same statement as infra/templates/runtime.yaml writes it (WorkloadAccessTokenOwnIdentity), resolved. */
    static final PolicyDocument CORRECTED_POLICY = PolicyJson.read("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "WorkloadAccessTokenOwnIdentity", "Effect": "Allow",
               "Action": ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
                          "bedrock-agentcore:GetWorkloadAccessTokenForUserId"],
               "Resource": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default",
                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/mcp_echo-*"]}
            ]}""");

    static AuthorizationRequest tokenRequest(String workloadIdentity) {
        return AuthorizationRequest.builder().principal(ROLE_SESSION).action(FOR_JWT).resource(workloadIdentity)
                .context("aws:RequestedRegion", REGION).build();
    }

    @Test
    void theSeedsTutorialPlaceholderIsAnImplicitDenyNamingTheGrantThatMissed() {
        PolicyEvaluator role = PolicyEvaluator.builder().identityPolicy("agentcore", SEED_POLICY).build();
        AuthorizationRequest request = tokenRequest(WORKLOAD_IDENTITY);

        Decision decision = role.evaluate(request);

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.missingAllow()).contains(PolicyType.IDENTITY);
        assertThat(decision.decidingStatements()).isEmpty();
        assertThat(decision.nearMisses()).singleElement().satisfies(miss -> {
            assertThat(miss.statement().label()).isEqualTo("agentcore/GetAgentAccessToken");
            assertThat(miss.mismatch()).isEqualTo(NearMiss.Mismatch.RESOURCE);
            assertThat(miss.detail()).contains("workload-identity/agentName-*");
        });
        assertThat(decision.accessDeniedMessage(request)).isEqualTo("User: " + ROLE_SESSION
                + " is not authorized to perform: bedrock-agentcore:GetWorkloadAccessTokenForJWT on resource: "
                + WORKLOAD_IDENTITY + " because no identity-based policy allows the "
                + "bedrock-agentcore:GetWorkloadAccessTokenForJWT action");
    }

    @Test
    void theSeedStillAllowsTheDirectoryItself() {
        // The directory ARN in the same statement is real: only the identity grant is a placeholder.
        PolicyEvaluator role = PolicyEvaluator.builder().identityPolicy("agentcore", SEED_POLICY).build();
        Decision decision = role.evaluate(tokenRequest(WorkloadIdentityArn.forRuntime(RUNTIME).directoryArn()));
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.decidingStatements()).extracting(StatementRef::label)
                .containsExactly("agentcore/GetAgentAccessToken");
    }

    @Test
    void theCorrectedGrantAllowsTheRuntimesOwnIdentityAndNoOtherRuntimes() {
        PolicyEvaluator role = PolicyEvaluator.builder().identityPolicy("runtime", CORRECTED_POLICY).build();

        Decision own = role.evaluate(tokenRequest(WORKLOAD_IDENTITY));
        assertThat(own.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(own.decidingStatements()).extracting(StatementRef::label)
                .containsExactly("runtime/WorkloadAccessTokenOwnIdentity");

        Decision other = role.evaluate(tokenRequest(WORKLOAD_IDENTITY.replace("mcp_echo-", "hello_agent-")));
        assertThat(other.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aRoleAskedAsItselfIsEvaluatedLikeItsSessions() {
        PolicyEvaluator role = PolicyEvaluator.builder().identityPolicy("runtime", CORRECTED_POLICY).build();
        AuthorizationRequest asRole = AuthorizationRequest.builder().principal(ROLE).action(FOR_JWT)
                .resource(WORKLOAD_IDENTITY).build();
        assertThat(role.evaluate(asRole).outcome()).isEqualTo(Outcome.ALLOW);
    }

    // --- SigV4 callers: InvokeAgentRuntime on the runtime and on its endpoint ---

    static final PolicyDocument INVOKER = PolicyJson.read("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "InvokeEchoDev", "Effect": "Allow", "Action": "bedrock-agentcore:InvokeAgentRuntime",
               "Resource": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE",
                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE/runtime-endpoint/dev"]}
            ]}""");

    static Decision invoke(PolicyEvaluator caller, String resource) {
        return caller.evaluate(AuthorizationRequest.builder().principal("arn:aws:iam::123456789012:user/alice")
                .action("bedrock-agentcore:InvokeAgentRuntime").resource(resource).build());
    }

    @Test
    void sigV4CallersNeedTheRuntimeAndTheEndpoint() {
        PolicyEvaluator alice = PolicyEvaluator.builder().identityPolicy("invoker", INVOKER).build();
        assertThat(invoke(alice, RUNTIME.toString()).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(invoke(alice, RUNTIME + "/runtime-endpoint/dev").outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(invoke(alice, RUNTIME + "/runtime-endpoint/prod").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        // Action names compare ignoring case, resource ARNs do not.
        assertThat(alice.evaluate(AuthorizationRequest.builder().principal("arn:aws:iam::123456789012:user/alice")
                .action("BEDROCK-AGENTCORE:invokeagentruntime").resource(RUNTIME.toString()).build()).outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(invoke(alice, RUNTIME.toString().replace("mcp_echo", "MCP_ECHO")).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aRuntimeWildcardAlsoCoversItsEndpoints() {
        // "The asterisk (*) character can expand to replace everything within a segment, including characters like a
        // forward slash (/)" (IAM User Guide, "IAM JSON policy elements: Resource"): runtime/mcp_echo-* reaches
        // runtime/mcp_echo-N0geaLEEPE/runtime-endpoint/prod as well.
        PolicyEvaluator wide = PolicyEvaluator.builder().identityPolicy("invoker", PolicyJson.read("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "bedrock-agentcore:InvokeAgentRuntime",
                 "Resource": "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-*"}}""")).build();
        assertThat(invoke(wide, RUNTIME + "/runtime-endpoint/prod").outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(invoke(wide, RUNTIME.toString().replace("mcp_echo", "hello_agent")).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    // --- The trust policy of every execution role in infra/templates/runtime.yaml ---

    /** AgentCoreRuntimeAssumeRole, with AWS::Partition, AWS::Region and AWS::AccountId resolved. */
    static final PolicyDocument TRUST = PolicyJson.read("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AgentCoreRuntimeAssumeRole", "Effect": "Allow",
               "Principal": {"Service": "bedrock-agentcore.amazonaws.com"}, "Action": "sts:AssumeRole",
               "Condition": {
                 "StringEquals": {"aws:SourceAccount": "123456789012"},
                 "ArnLike": {"aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:*"}}}
            ]}""");

    static Decision assume(String caller, String sourceAccount, String sourceArn) {
        PolicyEvaluator role = PolicyEvaluator.builder().trustPolicy("trust", TRUST).build();
        AuthorizationRequest.Builder request = AuthorizationRequest.builder().principal(caller)
                .action("sts:AssumeRole").resource(ROLE);
        if (sourceAccount != null) {
            request.context("aws:SourceAccount", sourceAccount);
        }
        if (sourceArn != null) {
            request.context("aws:SourceArn", sourceArn);
        }
        return role.evaluate(request.build());
    }

    @Test
    void agentCoreMayAssumeTheRoleForARuntimeOfThisAccountAndRegion() {
        Decision d = assume("bedrock-agentcore.amazonaws.com", ACCOUNT, RUNTIME.toString());
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.decidingStatements()).extracting(StatementRef::label).containsExactly("trust/AgentCoreRuntimeAssumeRole");
    }

    @Test
    void theConfusedDeputyGuardRefusesOtherAccountsRegionsServicesAndMissingKeys() {
        assertThat(assume("bedrock-agentcore.amazonaws.com", "999999999999", RUNTIME.toString()).outcome())
                .as("another account's runtime").isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(assume("bedrock-agentcore.amazonaws.com", ACCOUNT,
                RUNTIME.toString().replace("us-east-1", "eu-west-1")).outcome())
                .as("a runtime in another region").isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(assume("bedrock-agentcore.amazonaws.com", ACCOUNT,
                "arn:aws:bedrock:us-east-1:123456789012:agent/X").outcome())
                .as("another service's resource as source").isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(assume("bedrock.amazonaws.com", ACCOUNT, RUNTIME.toString()).outcome())
                .as("bedrock, not bedrock-agentcore").isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(assume("bedrock-agentcore.amazonaws.com", null, RUNTIME.toString()).outcome())
                .as("no aws:SourceAccount: StringEquals on a missing key is false").isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(assume("bedrock-agentcore.amazonaws.com", ACCOUNT, null).outcome())
                .as("no aws:SourceArn").isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aDenialOfTheTrustPolicyNamesTheConditionThatFailed() {
        Decision d = assume("bedrock-agentcore.amazonaws.com", "999999999999", RUNTIME.toString());
        assertThat(d.missingAllow()).contains(PolicyType.RESOURCE);
        assertThat(d.nearMisses()).singleElement().satisfies(m -> {
            assertThat(m.mismatch()).isEqualTo(NearMiss.Mismatch.CONDITION);
            assertThat(m.detail()).isEqualTo("StringEquals aws:SourceAccount");
        });
    }

    @Test
    void noIamPrincipalOfTheAccountMayAssumeTheExecutionRoleEvenWithAnIdentityGrant() {
        // Trust policies "must explicitly allow access for principals": the user's own sts:AssumeRole grant is not enough.
        PolicyEvaluator user = PolicyEvaluator.builder()
                .identityPolicy("admin", PolicyJson.read("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"""))
                .trustPolicy("trust", TRUST).build();
        Decision d = user.evaluate(AuthorizationRequest.builder().principal("arn:aws:iam::123456789012:user/admin")
                .action("sts:AssumeRole").resource(ROLE).context("aws:SourceAccount", ACCOUNT).build());
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.missingAllow()).contains(PolicyType.RESOURCE);
        assertThat(d.nearMisses()).extracting(NearMiss::mismatch).containsExactly(NearMiss.Mismatch.PRINCIPAL);
    }

    // --- The conditions of the execution roles' own grants (HelloAgentExecutionRole and RuntimeBasePolicy) ---

    static final String HELLO_SESSION = "arn:aws:sts::123456789012:assumed-role/HelloAgentExecutionRole/BedrockAgentCore-1";
    static final String PROFILE = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0";

    /** ModelInvokeInferenceProfile, ModelInvokeThroughProfileOnly and MetricsInAgentCoreNamespace, with defaults resolved. */
    static final PolicyEvaluator HELLO_ROLE = PolicyEvaluator.builder()
            .identityPolicy("RuntimeBasePolicy", PolicyJson.read("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Sid": "MetricsInAgentCoreNamespace", "Effect": "Allow", "Action": "cloudwatch:PutMetricData",
                       "Resource": "*", "Condition": {"StringEquals": {"cloudwatch:namespace": "bedrock-agentcore"}}}]}"""))
            .identityPolicy("runtime", PolicyJson.read("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Sid": "ModelInvokeInferenceProfile", "Effect": "Allow",
                       "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                       "Resource": "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0"},
                      {"Sid": "ModelInvokeThroughProfileOnly", "Effect": "Allow",
                       "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                       "Resource": "arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                       "Condition": {"StringEquals": {"bedrock:InferenceProfileArn":
                         "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0"}}}]}"""))
            .build();

    static Decision invokeModel(String resource, String profile) {
        AuthorizationRequest.Builder r = AuthorizationRequest.builder().principal(HELLO_SESSION)
                .action("bedrock:InvokeModelWithResponseStream").resource(resource);
        if (profile != null) {
            r.context("bedrock:InferenceProfileArn", profile);
        }
        return HELLO_ROLE.evaluate(r.build());
    }

    @Test
    void theFoundationModelIsReachableInAnyRegionButOnlyThroughTheProfile() {
        String model = "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0";
        assertThat(invokeModel(PROFILE, null).outcome()).isEqualTo(Outcome.ALLOW);
        Decision through = invokeModel(model, PROFILE);
        assertThat(through.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(through.decidingStatements()).extracting(StatementRef::label).containsExactly("runtime/ModelInvokeThroughProfileOnly");
        Decision direct = invokeModel(model, null);
        assertThat(direct.outcome()).as("no profile in the request").isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(direct.nearMisses()).extracting(NearMiss::detail).contains("StringEquals bedrock:InferenceProfileArn");
        assertThat(invokeModel(model, PROFILE.replace("us.anthropic", "eu.anthropic")).outcome()).as("another profile")
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(invokeModel(model.replace("claude-sonnet-4", "claude-opus-4"), PROFILE).outcome()).as("another model")
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void metricsGoOnlyToTheAgentCoreNamespace() {
        AuthorizationRequest.Builder put = AuthorizationRequest.builder().principal(HELLO_SESSION)
                .action("cloudwatch:PutMetricData").resource("*");
        assertThat(HELLO_ROLE.evaluate(put.context("cloudwatch:namespace", "bedrock-agentcore").build()).outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(HELLO_ROLE.evaluate(put.context("cloudwatch:namespace", "AWS/Billing").build()).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** The transcriptions above must follow the template: this fails when the template's guard changes. */
    @Test
    void theTranscribedTrustConditionsAreTheTemplates() throws IOException {
        Path template = Path.of(System.getProperty("repo.root"), "infra/templates/runtime.yaml");
        String yaml = Files.readString(template);
        assertThat(yaml).contains("""
                            Principal:
                              Service: bedrock-agentcore.amazonaws.com
                            Action: sts:AssumeRole
                            Condition:
                              StringEquals:
                                aws:SourceAccount: !Ref AWS::AccountId
                              ArnLike:
                                aws:SourceArn: !Sub "arn:${AWS::Partition}:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:*"
                """);
        assertThat(yaml).contains("workload-identity-directory/default/workload-identity/${RuntimeName}-*\"");
        assertThat(yaml).contains("""
                                Condition:
                                  StringEquals:
                                    cloudwatch:namespace: bedrock-agentcore
                """);
        assertThat(yaml).contains("""
                                  Resource: !Sub
                                    - "arn:${AWS::Partition}:bedrock:*::foundation-model/${FoundationModelId}"
                                    - FoundationModelId: !Join [".", [!Select [1, !Split [".", !Ref ModelId]], !Select [2, !Split [".", !Ref ModelId]]]]
                                  Condition:
                                    StringEquals:
                                      bedrock:InferenceProfileArn: !Sub "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/${ModelId}"
                """);
    }
}
