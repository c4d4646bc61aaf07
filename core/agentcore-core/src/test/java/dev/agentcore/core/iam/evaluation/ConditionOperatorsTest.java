package dev.agentcore.core.iam.evaluation;

import static dev.agentcore.core.iam.evaluation.Requests.ALICE;
import static dev.agentcore.core.iam.evaluation.Requests.identity;
import static dev.agentcore.core.iam.evaluation.Requests.outcome;
import static dev.agentcore.core.iam.evaluation.Requests.policy;
import static dev.agentcore.core.iam.evaluation.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Condition operators, IfExists, Null and the set operators, mostly on the examples of the IAM User Guide pages
 * "IAM JSON policy elements: Condition operators" and "Creating a condition with multiple keys or values".
 */
class ConditionOperatorsTest {

    /** An Allow of s3:ListBucket on everything under one condition block. */
    static PolicyEvaluator allowIf(String condition) {
        return identity("""
                {"Version": "2012-10-17", "Statement": {"Sid": "Conditional", "Effect": "Allow", "Action": "s3:ListBucket",
                 "Resource": "*", "Condition": %s}}""".formatted(condition));
    }

    static AuthorizationRequest.Builder list() {
        return request(ALICE, "s3:ListBucket", "arn:aws:s3:::example_bucket");
    }

    static Outcome with(PolicyEvaluator e, String key, String... values) {
        return outcome(e, list().context(key, List.of(values)));
    }

    static Outcome without(PolicyEvaluator e) {
        return outcome(e, list());
    }

    // --- String ---

    @Test
    void stringEqualsIsExactAndCaseSensitiveWhileTheKeyNameIsNot() {
        // The aws:PrincipalTag/job-category example; "condition key names are not case-sensitive".
        PolicyEvaluator e = allowIf("{\"StringEquals\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}");
        assertThat(with(e, "aws:PrincipalTag/job-category", "iamuser-admin")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "AWS:principaltag/JOB-CATEGORY", "iamuser-admin")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "aws:PrincipalTag/job-category", "IAMUSER-ADMIN")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(e, "aws:PrincipalTag/job-category", "iamuser-*")).isEqualTo(Outcome.IMPLICIT_DENY);
        // "If a user without the tag attempts to view or edit an access key, the condition returns false".
        assertThat(without(e)).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void stringEqualsTakesNoWildcards() {
        PolicyEvaluator e = allowIf("{\"StringEquals\": {\"s3:prefix\": \"home/*\"}}");
        assertThat(with(e, "s3:prefix", "home/*")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "s3:prefix", "home/alice")).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void ignoreCaseVariants() {
        PolicyEvaluator eq = allowIf("{\"StringEqualsIgnoreCase\": {\"aws:PrincipalTag/team\": \"Platform\"}}");
        assertThat(with(eq, "aws:PrincipalTag/team", "PLATFORM")).isEqualTo(Outcome.ALLOW);
        assertThat(with(eq, "aws:PrincipalTag/team", "platforms")).isEqualTo(Outcome.IMPLICIT_DENY);
        PolicyEvaluator ne = allowIf("{\"StringNotEqualsIgnoreCase\": {\"aws:PrincipalTag/team\": \"Platform\"}}");
        assertThat(with(ne, "aws:PrincipalTag/team", "PLATFORM")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(ne, "aws:PrincipalTag/team", "data")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void stringLikeTakesWildcardsAnywhereAndIsCaseSensitive() {
        PolicyEvaluator e = allowIf("{\"StringLike\": {\"s3:prefix\": [\"\", \"home/\", \"home/*/docs?\"]}}");
        assertThat(with(e, "s3:prefix", "")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "s3:prefix", "home/")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "s3:prefix", "home/alice/x/docs1")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "s3:prefix", "home/alice/docs")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(e, "s3:prefix", "HOME/")).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void valuesOfOneKeyAreOredAndNegatedOperatorsNorThem() {
        // "If a single negated matching condition operator includes multiple values for a context key, those values
        // are evaluated using a logical NOR." (Conditions with multiple context keys or values)
        PolicyEvaluator or = allowIf("{\"StringEquals\": {\"aws:SourceAccount\": [\"111122223333\", \"444455556666\"]}}");
        assertThat(with(or, "aws:SourceAccount", "444455556666")).isEqualTo(Outcome.ALLOW);
        assertThat(with(or, "aws:SourceAccount", "777788889999")).isEqualTo(Outcome.IMPLICIT_DENY);
        PolicyEvaluator nor = allowIf("{\"StringNotEquals\": {\"aws:SourceAccount\": [\"111122223333\", \"444455556666\"]}}");
        assertThat(with(nor, "aws:SourceAccount", "444455556666")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(nor, "aws:SourceAccount", "777788889999")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void keysOfOneOperatorAndSeveralOperatorsAreAnded() {
        PolicyEvaluator e = allowIf("""
                {"StringEquals": {"aws:SourceAccount": "111122223333", "aws:RequestedRegion": "us-east-1"},
                 "Bool": {"aws:SecureTransport": "true"}}""");
        AuthorizationRequest.Builder all = list().context("aws:SourceAccount", "111122223333")
                .context("aws:RequestedRegion", "us-east-1").context("aws:SecureTransport", "true");
        assertThat(outcome(e, all)).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, all.context("aws:RequestedRegion", "eu-west-1"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, all.context("aws:RequestedRegion", "us-east-1").context("aws:SecureTransport", "false")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /**
     * "If the key that you specify in a policy condition is not present in the request context, the values do not
     * match and the condition is false. If the policy condition requires that the key is not matched, such as
     * StringNotLike or ArnNotLike, and the right key is not present, the condition is true."
     */
    @ParameterizedTest
    @CsvSource({
            "StringEquals, x, IMPLICIT_DENY", "StringNotEquals, x, ALLOW",
            "StringEqualsIgnoreCase, x, IMPLICIT_DENY", "StringNotEqualsIgnoreCase, x, ALLOW",
            "StringLike, x*, IMPLICIT_DENY", "StringNotLike, x*, ALLOW",
            "NumericEquals, 1, IMPLICIT_DENY", "NumericNotEquals, 1, ALLOW", "NumericLessThan, 1, IMPLICIT_DENY",
            "DateEquals, 2020-01-01, IMPLICIT_DENY", "DateNotEquals, 2020-01-01, ALLOW",
            "DateGreaterThan, 2020-01-01, IMPLICIT_DENY",
            "Bool, true, IMPLICIT_DENY", "BinaryEquals, QmluYXJ5, IMPLICIT_DENY",
            "IpAddress, 203.0.113.0/24, IMPLICIT_DENY", "NotIpAddress, 203.0.113.0/24, ALLOW",
            "ArnEquals, arn:aws:s3:::b, IMPLICIT_DENY", "ArnLike, arn:aws:s3:::*, IMPLICIT_DENY",
            "ArnNotEquals, arn:aws:s3:::b, ALLOW", "ArnNotLike, arn:aws:s3:::*, ALLOW",
            // ...IfExists: "If the key is not present, evaluate the condition element as true."
            "StringEqualsIfExists, x, ALLOW", "StringNotEqualsIfExists, x, ALLOW", "NumericLessThanIfExists, 1, ALLOW",
            "ArnLikeIfExists, arn:aws:s3:::*, ALLOW", "IpAddressIfExists, 203.0.113.0/24, ALLOW", "BoolIfExists, true, ALLOW",
            // Set operators on a missing key: ForAllValues true, ForAnyValue false, negated or not.
            "ForAllValues:StringEquals, x, ALLOW", "ForAnyValue:StringEquals, x, IMPLICIT_DENY",
            "ForAllValues:StringNotEquals, x, ALLOW", "ForAnyValue:StringNotEquals, x, IMPLICIT_DENY",
    })
    void aMissingKey(String operator, String value, Outcome expected) {
        PolicyEvaluator e = allowIf("{\"" + operator + "\": {\"test:key\": \"" + value + "\"}}");
        assertThat(without(e)).as(operator).isEqualTo(expected);
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void aDenyWithANegatedIfExistsOperatorStillDeniesWhenTheKeyIsMissing() {
        // "If you are using an "Effect": "Deny" element with a negated condition operator like
        // StringNotEqualsIfExists, the request is still denied even if the tag is missing."
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("allow", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"""))
                .identityPolicy("deny", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*",
                         "Condition": {"StringNotEqualsIfExists": {"aws:ResourceTag/team": "platform"}}}}"""))
                .build();
        assertThat(without(e)).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(with(e, "aws:ResourceTag/team", "platform")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "aws:ResourceTag/team", "data")).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void ifExistsLetsAStatementCoverResourcesWithoutTheKey() {
        // The ec2:RunInstances example of "...IfExists condition operators": StringLike fails on the image (no
        // ec2:InstanceType key), StringLikeIfExists does not.
        String statement = """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*",
                 "Condition": {"%s": {"ec2:InstanceType": ["t1.*", "t2.*", "m3.*"]}}}}""";
        PolicyEvaluator broken = identity(statement.formatted("StringLike"));
        PolicyEvaluator working = identity(statement.formatted("StringLikeIfExists"));
        String image = "arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890";
        String instance = "arn:aws:ec2:us-east-1:111122223333:instance/*";
        assertThat(outcome(broken, request(ALICE, "ec2:RunInstances", image).context("aws:ResourceAccount", "111122223333")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(working, request(ALICE, "ec2:RunInstances", image).context("aws:ResourceAccount", "111122223333")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(outcome(working, request(ALICE, "ec2:RunInstances", instance).context("ec2:InstanceType", "t2.micro")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(outcome(working, request(ALICE, "ec2:RunInstances", instance).context("ec2:InstanceType", "c5.large")))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    // --- Numeric, Date, Bool, Binary, IP, ARN ---

    @Test
    void numericOperatorsCompareIntegersAndDecimals() {
        // NumericLessThanEquals s3:max-keys 10: "list up to 10 objects".
        PolicyEvaluator e = allowIf("{\"NumericLessThanEquals\": {\"s3:max-keys\": \"10\"}}");
        assertThat(with(e, "s3:max-keys", "10")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "s3:max-keys", "9.5")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "s3:max-keys", "11")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(e, "s3:max-keys", "ten")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(allowIf("{\"NumericEquals\": {\"k\": \"1.5\"}}"), "k", "1.50")).isEqualTo(Outcome.ALLOW);
        assertThat(with(allowIf("{\"NumericNotEquals\": {\"k\": \"1.5\"}}"), "k", "1.50")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(allowIf("{\"NumericGreaterThan\": {\"k\": 3}}"), "k", "3")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(allowIf("{\"NumericGreaterThanEquals\": {\"k\": 3}}"), "k", "3")).isEqualTo(Outcome.ALLOW);
        assertThat(with(allowIf("{\"NumericLessThan\": {\"k\": \"-2\"}}"), "k", "-3")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void dateOperatorsReadIso8601AndEpochSeconds() {
        // DateGreaterThan aws:TokenIssueTime 2020-01-01T00:00:01Z: "credentials ... issued in 2020".
        PolicyEvaluator e = allowIf("{\"DateGreaterThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:01Z\"}}");
        assertThat(with(e, "aws:TokenIssueTime", "2020-06-01T10:00:00Z")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "aws:TokenIssueTime", "2020-01-01T00:00:01Z")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(e, "aws:TokenIssueTime", "2019-12-31T23:59:59-01:00")).as("= 2020-01-01T00:59:59Z")
                .isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "aws:TokenIssueTime", "1577836800")).as("epoch 2020-01-01T00:00:00Z")
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(e, "aws:TokenIssueTime", "yesterday")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(allowIf("{\"DateEquals\": {\"k\": \"2024-02-29\"}}"), "k", "2024-02-29T00:00:00Z"))
                .isEqualTo(Outcome.ALLOW);
        assertThat(with(allowIf("{\"DateLessThanEquals\": {\"k\": \"1700000000\"}}"), "k", "2023-11-14T22:13:20Z"))
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void theCurrentTimeComesFromTheRequest() {
        PolicyEvaluator e = allowIf("""
                {"DateGreaterThan": {"aws:CurrentTime": "2025-01-01T00:00:00Z"},
                 "DateLessThan": {"aws:EpochTime": "1767225600"}}""");
        assertThat(outcome(e, list().time(Instant.parse("2025-06-01T00:00:00Z")))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, list().time(Instant.parse("2024-06-01T00:00:00Z")))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(outcome(e, list().time(Instant.parse("2026-06-01T00:00:00Z")))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void boolDeniesPlainHttp() {
        // The BooleanExample of "Boolean condition operators": deny s3:* when aws:SecureTransport is false.
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("s3", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""))
                .identityPolicy("tls", policy("""
                        {"Version": "2012-10-17", "Statement": [{"Sid": "BooleanExample", "Action": "s3:*", "Effect": "Deny",
                         "Resource": ["arn:aws:s3:::DOC-EXAMPLE-BUCKET", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*"],
                         "Condition": {"Bool": {"aws:SecureTransport": false}}}]}"""))
                .build();
        String object = "arn:aws:s3:::DOC-EXAMPLE-BUCKET/report.csv";
        assertThat(outcome(e, request(ALICE, "s3:GetObject", object).context("aws:SecureTransport", "false")))
                .isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", object).context("aws:SecureTransport", "FALSE")))
                .isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "s3:GetObject", object).context("aws:SecureTransport", "true")))
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void binaryEqualsComparesTheDecodedBytes() {
        PolicyEvaluator e = allowIf("{\"BinaryEquals\": {\"key\": \"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"}}");
        assertThat(with(e, "key", "QmluYXJ5VmFsdWVJbkJhc2U2NA==")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "key", "QmluYXJ5")).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void ipAddressTakesIpv4AndIpv6Blocks() {
        // "IP address condition operators": 203.0.113.0/24 and 2001:DB8:1234:5678::/64 together.
        PolicyEvaluator e = allowIf("{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:DB8:1234:5678::/64\"]}}");
        assertThat(with(e, "aws:SourceIp", "203.0.113.77")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "aws:SourceIp", "203.0.114.1")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(e, "aws:SourceIp", "2001:db8:1234:5678:ffff::1")).isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "aws:SourceIp", "2001:db8:1234:5679::1")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(e, "aws:SourceIp", "::ffff:203.0.113.9")).as("IPv4-mapped").isEqualTo(Outcome.ALLOW);
        assertThat(with(e, "aws:SourceIp", "not-an-ip")).isEqualTo(Outcome.IMPLICIT_DENY);
        // "If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32".
        PolicyEvaluator single = allowIf("{\"IpAddress\": {\"aws:SourceIp\": \"198.51.100.7\"}}");
        assertThat(with(single, "aws:SourceIp", "198.51.100.7")).isEqualTo(Outcome.ALLOW);
        assertThat(with(single, "aws:SourceIp", "198.51.100.8")).isEqualTo(Outcome.IMPLICIT_DENY);
        PolicyEvaluator not = allowIf("{\"NotIpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}");
        assertThat(with(not, "aws:SourceIp", "10.1.2.3")).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(not, "aws:SourceIp", "192.0.2.1")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void arnOperatorsMatchComponentByComponentWhereStringLikeDoesNot() {
        // The example of "Amazon Resource Name (ARN) condition operators": StringLike matches, ArnLike does not.
        String pattern = "arn:aws:someservice:*:111122223333:finance/*";
        String value = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
        assertThat(with(allowIf("{\"StringLike\": {\"aws:SourceArn\": \"" + pattern + "\"}}"), "aws:SourceArn", value))
                .isEqualTo(Outcome.ALLOW);
        assertThat(with(allowIf("{\"ArnLike\": {\"aws:SourceArn\": \"" + pattern + "\"}}"), "aws:SourceArn", value))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(allowIf("{\"ArnNotLike\": {\"aws:SourceArn\": \"" + pattern + "\"}}"), "aws:SourceArn", value))
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void arnEqualsAndArnLikeBehaveIdentically() {
        for (String op : List.of("ArnEquals", "ArnLike")) {
            PolicyEvaluator e = allowIf("{\"" + op + "\": {\"aws:SourceArn\": \"arn:aws:sns:us-east-1:123456789012:topic-*\"}}");
            assertThat(with(e, "aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:topic-1")).as(op).isEqualTo(Outcome.ALLOW);
            assertThat(with(e, "aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:Topic-1")).as(op)
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(with(e, "aws:SourceArn", "topic-1")).as(op + " on a value that is no ARN").isEqualTo(Outcome.IMPLICIT_DENY);
        }
    }

    // --- Null ---

    @Test
    void nullTestsWhetherTheKeyIsAbsent() {
        // "Condition operator to check existence of condition keys": no temporary credentials for the EC2 API.
        PolicyEvaluator absent = allowIf("{\"Null\": {\"aws:TokenIssueTime\": \"true\"}}");
        assertThat(without(absent)).isEqualTo(Outcome.ALLOW);
        assertThat(with(absent, "aws:TokenIssueTime", "2024-01-01T00:00:00Z")).isEqualTo(Outcome.IMPLICIT_DENY);
        PolicyEvaluator present = allowIf("{\"Null\": {\"aws:TokenIssueTime\": false}}");
        assertThat(without(present)).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(with(present, "aws:TokenIssueTime", "2024-01-01T00:00:00Z")).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(present, list().context("aws:TagKeys", List.of()))).as("an empty set is null")
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    // --- Set operators ---

    /** The DynamoDB examples of "Creating a condition with multiple keys or values". */
    static final String ALLOW_ONLY_ATTRIBUTES = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:GetItem",
             "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/Thread",
             "Condition": {"ForAllValues:StringLike": {"dynamodb:requestedAttributes": ["PostDateTime", "Message", "Tags"]}}}]}""";

    static Outcome getItem(PolicyEvaluator e, String... attributes) {
        return outcome(e, request(ALICE, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/Thread")
                .context("dynamodb:requestedAttributes", List.of(attributes)));
    }

    @Test
    void forAllValuesNeedsEveryRequestValueToMatchSomePolicyValue() {
        PolicyEvaluator e = identity(ALLOW_ONLY_ATTRIBUTES);
        assertThat(getItem(e, "PostDateTime", "Message")).isEqualTo(Outcome.ALLOW);
        assertThat(getItem(e, "PostDateTime", "UserName")).isEqualTo(Outcome.IMPLICIT_DENY);
        // "If the key values in the request resolve to an empty data set (for example, an empty string), a condition
        // operator modified by ForAllValues returns true".
        assertThat(getItem(e)).isEqualTo(Outcome.ALLOW);
        assertThat(getItem(e, "")).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/Thread")))
                .as("ForAllValues also returns true if there are no context keys in the request").isEqualTo(Outcome.ALLOW);
    }

    @Test
    void forAnyValueNeedsOneRequestValueToMatch() {
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("all", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}}"""))
                .identityPolicy("deny", policy("""
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "dynamodb:PutItem",
                         "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/Thread",
                         "Condition": {"ForAnyValue:StringLike": {"dynamodb:requestedAttributes": ["ID", "PostDateTime"]}}}]}"""))
                .build();
        String table = "arn:aws:dynamodb:us-east-1:111122223333:table/Thread";
        assertThat(outcome(e, request(ALICE, "dynamodb:PutItem", table)
                .context("dynamodb:requestedAttributes", List.of("UserName", "Message", "PostDateTime"))))
                .isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(outcome(e, request(ALICE, "dynamodb:PutItem", table)
                .context("dynamodb:requestedAttributes", List.of("UserName")))).isEqualTo(Outcome.ALLOW);
        assertThat(outcome(e, request(ALICE, "dynamodb:PutItem", table)
                .context("dynamodb:requestedAttributes", List.of()))).as("ForAnyValue on an empty set is false")
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void negatedSetOperatorsApplyTheNegationValueByValue() {
        PolicyEvaluator allNot = allowIf("{\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": [\"owner\", \"cost\"]}}");
        assertThat(with(allNot, "aws:TagKeys", "team", "env")).isEqualTo(Outcome.ALLOW);
        assertThat(with(allNot, "aws:TagKeys", "team", "owner")).isEqualTo(Outcome.IMPLICIT_DENY);
        PolicyEvaluator anyNot = allowIf("{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"owner\", \"cost\"]}}");
        assertThat(with(anyNot, "aws:TagKeys", "owner", "team")).isEqualTo(Outcome.ALLOW);
        assertThat(with(anyNot, "aws:TagKeys", "owner", "cost")).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void withoutASetOperatorAMultivaluedKeyMatchesWhenAnyValueDoes() {
        assertThat(with(allowIf("{\"StringEquals\": {\"aws:TagKeys\": \"team\"}}"), "aws:TagKeys", "env", "team"))
                .isEqualTo(Outcome.ALLOW);
        assertThat(with(allowIf("{\"StringNotEquals\": {\"aws:TagKeys\": \"team\"}}"), "aws:TagKeys", "env", "team"))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    // --- What IAM would refuse: reported, never thrown ---

    @Test
    void anUnknownOperatorMakesTheStatementNeverApplyAndIsReported() {
        PolicyEvaluator e = PolicyEvaluator.builder()
                .identityPolicy("allow", policy("""
                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"""))
                .identityPolicy("typo", policy("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Sid": "DenyTypo", "Effect": "Deny", "Action": "s3:*", "Resource": "*",
                           "Condition": {"StringEqualz": {"aws:SourceAccount": "111122223333"}}},
                          {"Sid": "AllowNullIfExists", "Effect": "Allow", "Action": "iam:*", "Resource": "*",
                           "Condition": {"NullIfExists": {"aws:TokenIssueTime": "true"}}},
                          {"Sid": "AllowSetNull", "Effect": "Allow", "Action": "iam:*", "Resource": "*",
                           "Condition": {"ForAnyValue:Null": {"aws:TagKeys": "true"}}},
                          {"Sid": "AllowOddPrefix", "Effect": "Allow", "Action": "iam:*", "Resource": "*",
                           "Condition": {"ForSomeValues:StringEquals": {"aws:TagKeys": "x"}}}]}"""))
                .build();
        assertThat(e.problems()).extracting(EvaluationNote::kind).containsOnly(EvaluationNote.Kind.UNSUPPORTED_OPERATOR);
        assertThat(e.problems()).extracting(n -> n.statement().sid())
                .containsExactly("DenyTypo", "AllowNullIfExists", "AllowSetNull", "AllowOddPrefix");
        assertThat(e.problems().getFirst().detail()).contains("'StringEqualz' is not an IAM condition operator");

        Decision s3 = e.evaluate(list().context("aws:SourceAccount", "111122223333").build());
        assertThat(s3.outcome()).as("the Deny with the typo does not apply").isEqualTo(Outcome.ALLOW);
        assertThat(s3.notes()).extracting(n -> n.statement().label()).containsExactly("typo/DenyTypo");

        Decision iam = e.evaluate(request(ALICE, "iam:ListUsers", "*").build());
        assertThat(iam.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(iam.nearMisses()).extracting(NearMiss::mismatch).containsOnly(NearMiss.Mismatch.UNSUPPORTED_CONDITION);
    }

    @Test
    void unreadableValuesNeverMatchAndAreReported() {
        PolicyEvaluator e = allowIf("""
                {"NumericEquals": {"a": "twelve"}, "DateLessThan": {"b": "soon"}, "IpAddress": {"c": "10.0.0.0/33"},
                 "Bool": {"d": "yes"}, "BinaryEquals": {"e": "%%%"}, "Null": {"f": "maybe"}}""");
        assertThat(e.problems()).extracting(EvaluationNote::kind).hasSize(6)
                .containsOnly(EvaluationNote.Kind.INVALID_CONDITION_VALUE);
        assertThat(outcome(e, list().context("a", "12").context("b", "2020-01-01").context("c", "10.0.0.1")
                .context("d", "true").context("e", "QQ==").context("f", "x"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }
}
