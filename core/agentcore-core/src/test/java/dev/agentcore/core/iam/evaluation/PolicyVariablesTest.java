package dev.agentcore.core.iam.evaluation;

import static dev.agentcore.core.iam.evaluation.Requests.ALICE;
import static dev.agentcore.core.iam.evaluation.Requests.identity;
import static dev.agentcore.core.iam.evaluation.Requests.outcome;
import static dev.agentcore.core.iam.evaluation.Requests.policy;
import static dev.agentcore.core.iam.evaluation.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Policy variables, from the IAM User Guide page "IAM policy elements: Variables and tags" unless said otherwise. */
class PolicyVariablesTest {

    static final String SESSION = "arn:aws:sts::111122223333:assumed-role/Reader/app";

    /** The S3 home-directory example of "Condition operators" (String condition operators). */
    static final String HOME_DIRECTORY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:GetBucketLocation"], "Resource": "arn:aws:s3:::*"},
              {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::BUCKET-NAME",
               "Condition": {"StringLike": {"s3:prefix": ["", "home/", "home/${aws:username}/"]}}},
              {"Sid": "OwnHome", "Effect": "Allow", "Action": "s3:*",
               "Resource": ["arn:aws:s3:::BUCKET-NAME/home/${aws:username}", "arn:aws:s3:::BUCKET-NAME/home/${aws:username}/*"]}]}""";

    @Test
    void aUserGetsTheirOwnHomeDirectoryAndNoOtherOne() {
        PolicyEvaluator e = identity(HOME_DIRECTORY);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::BUCKET-NAME/home/alice/notes.txt")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::BUCKET-NAME/home/bob/notes.txt")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "arn:aws:s3:::BUCKET-NAME").context("s3:prefix", "home/alice/")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "arn:aws:s3:::BUCKET-NAME").context("s3:prefix", "home/bob/")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aVariableWithoutValueMatchesNothingAndIsNoted() {
        // aws:username is "(not present)" for an assumed role: "any attempt to match it fails".
        Decision d = identity(HOME_DIRECTORY).evaluate(request(SESSION, "s3:GetObject",
                "arn:aws:s3:::BUCKET-NAME/home/${aws:username}/notes.txt").build());
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(EvaluationNote.Kind.UNRESOLVED_VARIABLE);
            assertThat(n.statement().label()).isEqualTo("policy/OwnHome");
            assertThat(n.detail()).startsWith("${aws:username} has no value");
        });
    }

    @Test
    void aNegatedOperatorMatchesAVariableWithoutValue() {
        // "Inverted condition operators like StringNotEquals or StringNotLike do match against a null value": the
        // example denies access when aws:PrincipalTag/Team is not set.
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("s3", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""))
                .identityPolicy("team", policy("""
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:GetObject",
                         "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                         "Condition": {"StringNotEquals": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}}}]}"""))
                .build();
        AuthorizationRequest.Builder get = request(ALICE, "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/k")
                .context("s3:ExistingObjectTag/Team", "blue");
        assertThat(outcome(e, get)).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(e, get.context("aws:PrincipalTag/Team", "blue"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, get.context("aws:PrincipalTag/Team", "red"))).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void aPositiveOperatorDoesNotMatchAVariableWithoutValue() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:ResourceTag/Owner": "${aws:username}"}}}}""");
        AuthorizationRequest.Builder session = request(SESSION, "iam:GetUser", "*").context("aws:ResourceTag/Owner", "");
        assertThat(outcome(e, session)).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "iam:GetUser", "*").context("aws:ResourceTag/Owner", "alice")))
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aNotResourceWithAVariableWithoutValueExcludesNothing() {
        // "the resource that includes a policy variable with no value will not match any resource": a NotResource
        // entry that matches nothing leaves every resource to the statement.
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("s3", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""))
                .identityPolicy("home-only", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*",
                         "NotResource": "arn:aws:s3:::home/${aws:username}/*"}}"""))
                .build();
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::home/alice/x"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::home/bob/x"))).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(e, request(SESSION, "s3:GetObject", "arn:aws:s3:::home/alice/x"))).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void aDefaultValueStandsInForAMissingKey() {
        // "Specifying default values": the team bucket, company-wide for users without a team tag.
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team, 'company-wide'}"}}""");
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket-yellow")
                .context("aws:PrincipalTag/team", "yellow"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket-company-wide")
                .context("aws:PrincipalTag/team", "yellow"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket-company-wide")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
                 "Resource": "arn:aws:s3:::b-${aws:PrincipalTag/team,'it''s'}"}}""")
                .evaluate(request(ALICE, "s3:ListBucket", "arn:aws:s3:::b-it's").build()).outcome())
                .as("'' is a quote inside a default").isEqualTo(Outcome.ALLOW);
    }

    @Test
    void theFixedVariablesAreLiteralCharacters() {
        // "Special characters": ${*}, ${?} and ${$} stand for the characters themselves, never wildcards.
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::b/price${$}${*}${?}*"}}""");
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::b/price$*?-list"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::b/price$x?-list"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::b/price$*x-list"))).isEqualTo(Outcome.IMPLICIT_DENY);
        PolicyEvaluator like = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
                 "Condition": {"StringLike": {"s3:prefix": "a${*}*"}}}}""");
        assertThat(outcome(like, request(ALICE, "s3:ListBucket", "*").context("s3:prefix", "a*b"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(like, request(ALICE, "s3:ListBucket", "*").context("s3:prefix", "ab"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void substitutedValuesAreLiteralText() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
                 "Resource": "arn:aws:s3:::team-${aws:PrincipalTag/team}"}}""");
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "arn:aws:s3:::team-abc").context("aws:PrincipalTag/team", "a*")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "arn:aws:s3:::team-a*").context("aws:PrincipalTag/team", "a*")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "arn:aws:s3:::team-a")
                .context("aws:PrincipalTag/team", List.of("a", "b")))).as("a multivalued key is no variable value")
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void malformedVariablesAreReportedAndNeverThrow() {
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "Unclosed", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username"},
                  {"Sid": "Unquoted", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/${aws:username, anon}"},
                  {"Sid": "Empty", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
                   "Condition": {"StringEquals": {"s3:prefix": "${}"}}}]}""");
        assertThat(e.problems()).extracting(n -> n.statement().sid() + " " + n.kind())
                .containsExactly("Unclosed MALFORMED_VARIABLE", "Unquoted MALFORMED_VARIABLE", "Empty MALFORMED_VARIABLE");
        // An unclosed ${ is text; a variable with an unreadable default or no name has no value.
        assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::b/${aws:username"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request("arn:aws:sts::111122223333:assumed-role/R/s", "s3:PutObject", "arn:aws:s3:::b/anon")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:ListBucket", "*").context("s3:prefix", ""))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void withoutVersion2012VariablesAreLiteralText() {
        // "IAM JSON policy elements: Version": with 2008-10-17 "variables such as ${aws:username} aren't recognized as
        // variables and are instead treated as literal strings in the policy."
        for (String version : List.of("\"Version\": \"2008-10-17\",", "")) {
            PolicyEvaluator e = identity("""
                    {%s "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/${aws:username}/*"}}"""
                    .formatted(version));
            assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::b/alice/x"))).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(outcome(e, request(ALICE, "s3:GetObject", "arn:aws:s3:::b/${aws:username}/x"))).isEqualTo(Outcome.ALLOW);
        }
    }

    @Test
    void variablesAreSubstitutedOnlyInTheResourcePartOfAResourceArn() {
        // "You can't use a variable to replace parts of the ARN before the fifth colon, such as the service or account."
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Sid": "OwnAccount", "Effect": "Allow", "Action": "iam:GetRole",
                 "Resource": "arn:aws:iam::${aws:PrincipalAccount}:role/x"}}""");
        assertThat(e.problems()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(EvaluationNote.Kind.VARIABLE_OUTSIDE_RESOURCE);
            assertThat(n.statement().label()).isEqualTo("policy/OwnAccount");
        });
        assertThat(outcome(e, request(ALICE, "iam:GetRole", "arn:aws:iam::111122223333:role/x"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void variablesWorkAnywhereInArnAndStringConditionValuesButNotInOtherOperators() {
        PolicyEvaluator arn = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*",
                 "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:bedrock-agentcore:*:${aws:PrincipalAccount}:*"}}}}""");
        assertThat(outcome(arn, request(ALICE, "sts:AssumeRole", "*")
                .context("aws:SourceArn", "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/x"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(arn, request(ALICE, "sts:AssumeRole", "*")
                .context("aws:SourceArn", "arn:aws:bedrock-agentcore:us-east-1:999999999999:runtime/x"))).isEqualTo(Outcome.IMPLICIT_DENY);

        PolicyEvaluator numeric = identity("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
                 "Condition": {"NumericEquals": {"s3:max-keys": "${aws:PrincipalTag/limit}"}}}}""");
        assertThat(numeric.problems()).extracting(EvaluationNote::kind).containsExactly(EvaluationNote.Kind.INVALID_CONDITION_VALUE);
        assertThat(outcome(numeric, request(ALICE, "s3:ListBucket", "*").context("s3:max-keys", "5")
                .context("aws:PrincipalTag/limit", "5"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void theRequestDerivesThePrincipalKeysAwsDerives() {
        // "Principal key values": aws:username for IAM users only; aws:PrincipalArn of a session is its role.
        AuthorizationRequest user = request(ALICE, "s3:GetObject", "*").build();
        assertThat(user.values("aws:username")).containsExactly("alice");
        assertThat(user.values("AWS:PrincipalAccount")).containsExactly("111122223333");
        assertThat(user.values("aws:PrincipalType")).containsExactly("User");
        AuthorizationRequest session = request(SESSION, "s3:GetObject", "*").build();
        assertThat(session.values("aws:username")).isNull();
        assertThat(session.values("aws:PrincipalArn")).containsExactly("arn:aws:iam::111122223333:role/Reader");
        assertThat(session.values("aws:PrincipalType")).containsExactly("AssumedRole");
        AuthorizationRequest explicit = request(SESSION, "s3:GetObject", "*")
                .context("aws:PrincipalArn", "arn:aws:iam::111122223333:role/team/Reader").build();
        assertThat(explicit.values("aws:principalarn")).containsExactly("arn:aws:iam::111122223333:role/team/Reader");
        assertThat(request("bedrock-agentcore.amazonaws.com", "sts:AssumeRole", "*").build()
                .values("aws:PrincipalServiceName")).containsExactly("bedrock-agentcore.amazonaws.com");
    }

    @Test
    void theBoundaryExampleScopesSelfServiceToTheUsersOwnName() {
        // "Permissions boundaries for IAM entities": XCompanyBoundaries' AllowManageOwnPasswordAndAccessKeys.
        PolicyEvaluator e = identity("""
                {"Version": "2012-10-17", "Statement": {"Sid": "AllowManageOwnPasswordAndAccessKeys", "Effect": "Allow",
                 "Action": ["iam:*AccessKey*", "iam:ChangePassword", "iam:GetUser"],
                 "Resource": ["arn:aws:iam::*:user/${aws:username}"]}}""");
        assertThat(outcome(e, request(ALICE, "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/alice"))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/bob")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }
}
