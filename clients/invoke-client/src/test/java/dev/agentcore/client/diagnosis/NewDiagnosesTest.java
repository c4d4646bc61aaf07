package dev.agentcore.client.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.client.http.AwsError;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.DiagnosisReport;
import dev.agentcore.client.report.LikelyCause;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The variants of the rules users meet in real life that one example file per rule cannot show: each recorded
 * failure goes in as inline YAML (the fixture format), the ranked causes come out.
 */
class NewDiagnosesTest {

    static final String ENCODED_ARN = "arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fmcp_echo-N0geaLEEPE";

    static Diagnosis diagnose(String yaml) {
        return DiagnosisFixture.parse("inline", yaml).diagnose();
    }

    static List<String> ids(Diagnosis diagnosis) {
        return diagnosis.causes().stream().map(c -> c.ruleId()).toList();
    }

    static LikelyCause first(Diagnosis diagnosis) {
        assertThat(diagnosis.causes()).isNotEmpty();
        return diagnosis.causes().getFirst();
    }

    // --- Missing Authentication Token -------------------------------------------------------------------------

    @Test
    void missingAuthenticationTokenWithAnExpiredTokenSaysSo() {
        Diagnosis d = diagnose("""
                call: {auth: BEARER, token: {expiresIn: -PT2H}}
                response: {status: 403, body: '{"message":"Missing Authentication Token"}'}
                """);
        assertThat(ids(d)).containsExactly("AC220");
        assertThat(first(d).cause()).contains("the token expired 2h ago");
        assertThat(first(d).nextStep()).contains("fresh token");
    }

    @Test
    void missingAuthenticationTokenWithAnArnThatIsNotUrlEncoded() {
        Diagnosis d = diagnose("""
                call:
                  auth: BEARER
                  token: {}
                  requestUrl: https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE/invocations
                response: {status: 403, body: '{"message":"Missing Authentication Token"}'}
                """);
        assertThat(first(d).cause()).contains("is not URL-encoded");
        assertThat(first(d).nextStep()).contains("%3A").contains("%2F");
    }

    @Test
    void missingAuthenticationTokenForAPathThatStopsBeforeInvocations() {
        Diagnosis d = diagnose("""
                call:
                  auth: SIGV4
                  requestUrl: https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/%s
                response: {status: 403, body: '{"message":"Missing Authentication Token"}'}
                """.formatted(ENCODED_ARN));
        // The front door answers before IAM: a grant cannot be the cause, so the SigV4 guesses do not follow.
        assertThat(ids(d)).containsExactly("AC220");
        assertThat(first(d).cause()).contains("stops before /invocations");
        assertThat(first(d).nextStep()).contains("/invocations?qualifier=");
    }

    @Test
    void missingAuthenticationTokenWithNothingToShowKeepsTheGeneralAnswer() {
        Diagnosis d = diagnose("""
                call: {auth: BEARER, token: {}}
                response: {status: 403, body: '{"message":"Missing Authentication Token"}'}
                """);
        assertThat(first(d).cause()).contains("not an AgentCore operation");
        assertThat(first(d).nextStep()).contains("--endpoint-url");
    }

    @Test
    void anUnauthenticatedCallToADeployedRuntimeIsNotCalledLocal() {
        // The report used to decide this by mode().name().equals("BEARER") and a missing token: any call without
        // a token was labelled "(local runtime)". Now the mode is NONE and "local" comes from the target.
        DiagnosisFixture fixture = DiagnosisFixture.parse("inline", """
                call: {auth: NONE}
                response: {status: 401, headers: {x-amzn-ErrorType: UnauthorizedException}, body: '{"message":"JWT bearer token is invalid or not found for OAuth bearer token based access"}'}
                """);
        Diagnosis deployed = fixture.diagnose();
        assertThat(ids(deployed)).containsExactly("AC250");
        assertThat(DiagnosisReport.render(deployed, true)).contains("auth:        none\n").doesNotContain("local runtime");

        Diagnosis local = diagnose("""
                call: {local: 'http://localhost:8080/invocations'}
                response: {status: 404, body: ''}
                """);
        assertThat(DiagnosisReport.render(local, true)).contains("auth:        none (local runtime)");
    }

    // --- IAM's own text -----------------------------------------------------------------------------------------

    @Test
    void iamTextIsReadForPrincipalActionResourceAndReason() {
        AccessDenial explicit = AccessDenial.from(AwsError.withMessage("User: "
                + "arn:aws:sts::123456789012:assumed-role/ops/jane is not authorized to perform: "
                + "bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-east-1:123456789012:"
                + "runtime/mcp_echo-N0geaLEEPE with an explicit deny in an identity-based policy")).orElseThrow();
        assertThat(explicit.roleName()).contains("ops");
        assertThat(explicit.accountId()).contains("123456789012");
        assertThat(explicit.action()).isEqualTo("bedrock-agentcore:InvokeAgentRuntime");
        assertThat(explicit.resource()).endsWith("runtime/mcp_echo-N0geaLEEPE");
        assertThat(explicit.reason()).isEqualTo("with an explicit deny in an identity-based policy");

        AccessDenial user = AccessDenial.from(AwsError.withMessage("User: arn:aws:iam::123456789012:user/jane is not "
                + "authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:"
                + "us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE.")).orElseThrow();
        assertThat(user.roleName()).isEmpty();
        assertThat(user.describePrincipal()).isEqualTo("arn:aws:iam::123456789012:user/jane");
        assertThat(user.resource()).doesNotEndWith(".");
        assertThat(user.reason()).isEmpty();

        assertThat(AccessDenial.from(AwsError.withMessage("Access denied"))).isEmpty();
    }

    @Test
    void workloadTokenDenialNamesTheRoleTheResourceAndPolicyLint() {
        Diagnosis d = diagnose("""
                call: {auth: SIGV4, headers: {X-Amzn-Bedrock-AgentCore-Runtime-User-Id: alice}}
                response:
                  status: 403
                  body: '{"message":"User: arn:aws:sts::123456789012:assumed-role/agent-role/x is not authorized to perform: bedrock-agentcore:GetWorkloadAccessTokenForUserId on resource: arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/mcp_echo-N0geaLEEPE because no identity-based policy allows the bedrock-agentcore:GetWorkloadAccessTokenForUserId action"}'
                """);
        assertThat(ids(d)).containsExactly("AC230");
        assertThat(first(d).cause()).contains("role agent-role in account 123456789012")
                .contains("GetWorkloadAccessTokenForUserId")
                .contains("workload-identity-directory/default/workload-identity/mcp_echo-N0geaLEEPE");
        assertThat(first(d).nextStep()).contains("--role-name agent-role").contains("policy-lint --runtimes")
                .contains("and on arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default in a policy of role agent-role");
    }

    @Test
    void aCallerFromAnotherAccountIsCrossAccountEvenWhenIamBlamesTheIdentityPolicy() {
        Diagnosis d = diagnose("""
                call: {auth: SIGV4}
                response:
                  status: 403
                  body: '{"message":"User: arn:aws:sts::210987654321:assumed-role/partner/s is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE because no identity-based policy allows the bedrock-agentcore:InvokeAgentRuntime action"}'
                """);
        assertThat(ids(d)).containsExactly("AC285", "AC290");
        assertThat(first(d).cause()).contains("account 210987654321").contains("the runtime's account must allow it too");
        assertThat(first(d).nextStep()).contains("put-resource-policy").contains("runtime-endpoint/DEFAULT")
                .contains("\"AWS\": \"210987654321\"");
    }

    @Test
    void aCallerOfTheSameAccountIsNotCrossAccount() {
        Diagnosis d = diagnose("""
                call: {auth: SIGV4}
                response:
                  status: 403
                  body: '{"message":"User: arn:aws:sts::123456789012:assumed-role/ci/s is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE because no identity-based policy allows the bedrock-agentcore:InvokeAgentRuntime action"}'
                """);
        assertThat(ids(d)).containsExactly("AC290");
        assertThat(first(d).cause()).contains("(role ci in account 123456789012)");
    }

    // --- MCP sessions, busy sessions, start-up ------------------------------------------------------------------

    @Test
    void anMcpSessionTheContainerNoLongerKnowsIsTheRecycledMicroVmEvenAsA424() {
        Diagnosis d = diagnose("""
                call: {auth: SIGV4, protocol: MCP, headers: {Mcp-Session-Id: abc-123}}
                response:
                  status: 424
                  headers: {x-amzn-ErrorType: RuntimeClientError}
                  body: '{"message":"Received error (404) from runtime. Please check your CloudWatch logs for more information."}'
                """);
        assertThat(ids(d)).containsExactly("AC480");
        assertThat(first(d).cause()).contains("MCP session abc-123 no longer exists");
        assertThat(first(d).nextStep()).contains("initialize again");
    }

    @Test
    void withoutAnMcpSessionA404IsStillAboutTheRuntimeOrEndpoint() {
        Diagnosis mcp = diagnose("""
                call: {auth: SIGV4, protocol: MCP}
                response: {status: 404, body: ''}
                """);
        assertThat(ids(mcp)).containsExactly("AC470");
        Diagnosis http = diagnose("""
                call: {auth: SIGV4, headers: {Mcp-Session-Id: abc-123}}
                response: {status: 404, body: ''}
                """);
        assertThat(ids(http)).doesNotContain("AC480");
    }

    @Test
    void busySessionIsRecognisedByItsMessageAndOther409sAreNot() {
        Diagnosis busy = diagnose("""
                call: {auth: SIGV4}
                response: {status: 409, body: '{"message":"Session operation in progress, please retry"}'}
                """);
        assertThat(ids(busy)).containsExactly("AC640");
        assertThat(first(busy).cause()).doesNotContain("attempts");
        Diagnosis other = diagnose("""
                call: {auth: SIGV4}
                response: {status: 409, headers: {x-amzn-ErrorType: ConflictException}, body: '{"message":"Conflict"}'}
                """);
        assertThat(ids(other)).containsExactly("AC090");
    }

    @Test
    void initializationTimeoutOfAnMcpServerNamesPort8000() {
        Diagnosis d = diagnose("""
                call: {auth: SIGV4, protocol: MCP, qualifier: dev}
                response:
                  status: 424
                  body: '{"message":"Runtime initialization time exceeded. Please make sure that initialization completes in 30s."}'
                """);
        assertThat(ids(d)).containsExactly("AC550", "AC555");
        assertThat(first(d).cause()).contains("0.0.0.0:8000");
        assertThat(first(d).nextStep()).contains("/aws/bedrock-agentcore/runtimes/mcp_echo-N0geaLEEPE-dev")
                .contains("NoClassDefFoundError").contains("ModuleNotFoundError").contains("exec format error");
    }

    @Test
    void mmdsV2WithoutALookupStillGivesTheWholeUpdateCall() {
        Diagnosis d = diagnose("""
                call: {auth: SIGV4}
                response: {status: 400, headers: {x-amzn-ErrorType: ValidationException}, body: '{"message":"This runtime is not MMDSv2-enabled"}'}
                """);
        assertThat(ids(d)).containsExactly("AC810");
        assertThat(first(d).nextStep()).contains("update-agent-runtime --region us-east-1 --agent-runtime-id mcp_echo-N0geaLEEPE")
                .contains("--metadata-configuration requireMMDSV2=true").contains("--role-arn <its current role ARN>")
                .contains("--agent-runtime-artifact").contains("--network-configuration").contains("get-agent-runtime")
                .contains("CloudFormation");
    }
}
