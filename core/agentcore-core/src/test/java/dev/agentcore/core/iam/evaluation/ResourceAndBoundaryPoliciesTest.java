package dev.agentcore.core.iam.evaluation;

import static dev.agentcore.core.iam.evaluation.Requests.ALICE;
import static dev.agentcore.core.iam.evaluation.Requests.outcome;
import static dev.agentcore.core.iam.evaluation.Requests.policy;
import static dev.agentcore.core.iam.evaluation.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.iam.PolicyDocument;

/**
 * Resource-based policies (Principal, NotPrincipal), cross-account requests and permissions boundaries, as the IAM
 * User Guide's "Policy evaluation logic", "AWS JSON policy elements: NotPrincipal" and "Permissions boundaries for
 * IAM entities" describe them.
 */
class ResourceAndBoundaryPoliciesTest {

    static final String BUCKET = "arn:aws:s3:::shared-bucket/report.csv";
    static final String ROLE = "arn:aws:iam::111122223333:role/team/Reader";
    static final String SESSION = "arn:aws:sts::111122223333:assumed-role/Reader/app";
    static final String OTHER_ACCOUNT_USER = "arn:aws:iam::444455556666:user/Bob";

    static final PolicyDocument READ_S3 = policy("""
            {"Version": "2012-10-17", "Statement": {"Sid": "ReadS3", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""");
    static final PolicyDocument BOUNDARY_EC2_ONLY = policy("""
            {"Version": "2012-10-17", "Statement": {"Sid": "Ec2Only", "Effect": "Allow", "Action": "ec2:*", "Resource": "*"}}""");

    static PolicyDocument bucketPolicyFor(String principalJson) {
        return policy("""
                {"Version": "2012-10-17", "Statement": {"Sid": "Grant", "Effect": "Allow", "Principal": %s,
                 "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared-bucket/*"}}""".formatted(principalJson));
    }

    static AuthorizationRequest.Builder get(String principal) {
        // S3 object ARNs carry no account: the bucket owner comes in as aws:ResourceAccount.
        return request(principal, "s3:GetObject", BUCKET).context("aws:ResourceAccount", "111122223333");
    }

    // --- Same account: an Allow in either identity-based or resource-based policies ---

    @Test
    void withinAnAccountAResourcePolicyAloneCanGrant() {
        // "If an action is allowed by an identity-based policy, a resource-based policy, or both, then AWS allows it."
        PolicyEvaluator e = PolicyEvaluator.builder().resourcePolicy("bucket", bucketPolicyFor("{\"AWS\": \"" + ALICE + "\"}")).build();
        Decision d = e.evaluate(get(ALICE).build());
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.decidingStatements()).extracting(StatementRef::label).containsExactly("bucket/Grant");
        assertThat(outcome(e, get("arn:aws:iam::111122223333:user/carol"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aGrantToTheUserOrTheSessionIsNotLimitedByTheBoundary() {
        // "resource-based policies that grant permissions to an IAM user ARN ... are not limited by an implicit deny in
        // an identity-based policy or permissions boundary"; likewise for a role session ARN.
        for (String caller : new String[] {ALICE, SESSION}) {
            PolicyEvaluator e = PolicyEvaluator.builder()
                    .resourcePolicy("bucket", bucketPolicyFor("{\"AWS\": \"" + caller + "\"}"))
                    .permissionsBoundary("boundary", BOUNDARY_EC2_ONLY).build();
            assertThat(outcome(e, get(caller))).as(caller).isEqualTo(Outcome.ALLOW);
        }
    }

    @Test
    void aGrantToTheRoleCoversItsSessionsButIsLimitedByTheBoundary() {
        // "Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a
        // permissions boundary or session policy." The role's path is not in the session ARN.
        PolicyDocument bucket = bucketPolicyFor("{\"AWS\": \"" + ROLE + "\"}");
        assertThat(outcome(PolicyEvaluator.builder().resourcePolicy("bucket", bucket).build(), get(SESSION)))
                .isEqualTo(Outcome.ALLOW);
        Decision limited = PolicyEvaluator.builder().resourcePolicy("bucket", bucket)
                .permissionsBoundary("boundary", BOUNDARY_EC2_ONLY).build().evaluate(get(SESSION).build());
        assertThat(limited.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(limited.missingAllow()).contains(PolicyType.PERMISSIONS_BOUNDARY);
        assertThat(outcome(PolicyEvaluator.builder().resourcePolicy("bucket", bucket)
                .permissionsBoundary("boundary", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""))
                .build(), get(SESSION))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(PolicyEvaluator.builder().resourcePolicy("bucket", bucket).build(),
                get("arn:aws:sts::111122223333:assumed-role/Writer/app"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aGrantToTheAccountDelegatesToIdentityPolicies() {
        for (String account : new String[] {"\"111122223333\"", "\"arn:aws:iam::111122223333:root\""}) {
            PolicyDocument bucket = bucketPolicyFor("{\"AWS\": " + account + "}");
            assertThat(outcome(PolicyEvaluator.builder().resourcePolicy("bucket", bucket).build(), get(ALICE)))
                    .as(account).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(outcome(PolicyEvaluator.builder().resourcePolicy("bucket", bucket)
                    .identityPolicy("read", READ_S3).build(), get(ALICE))).as(account).isEqualTo(Outcome.ALLOW);
            assertThat(outcome(PolicyEvaluator.builder().resourcePolicy("bucket", bucket).build(),
                    get("arn:aws:iam::111122223333:root"))).as("the root user is the account").isEqualTo(Outcome.ALLOW);
        }
    }

    @Test
    void aGrantToEveryoneNeedsNoIdentityPolicy() {
        for (String everyone : new String[] {"\"*\"", "{\"AWS\": \"*\"}"}) {
            PolicyEvaluator e = PolicyEvaluator.builder().resourcePolicy("bucket", bucketPolicyFor(everyone)).build();
            assertThat(outcome(e, get(ALICE))).as(everyone).isEqualTo(Outcome.ALLOW);
            assertThat(outcome(e, get("sns.amazonaws.com"))).as(everyone).isEqualTo(Outcome.ALLOW);
        }
    }

    @Test
    void aResourcePolicyDenyWinsOverAnIdentityAllow() {
        PolicyEvaluator e = PolicyEvaluator.builder().identityPolicy("read", READ_S3)
                .resourcePolicy("bucket", policy("""
                        {"Version": "2012-10-17", "Statement": {"Sid": "NoReports", "Effect": "Deny", "Principal": "*",
                         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared-bucket/report*"}}"""))
                .build();
        AuthorizationRequest request = get(ALICE).build();
        Decision d = e.evaluate(request);
        assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(d.decidingStatements()).extracting(StatementRef::policyType).containsExactly(PolicyType.RESOURCE);
        assertThat(d.accessDeniedMessage(request)).endsWith("with an explicit deny in a resource-based policy");
    }

    @Test
    void aResourceBasedStatementWithoutResourceIsAboutItsResource() {
        // A role trust policy or a queue policy may leave Resource out: it is the resource the policy is attached to.
        PolicyEvaluator e = PolicyEvaluator.builder().resourcePolicy("queue", policy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                 "Action": "sqs:SendMessage",
                 "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:TOPIC-ID"}}}}""")).build();
        AuthorizationRequest.Builder send = request("sns.amazonaws.com", "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:QUEUE-ID");
        assertThat(outcome(e, send.context("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:TOPIC-ID")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, send.context("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:OTHER")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request("events.amazonaws.com", "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:QUEUE-ID")
                .context("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:TOPIC-ID"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aWebIdentityIsTheFederatedPrincipalOfATrustPolicy() {
        PolicyEvaluator e = PolicyEvaluator.builder().trustPolicy("trust", policy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                 "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity",
                 "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-abcd"}}}}""")).build();
        AuthorizationRequest.Builder assume = AuthorizationRequest.builder().caller(Caller.webIdentity("cognito-identity.amazonaws.com"))
                .action("sts:AssumeRoleWithWebIdentity").resource(ROLE);
        assertThat(outcome(e, assume.context("cognito-identity.amazonaws.com:aud", "us-east-1:12345678-abcd"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, assume.context("cognito-identity.amazonaws.com:aud", "us-east-1:other"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void principalsInIdentityPoliciesAndResourceStatementsWithoutPrincipalAreReported() {
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("odd", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}}"""))
                .resourcePolicy("bucket", policy("""
                        {"Version": "2012-10-17", "Statement": {"Sid": "Nobody", "Effect": "Allow", "Action": "s3:*"}}"""))
                .build();
        assertThat(e.problems()).extracting(EvaluationNote::kind)
                .containsExactly(EvaluationNote.Kind.UNSUPPORTED_PRINCIPAL, EvaluationNote.Kind.MISSING_ELEMENT);
        assertThat(outcome(e, get(ALICE))).as("the identity statement still grants").isEqualTo(Outcome.ALLOW);
    }

    // --- Across accounts: both sides must allow ---

    @Test
    void acrossAccountsTheIdentityAndTheResourcePolicyMustBothAllow() {
        PolicyDocument bucket = bucketPolicyFor("{\"AWS\": \"444455556666\"}");
        Decision onlyResource = PolicyEvaluator.builder().resourcePolicy("bucket", bucket).build()
                .evaluate(get(OTHER_ACCOUNT_USER).build());
        assertThat(onlyResource.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(onlyResource.missingAllow()).contains(PolicyType.IDENTITY);

        Decision onlyIdentity = PolicyEvaluator.builder().identityPolicy("read", READ_S3).build()
                .evaluate(get(OTHER_ACCOUNT_USER).build());
        assertThat(onlyIdentity.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(onlyIdentity.missingAllow()).contains(PolicyType.RESOURCE);

        assertThat(outcome(PolicyEvaluator.builder().identityPolicy("read", READ_S3).resourcePolicy("bucket", bucket).build(),
                get(OTHER_ACCOUNT_USER))).isEqualTo(Outcome.ALLOW);
        // The account of an ARN that has one is the resource's account.
        assertThat(outcome(PolicyEvaluator.builder().identityPolicy("all", policy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""")).build(),
                request(ALICE, "bedrock-agentcore:InvokeAgentRuntime",
                        "arn:aws:bedrock-agentcore:us-east-1:444455556666:runtime/x"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    // --- NotPrincipal ---

    static PolicyEvaluator denyAllBut(String notPrincipalJson, PolicyDocument boundary) {
        PolicyEvaluator.Builder b = PolicyEvaluator.builder()
                .identityPolicy("all", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""))
                .resourcePolicy("bucket", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotPrincipal": %s, "Action": "s3:*",
                         "Resource": ["arn:aws:s3:::BUCKETNAME", "arn:aws:s3:::BUCKETNAME/*"]}}""".formatted(notPrincipalJson)))
                .resourcePolicy("grant", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:*",
                         "Resource": "arn:aws:s3:::BUCKETNAME/*"}}"""));
        if (boundary != null) {
            b.permissionsBoundary("boundary", boundary);
        }
        return b.build();
    }

    static Outcome getFromBucket(PolicyEvaluator e, String caller) {
        return outcome(e, request(caller, "s3:GetObject", "arn:aws:s3:::BUCKETNAME/x").context("aws:ResourceAccount", "111122223333"));
    }

    @Test
    void notPrincipalExcludesAUserOnlyWithTheirAccount() {
        // "Example IAM user in the same or a different account": Bob and his account are named.
        PolicyEvaluator both = denyAllBut("""
                {"AWS": ["arn:aws:iam::444455556666:user/Bob", "arn:aws:iam::444455556666:root"]}""", null);
        assertThat(getFromBucket(both, "arn:aws:iam::444455556666:user/Bob")).isEqualTo(Outcome.ALLOW);
        assertThat(getFromBucket(both, "arn:aws:iam::444455556666:user/Alice")).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(getFromBucket(both, "arn:aws:iam::111122223333:user/Bob")).isEqualTo(Outcome.EXPLICIT_DENY);
        // "If the NotPrincipal element contained only Bob's ARN, the effect of the policy might be to explicitly deny
        // access to the AWS account that contains the user Bob."
        PolicyEvaluator userOnly = denyAllBut("{\"AWS\": \"arn:aws:iam::444455556666:user/Bob\"}", null);
        assertThat(getFromBucket(userOnly, "arn:aws:iam::444455556666:user/Bob")).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void notPrincipalExcludesASessionWithItsRoleAndAccount() {
        // "Example IAM role in the same or different account".
        String session = "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app";
        PolicyEvaluator all = denyAllBut("""
                {"AWS": ["arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
                         "arn:aws:iam::444455556666:role/cross-account-read-only-role", "arn:aws:iam::444455556666:root"]}""", null);
        assertThat(getFromBucket(all, session)).isEqualTo(Outcome.ALLOW);
        assertThat(getFromBucket(all, session.replace("audit-app", "other-app"))).isEqualTo(Outcome.EXPLICIT_DENY);
        PolicyEvaluator noRole = denyAllBut("""
                {"AWS": ["arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
                         "arn:aws:iam::444455556666:root"]}""", null);
        assertThat(getFromBucket(noRole, session)).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void notPrincipalWithDenyAlwaysDeniesAPrincipalWithABoundary() {
        // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
        // boundary policy attached, regardless of the values specified in the NotPrincipal element."
        PolicyEvaluator e = denyAllBut("""
                {"AWS": ["arn:aws:iam::444455556666:user/Bob", "arn:aws:iam::444455556666:root"]}""", policy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""));
        assertThat(getFromBucket(e, "arn:aws:iam::444455556666:user/Bob")).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    // --- Permissions boundaries ---

    static final PolicyDocument SHIRLEY_BOUNDARY = policy("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "cloudwatch:*", "ec2:*"], "Resource": "*"}]}""");

    @Test
    void aBoundaryLimitsWhatIdentityPoliciesGrant() {
        // ShirleyRodriguez: boundary S3, CloudWatch and EC2; an identity policy allowing iam:CreateUser grants nothing.
        String shirley = "arn:aws:iam::111122223333:user/ShirleyRodriguez";
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("create-user", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"}}"""))
                .identityPolicy("read", READ_S3)
                .permissionsBoundary("ShirleyBoundary", SHIRLEY_BOUNDARY).build();
        AuthorizationRequest create = request(shirley, "iam:CreateUser", "arn:aws:iam::111122223333:user/new").build();
        Decision d = e.evaluate(create);
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.missingAllow()).contains(PolicyType.PERMISSIONS_BOUNDARY);
        assertThat(d.accessDeniedMessage(create)).endsWith("because no permissions boundary allows the iam:CreateUser action");
        assertThat(outcome(e, get(shirley))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(shirley, "ec2:RunInstances", "*"))).as("the boundary alone grants nothing")
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aDenyInTheBoundaryIsAnExplicitDeny() {
        PolicyEvaluator e = PolicyEvaluator.builder().identityPolicy("read", READ_S3)
                .permissionsBoundary("boundary", policy("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                          {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]}]}"""))
                .build();
        AuthorizationRequest logs = request(ALICE, "s3:GetObject", "arn:aws:s3:::logs/today").build();
        Decision d = e.evaluate(logs);
        assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(d.decidingStatements()).extracting(StatementRef::label).containsExactly("boundary/DenyS3Logs");
        assertThat(d.accessDeniedMessage(logs)).endsWith("with an explicit deny in a permissions boundary");
    }
}
