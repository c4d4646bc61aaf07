package dev.agentcore.core.iam.evaluation;

import dev.agentcore.core.iam.WildcardPattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.agentcore.core.iam.ArnPattern;
import dev.agentcore.core.iam.Effect;
import dev.agentcore.core.iam.Glob;
import dev.agentcore.core.iam.PolicyDocument;
import dev.agentcore.core.iam.Statement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of IAM evaluation that must hold for any policies, over a vocabulary that makes statements overlap. */
class EvaluationProperties {

    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String RUNTIME = "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/mcp_echo-N0geaLEEPE";
    static final String IDENTITY = "arn:aws:bedrock-agentcore:us-east-1:111122223333:workload-identity-directory/default/workload-identity/mcp_echo-N0geaLEEPE";

    record Req(String action, String resource, Map<String, List<String>> context) {
        AuthorizationRequest build() {
            return AuthorizationRequest.builder().principal(ALICE).action(action).resource(resource).context(context).build();
        }
    }

    // --- the laws ---

    @Property(tries = 400)
    void addingADenyNeverTurnsADecisionIntoAllow(@ForAll("statements") List<Statement> policy,
            @ForAll("statement") Statement extra, @ForAll("requests") Req req, @ForAll @IntRange(max = 20) int at) {
        Statement deny = asDeny(extra);
        List<Statement> withDeny = new ArrayList<>(policy);
        withDeny.add(Math.min(at, withDeny.size()), deny);
        Outcome before = evaluate(policy, req).outcome();
        Outcome after = evaluate(withDeny, req).outcome();
        if (after == Outcome.ALLOW) {
            assertThat(before).isEqualTo(Outcome.ALLOW);
        }
        if (before == Outcome.EXPLICIT_DENY) {
            assertThat(after).isEqualTo(Outcome.EXPLICIT_DENY);
        }
        if (before != Outcome.ALLOW) {
            assertThat(after).isNotEqualTo(Outcome.ALLOW);
        }
    }

    @Property(tries = 400)
    void theDenyTwinOfAnApplicableAllowDecides(@ForAll("statements") List<Statement> policy, @ForAll("requests") Req req) {
        Decision d = evaluate(policy, req);
        if (d.outcome() != Outcome.ALLOW) {
            return;
        }
        String sid = d.decidingStatements().getFirst().sid();
        Statement twin = asDeny(policy.stream().filter(s -> s.sid().equals(sid)).findFirst().orElseThrow());
        List<Statement> withTwin = new ArrayList<>(policy);
        withTwin.add(twin);
        Decision denied = evaluate(withTwin, req);
        assertThat(denied.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(denied.decidingStatements()).extracting(StatementRef::sid).contains("AddedDeny");
    }

    @Property(tries = 400)
    void addingAnAllowNeverTurnsAnAllowIntoADeny(@ForAll("statements") List<Statement> policy,
            @ForAll("statement") Statement extra, @ForAll("requests") Req req) {
        List<Statement> more = new ArrayList<>(policy);
        more.add(asAllow(extra));
        if (evaluate(policy, req).outcome() == Outcome.ALLOW) {
            assertThat(evaluate(more, req).outcome()).isEqualTo(Outcome.ALLOW);
        }
    }

    @Property(tries = 400)
    void anUnconditionalAllowOfEverythingAllowsAllButWhatIsDenied(@ForAll("statements") List<Statement> policy,
            @ForAll("requests") Req req) {
        List<Statement> withAll = new ArrayList<>(policy);
        withAll.add(new Statement("Everything", Effect.Allow, null, null, List.of("*"), null, List.of("*"), null, null));
        Outcome before = evaluate(policy, req).outcome();
        Decision after = evaluate(withAll, req);
        assertThat(after.outcome()).isEqualTo(before == Outcome.EXPLICIT_DENY ? Outcome.EXPLICIT_DENY : Outcome.ALLOW);
        if (after.allowed()) {
            assertThat(after.decidingStatements()).extracting(StatementRef::sid).contains("Everything");
        }
    }

    @Property(tries = 400)
    void evaluationDoesNotDependOnStatementOrPolicyOrder(@ForAll("statements") List<Statement> policy,
            @ForAll("requests") Req req, @ForAll long seed) {
        List<Statement> shuffled = new ArrayList<>(policy);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = shuffled.isEmpty() ? 0 : Math.floorMod(seed, shuffled.size());
        // The shuffled statements split over two policies registered in the other order.
        PolicyEvaluator split = PolicyEvaluator.builder()
                .identityPolicy("second", document(shuffled.subList(cut, shuffled.size())))
                .identityPolicy("first", document(shuffled.subList(0, cut)))
                .build();
        Decision a = evaluate(policy, req);
        Decision b = split.evaluate(req.build());
        assertThat(b.outcome()).isEqualTo(a.outcome());
        assertThat(sids(b.decidingStatements())).isEqualTo(sids(a.decidingStatements()));
        assertThat(b.missingAllow()).isEqualTo(a.missingAllow());
        assertThat(new HashSet<>(b.nearMisses().stream().map(m -> m.statement().sid() + m.mismatch()).toList()))
                .isEqualTo(new HashSet<>(a.nearMisses().stream().map(m -> m.statement().sid() + m.mismatch()).toList()));
    }

    @Property(tries = 400)
    void explicitDenyCitesOnlyDenyStatementsAndAllowOnlyAllowStatements(@ForAll("statements") List<Statement> policy,
            @ForAll("requests") Req req) {
        Decision d = evaluate(policy, req);
        Map<String, Effect> effects = new java.util.HashMap<>();
        policy.forEach(s -> effects.put(s.sid(), s.effect()));
        switch (d.outcome()) {
            case EXPLICIT_DENY -> assertThat(d.decidingStatements()).isNotEmpty()
                    .allSatisfy(r -> assertThat(effects.get(r.sid())).isEqualTo(Effect.Deny));
            case ALLOW -> assertThat(d.decidingStatements()).isNotEmpty()
                    .allSatisfy(r -> assertThat(effects.get(r.sid())).isEqualTo(Effect.Allow));
            case IMPLICIT_DENY -> assertThat(d.decidingStatements()).isEmpty();
        }
    }

    /** Without IfExists or a set operator, a negated operator is exactly the complement of its positive form. */
    @Property(tries = 600)
    void aNegatedOperatorIsTheComplementOfItsPositiveForm(@ForAll("operatorPairs") String[] pair,
            @ForAll("conditionValues") String policyValue, @ForAll("conditionValues") String contextValue,
            @ForAll boolean keyPresent) {
        Req req = new Req("s3:GetObject", "*", keyPresent ? Map.of("test:key", List.of(contextValue)) : Map.of());
        Outcome positive = evaluate(List.of(conditional(pair[0], policyValue)), req).outcome();
        Outcome negated = evaluate(List.of(conditional(pair[1], policyValue)), req).outcome();
        assertThat(positive == Outcome.ALLOW).as(pair[0] + " / " + pair[1]).isNotEqualTo(negated == Outcome.ALLOW);
    }

    @Property(tries = 500)
    void resourceMatchingAgreesWithArnPatternOnCompleteArns(@ForAll("arnPatterns") String pattern, @ForAll("arns") String arn) {
        ArnGlob glob = ArnGlob.parse(pattern, true, true, (k, d) -> { });
        AuthorizationRequest r = AuthorizationRequest.builder().principal(ALICE).action("x:y").resource(arn).build();
        assertThat(glob.matches(r.resourceArn(), r, new Trace())).as(pattern + " ~ " + arn)
                .isEqualTo(ArnPattern.of(pattern).matches(arn));
    }

    @Property(tries = 500)
    void wildcardPatternsAgreeWithGlob(@ForAll("globs") String pattern, @ForAll("texts") String text) {
        WildcardPattern p = WildcardPattern.glob(pattern);
        assertThat(p.matches(text, false)).isEqualTo(new Glob(pattern).matches(text));
        assertThat(p.matches(text, true)).isEqualTo(new Glob(pattern).matchesIgnoreCase(text));
    }

    @Property(tries = 300)
    void anIpv4AddressLiesInEveryBlockAroundIt(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
            @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d, @ForAll @IntRange(max = 32) int prefix) {
        String address = a + "." + b + "." + c + "." + d;
        IpRange block = IpRange.parse(address + "/" + prefix);
        assertThat(block).isNotNull();
        assertThat(block.contains(IpRange.parseAddress(address))).isTrue();
        if (prefix == 32) {
            assertThat(block.contains(IpRange.parseAddress(a + "." + b + "." + c + "." + ((d + 1) % 256)))).isFalse();
        }
        assertThat(block.contains(IpRange.parseAddress("::ffff:" + address))).as("IPv4-mapped").isTrue();
    }

    @Property(tries = 300)
    void anIpv6AddressLiesInEveryBlockAroundIt(@ForAll("ipv6") String address, @ForAll @IntRange(max = 128) int prefix) {
        IpRange block = IpRange.parse(address + "/" + prefix);
        assertThat(block).as(address).isNotNull();
        assertThat(block.contains(IpRange.parseAddress(address))).isTrue();
        assertThat(block.contains(IpRange.parseAddress("203.0.113.1"))).isFalse();
    }

    // --- helpers ---

    static Decision evaluate(List<Statement> statements, Req req) {
        return PolicyEvaluator.builder().identityPolicy("policy", document(statements)).build().evaluate(req.build());
    }

    static PolicyDocument document(List<Statement> statements) {
        return new PolicyDocument("2012-10-17", null, statements);
    }

    static Set<String> sids(List<StatementRef> refs) {
        Set<String> s = new HashSet<>();
        refs.forEach(r -> s.add(r.sid()));
        return s;
    }

    static Statement asDeny(Statement s) {
        return new Statement("AddedDeny", Effect.Deny, null, null, s.action(), s.notAction(), s.resource(), s.notResource(),
                s.condition());
    }

    static Statement asAllow(Statement s) {
        return new Statement("AddedAllow", Effect.Allow, null, null, s.action(), s.notAction(), s.resource(), s.notResource(),
                s.condition());
    }

    static Statement conditional(String operator, String value) {
        return new Statement("C", Effect.Allow, null, null, List.of("s3:*"), null, List.of("*"), null,
                Map.of(operator, Map.of("test:key", List.of(value))));
    }

    // --- generators ---

    static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "iam:CreateUser",
            "bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:GetWorkloadAccessTokenForJWT");
    static final List<String> ACTION_PATTERNS = List.of("*", "s3:*", "s3:Get*", "S3:getobject", "iam:*", "?3:*Object",
            "bedrock-agentcore:*", "bedrock-agentcore:Invoke*", "bedrock-agentcore:GetWorkloadAccessToken*");
    static final List<String> RESOURCES = List.of("arn:aws:s3:::b/k", "arn:aws:s3:::b", RUNTIME,
            RUNTIME + "/runtime-endpoint/dev", IDENTITY, "*");
    static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:s3:::b/*", "arn:aws:s3:::*",
            "arn:aws:bedrock-agentcore:*:*:runtime/*", "arn:aws:bedrock-agentcore:us-east-1:111122223333:*",
            "arn:aws:bedrock-agentcore:us-east-1:111122223333:workload-identity-directory/default/workload-identity/agentName-*",
            "arn:aws:bedrock-agentcore:us-east-1:111122223333:workload-identity-directory/default/workload-identity/mcp_echo-*",
            "arn:aws:s3:::b/${aws:username}*", "arn:aws:s3:::${aws:PrincipalTag/team}", "arn:aws:bedrock-agentcore:*");
    static final List<Map<String, Map<String, List<String>>>> CONDITIONS = List.of(
            Map.of(),
            Map.of("StringEquals", Map.of("aws:SourceAccount", List.of("111122223333"))),
            Map.of("StringNotEquals", Map.of("aws:SourceAccount", List.of("111122223333"))),
            Map.of("StringLikeIfExists", Map.of("aws:PrincipalTag/team", List.of("a*"))),
            Map.of("Bool", Map.of("aws:SecureTransport", List.of("true"))),
            Map.of("ForAllValues:StringEquals", Map.of("aws:TagKeys", List.of("a", "b"))),
            Map.of("ForAnyValue:StringEquals", Map.of("aws:TagKeys", List.of("c"))),
            Map.of("Null", Map.of("aws:TokenIssueTime", List.of("true"))),
            Map.of("StringEqualz", Map.of("aws:SourceAccount", List.of("111122223333"))),
            Map.of("StringEquals", Map.of("aws:SourceAccount", List.of("${aws:PrincipalAccount}")),
                    "ArnLike", Map.of("aws:SourceArn", List.of("arn:aws:bedrock-agentcore:us-east-1:111122223333:*"))));

    @Provide
    Arbitrary<List<Statement>> statements() {
        return statement().list().ofMaxSize(6).map(EvaluationProperties::numbered);
    }

    @Provide
    Arbitrary<Statement> statement() {
        return Combinators.combine(
                Arbitraries.of(Effect.values()),
                Arbitraries.of(ACTION_PATTERNS).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of(RESOURCE_PATTERNS).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of(CONDITIONS),
                Arbitraries.integers().between(0, 9))
                .as((effect, actions, resources, condition, shape) -> new Statement(null, effect, null, null,
                        shape == 0 ? null : actions, shape == 0 ? actions : null,
                        shape == 1 ? null : resources, shape == 1 ? resources : null, condition));
    }

    /** Unique Sids, so decisions can be compared whatever the statements' positions. */
    static List<Statement> numbered(List<Statement> statements) {
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            out.add(new Statement("S" + i, s.effect(), null, null, s.action(), s.notAction(), s.resource(), s.notResource(),
                    s.condition()));
        }
        return out;
    }

    @Provide
    Arbitrary<Req> requests() {
        Arbitrary<Map<String, List<String>>> context = Combinators.combine(
                Arbitraries.of("", "111122223333", "999999999999"),
                Arbitraries.of("", "true", "false"),
                Arbitraries.of(List.<String>of(), List.of("a"), List.of("a", "c")),
                Arbitraries.of("", "abc", "xyz"),
                Arbitraries.of(true, false),
                Arbitraries.of("", "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/x", "arn:aws:s3:::b"))
                .as((account, tls, tags, team, token, sourceArn) -> {
                    Map<String, List<String>> m = new java.util.HashMap<>();
                    if (!account.isEmpty()) {
                        m.put("aws:SourceAccount", List.of(account));
                    }
                    if (!tls.isEmpty()) {
                        m.put("aws:SecureTransport", List.of(tls));
                    }
                    if (!tags.isEmpty()) {
                        m.put("aws:TagKeys", tags);
                    }
                    if (!team.isEmpty()) {
                        m.put("aws:PrincipalTag/team", List.of(team));
                    }
                    if (token) {
                        m.put("aws:TokenIssueTime", List.of("2024-01-01T00:00:00Z"));
                    }
                    if (!sourceArn.isEmpty()) {
                        m.put("aws:SourceArn", List.of(sourceArn));
                    }
                    return m;
                });
        return Combinators.combine(Arbitraries.of(ACTIONS), Arbitraries.of(RESOURCES), context).as(Req::new);
    }

    @Provide
    Arbitrary<String[]> operatorPairs() {
        return Arbitraries.of(
                new String[] {"StringEquals", "StringNotEquals"},
                new String[] {"StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"},
                new String[] {"StringLike", "StringNotLike"},
                new String[] {"NumericEquals", "NumericNotEquals"},
                new String[] {"DateEquals", "DateNotEquals"},
                new String[] {"IpAddress", "NotIpAddress"},
                new String[] {"ArnLike", "ArnNotLike"},
                new String[] {"ArnEquals", "ArnNotEquals"});
    }

    @Provide
    Arbitrary<String> conditionValues() {
        return Arbitraries.of("a", "A", "a*", "", "10", "10.0", "2024-01-01", "2024-01-01T00:00:00Z", "203.0.113.0/24",
                "203.0.113.7", "arn:aws:s3:::b", "arn:aws:s3:::*", "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/x",
                "arn:aws:bedrock-agentcore:*:*:*");
    }

    @Provide
    Arbitrary<String> arnPatterns() {
        return Combinators.combine(Arbitraries.of("aws", "a*", "*"), Arbitraries.of("s3", "bedrock-agentcore", "*"),
                Arbitraries.of("", "us-east-1", "us-*", "*", "??-east-1"), Arbitraries.of("", "111122223333", "*", "1111*"),
                Arbitraries.of("runtime/*", "runtime/x", "b/k", "*", "log-group:*:log-stream:*", "runtime/?"))
                .as((p, s, r, a, res) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + res);
    }

    @Provide
    Arbitrary<String> arns() {
        return Combinators.combine(Arbitraries.of("aws", "aws-cn"), Arbitraries.of("s3", "bedrock-agentcore"),
                Arbitraries.of("", "us-east-1", "eu-west-1"), Arbitraries.of("", "111122223333"),
                Arbitraries.of("runtime/x", "runtime/xy", "b/k", "log-group:g:log-stream:s", "runtime/x/runtime-endpoint/dev"))
                .as((p, s, r, a, res) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + res);
    }

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.strings().withChars("aB*?/:-").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abAB/:-").ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> ipv6() {
        return Arbitraries.integers().between(0, 0xFFFF).list().ofSize(8)
                .map(groups -> String.join(":", groups.stream().map(Integer::toHexString).toList()));
    }
}
