package dev.agentcore.core.iam.evaluation;

import static dev.agentcore.core.iam.evaluation.Requests.ALICE;
import static dev.agentcore.core.iam.evaluation.Requests.identity;
import static dev.agentcore.core.iam.evaluation.Requests.outcome;
import static dev.agentcore.core.iam.evaluation.Requests.policy;
import static dev.agentcore.core.iam.evaluation.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Effect, Action/NotAction and Resource/NotResource, and the order of evaluation, on examples from the IAM User Guide
 * (each test names its page).
 */
class PolicyElementsTest {

    /** "The difference between explicit and implicit denies": AllowGetList and DenyReports. */
    static final String GET_LIST_DENY_REPORTS = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowGetList", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
              {"Sid": "DenyReports", "Effect": "Deny", "Action": "iam:*Report", "Resource": "*"}]}""";

    @Test
    void explicitDenyTrumpsAllowAndEverythingElseIsImplicitlyDenied() {
        PolicyEvaluator e = identity(GET_LIST_DENY_REPORTS);
        assertThat(outcome(e, request(ALICE, "iam:ListUsers", "*"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "iam:CreatePolicy", "*"))).isEqualTo(Outcome.IMPLICIT_DENY);

        Decision report = e.evaluate(request(ALICE, "iam:GetOrganizationsAccessReport", "*").build());
        assertThat(report.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(report.decidingStatements()).extracting(StatementRef::label).containsExactly("policy/DenyReports");
    }

    @Test
    void anotherPolicyCannotLiftAnExplicitDeny() {
        // "If someone adds another policy to this principal to grant them access to IAM reports, such as
        // iam:GenerateCredentialReport, report-related requests are still denied because of this explicit deny."
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("readonly", policy(GET_LIST_DENY_REPORTS))
                .identityPolicy("reports", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:GenerateCredentialReport",
                         "Resource": "*"}}"""))
                .build();
        AuthorizationRequest request = request(ALICE, "iam:GenerateCredentialReport", "*").build();
        Decision d = e.evaluate(request);
        assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(d.accessDeniedMessage(request)).isEqualTo("User: " + ALICE
                + " is not authorized to perform: iam:GenerateCredentialReport on resource: * with an explicit deny in an"
                + " identity-based policy");
    }

    @Test
    void actionsMatchIgnoringCaseWithStarAndQuestionMark() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                 "Action": ["s3:Get*", "ec2:Describe?nstances"], "Resource": "*"}}""");
        assertThat(outcome(e, request(ALICE, "S3:GETOBJECT", "*"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "s3:getobjectacl", "*"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "ec2:DescribeInstances", "*"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "ec2:DescribeXXInstances", "*"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:PutObject", "*"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3x:GetObject", "*"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void notActionWithAllowGrantsEverythingButTheListedActions() {
        // "IAM JSON policy elements: NotAction": allow all services except IAM.
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}""");
        assertThat(outcome(e, request(ALICE, "s3:ListAllMyBuckets", "*"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "iam:CreateUser", "*"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void notActionWithDenyDeniesEverythingButTheListedActionsWhenTheConditionHolds() {
        // "IAM JSON policy elements: NotAction": deny everything but IAM without MFA (BoolIfExists).
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("admin", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"""))
                .identityPolicy("mfa", policy("""
                        {"Version": "2012-10-17", "Statement": {"Sid": "DenyAllUsersNotUsingMFA", "Effect": "Deny",
                         "NotAction": "iam:*", "Resource": "*",
                         "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}}"""))
                .build();
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "*"))).as("no MFA key: IfExists holds")
                .isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "*").context("aws:MultiFactorAuthPresent", "false")))
                .isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "*").context("aws:MultiFactorAuthPresent", "true")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "iam:ChangePassword", "*"))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void notResourceWithDenyDeniesEverythingOutsideTheListedResources() {
        // "IAM JSON policy elements: NotResource": deny every S3 resource except the Payroll folder of HRBucket.
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("s3", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""))
                .identityPolicy("payroll-only", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*",
                         "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}}"""))
                .build();
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/2024.csv")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::HRBucket/Other/x")))
                .isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void notResourceWithAllowGrantsEverythingOutsideTheListedResources() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "bedrock-agentcore:InvokeAgentRuntime",
                 "NotResource": "arn:aws:bedrock-agentcore:*:*:runtime/prod_*"}}""");
        assertThat(outcome(e, request(ALICE, "bedrock-agentcore:InvokeAgentRuntime",
                "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/dev_agent-abcdefghij"))).isEqualTo(Outcome.ALLOW);
        Decision prod = e.evaluate(request(ALICE, "bedrock-agentcore:InvokeAgentRuntime",
                "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/prod_agent-abcdefghij").build());
        assertThat(prod.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(prod.nearMisses()).singleElement().extracting(NearMiss::mismatch).isEqualTo(NearMiss.Mismatch.RESOURCE);
    }

    @Test
    void resourceWildcardsStayWithinTheirArnComponent() {
        // "Using wildcards in resource ARNs": wildcards work within each colon-separated segment.
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "bedrock-agentcore:*",
                 "Resource": ["arn:aws:bedrock-agentcore:us-*:111122223333:runtime/*",
                              "arn:aws:bedrock-agentcore:eu-west-?:*:runtime/a?c"]}}""");
        String runtime = "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/x";
        assertThat(outcome(e, request(ALICE, "bedrock-agentcore:GetAgentRuntime", runtime))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "bedrock-agentcore:GetAgentRuntime",
                "arn:aws:bedrock-agentcore:us-east-1:999999999999:runtime/x"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "bedrock-agentcore:GetAgentRuntime",
                "arn:aws:bedrock-agentcore:eu-west-1:111122223333:runtime/abc"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "bedrock-agentcore:GetAgentRuntime",
                "arn:aws:bedrock-agentcore:eu-west-1:111122223333:runtime/ac"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "bedrock-agentcore:GetAgentRuntime",
                "arn:aws:bedrock-agentcore:eu-west-12:111122223333:runtime/abc"))).isEqualTo(Outcome.IMPLICIT_DENY);
        // Resource names are case-sensitive ("In the Resource element, the IAM user name is case sensitive").
        assertThat(outcome(e, request(ALICE, "bedrock-agentcore:GetAgentRuntime", runtime.replace("runtime/", "Runtime/"))))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aRegionWildcardDoesNotReachIntoTheAccount() {
        // "Amazon Resource Name (ARN) condition operators": "The first asterisk matches only us-east-2 and fails on
        // 999999999999:store/abc:" - the same per-component rule the Resource element follows.
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "someservice:*",
                 "Resource": "arn:aws:someservice:*:111122223333:finance/*"}}""");
        assertThat(outcome(e, request(ALICE, "someservice:Read",
                "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "someservice:Read",
                "arn:aws:someservice:us-east-2:111122223333:finance/document.txt"))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void theResourceComponentKeepsItsColonsAndATrailingStarOfAShortPatternExpands() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "logs:PutLogEvents",
                   "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/bedrock-agentcore/runtimes/mcp_echo-*"},
                  {"Effect": "Allow", "Action": "logs:DescribeLogGroups", "Resource": "arn:aws:logs:*"}]}""");
        String stream = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/bedrock-agentcore/runtimes/mcp_echo-N0geaLEEPE-DEFAULT:log-stream:x";
        assertThat(outcome(e, request(ALICE, "logs:PutLogEvents", stream))).isEqualTo(Outcome.ALLOW);
        // "If the * wildcard is the last character of a resource ARN segment, it can expand to match beyond the colon
        // boundaries" (IAM JSON policy elements: Resource).
        assertThat(outcome(e, request(ALICE, "logs:DescribeLogGroups", stream))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "logs:DescribeLogGroups", stream.replace(":logs:", ":ecr:"))))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aStarResourceCoversEverythingAndAnArnPatternNeverCoversStar() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
                  {"Effect": "Allow", "Action": "xray:PutTraceSegments", "Resource": "arn:aws:xray:*:*:*"}]}""");
        assertThat(outcome(e, request(ALICE, "ecr:GetAuthorizationToken", "*"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "xray:PutTraceSegments", "*"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void statementsWithoutTheirElementsNeverApplyAndAreReported() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "NoResource", "Effect": "Allow", "Action": "s3:*"},
                  {"Sid": "NoEffect", "Action": "s3:*", "Resource": "*"},
                  {"Sid": "NoAction", "Effect": "Deny", "Resource": "*"}]}""");
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::b/k"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(e.problems()).extracting(n -> n.statement().sid()).containsExactly("NoResource", "NoEffect", "NoAction");
        assertThat(e.problems()).allSatisfy(n -> assertThat(n.kind()).isEqualTo(EvaluationNote.Kind.MISSING_ELEMENT));
    }

    @Test
    void statementsWithoutASidAreCitedByTheirPosition() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"},
                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");
        assertThat(e.evaluate(request(ALICE, "s3:GetObject", "*").build()).decidingStatements())
                .extracting(StatementRef::label).containsExactly("policy/#1");
    }

    @Test
    void everyApplicableStatementIsCited() {
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("a", policy("""
                        {"Version": "2012-10-17", "Statement": {"Sid": "One", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""))
                .identityPolicy("b", policy("""
                        {"Version": "2012-10-17", "Statement": {"Sid": "Two", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}"""))
                .build();
        assertThat(e.evaluate(request(ALICE, "s3:GetObject", "*").build()).decidingStatements())
                .extracting(StatementRef::label).containsExactly("a/One", "b/Two");
    }

    @Test
    void theRootUserHasFullAccessToItsAccountUnlessDenied() {
        // "By default, all requests are implicitly denied with the exception of the AWS account root user".
        PolicyEvaluator none = PolicyEvaluator.builder().build();
        assertThat(outcome(none, request("arn:aws:iam::111122223333:root", "s3:GetObject", "arn:aws:s3:::b/k")))
                .isEqualTo(Outcome.ALLOW);
        PolicyEvaluator denied = PolicyEvaluator.builder().resourcePolicy("bucket", policy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*"}}""")).build();
        assertThat(outcome(denied, request("111122223333", "s3:GetObject", "arn:aws:s3:::b/k")))
                .isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void requestsAndPoliciesWithoutRequiredPartsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> AuthorizationRequest.builder().principal(ALICE).resource("*").build())
                .hasMessage("request has no action");
        assertThatThrownBy(() -> AuthorizationRequest.builder().principal("bob").action("s3:GetObject").resource("*").build())
                .hasMessageContaining("principal 'bob' is neither an ARN");
        assertThatThrownBy(() -> AuthorizationRequest.builder().principal("arn:aws:sts::111122223333:assumed-role/r")
                .action("s3:GetObject").resource("*").build())
                .hasMessageContaining("assumed-role/ROLE-NAME/SESSION-NAME");
        assertThatThrownBy(() -> PolicyEvaluator.builder()
                .permissionsBoundary("one", policy("{\"Statement\": []}"))
                .permissionsBoundary("two", policy("{\"Statement\": []}")))
                .hasMessageContaining("at most one permissions boundary");
        assertThatThrownBy(() -> new Decision(Outcome.ALLOW, java.util.List.of(), java.util.Optional.empty(),
                java.util.List.of(), java.util.List.of()).accessDeniedMessage(request(ALICE, "s3:GetObject", "*").build()))
                .isInstanceOf(IllegalStateException.class);
    }
}
