package dev.agentcore.policylint.rule;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.agentcore.policylint.runtime.AgentRuntime;
import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Piece;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/**
 * A tutorial placeholder left in an ARN ({@code agentName-*}, {@code <region>}, {@code YOUR_ACCOUNT_ID},
 * {@code 123456789012}, ...), after resolving Sub, Join, Ref, parameter defaults and pseudo parameters.
 */
public final class PlaceholderResource implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL100", "placeholder-resource",
            "An ARN holds a tutorial placeholder (agentName, <...>, YOUR_..., REPLACE..., EXAMPLE, my-agent, a documentation account id).",
            Severity.ERROR);

    /** Account ids the AWS documentation uses in examples. */
    static final Set<String> DOCUMENTATION_ACCOUNTS = Set.of("123456789012", "111122223333");

    /** Where a placeholder can stand: some only make sense as a resource's name, not as a partition, region or account. */
    private enum Where {
        RESOURCE_ONLY, ANY_COMPONENT
    }

    /**
     * {@code word}: lower case, in the lower-cased text of every match (so a segment without it is passed over
     * without running the regex: a corpus lint tries each pattern on thousands of segments).
     */
    private record Placeholder(Pattern pattern, String word, String what, Where where) {
        Matcher matcher(String text, String lower) {
            return lower.contains(word) ? pattern.matcher(text) : null;
        }
    }

    private static final List<Placeholder> SEGMENT_PLACEHOLDERS = List.of(
            new Placeholder(Pattern.compile("(?i)^agent[-_]?name(?=$|[-_*?.])"), "agent", "the tutorials' agentName", Where.RESOURCE_ONLY),
            new Placeholder(Pattern.compile("(?i)^my[-_]?agent(?=$|[-_*?.])"), "agent", "the example name my-agent", Where.ANY_COMPONENT),
            // Doubled delimiters (<<region>>, {{ACCOUNT_ID}}, template engines' style) are one placeholder, from the first.
            new Placeholder(Pattern.compile("<+[^<>]*>+"), "<", "angle brackets", Where.ANY_COMPONENT),
            new Placeholder(Pattern.compile("(?<![$\\{])\\{+[A-Za-z_][A-Za-z0-9_-]*}+"), "{", "braces", Where.ANY_COMPONENT),
            new Placeholder(Pattern.compile("YOUR[-_][A-Za-z0-9_-]*|(?i)^your[-_][a-z0-9_-]*"), "your", "YOUR_...", Where.ANY_COMPONENT),
            new Placeholder(Pattern.compile("REPLACE[A-Za-z0-9_-]*|(?i)replace[-_]?(me|this|with)[a-z0-9_-]*"), "replace",
                    "REPLACE...", Where.ANY_COMPONENT),
            new Placeholder(Pattern.compile("EXAMPLE|(?i)^example$"), "example", "EXAMPLE", Where.ANY_COMPONENT),
            new Placeholder(Pattern.compile("(?i)^(aws[-_]?)?(account[-_]?id|acct[-_]?id)$"), "id", "account-id", Where.ANY_COMPONENT));

    private static final Pattern WILDCARD_SUFFIX = Pattern.compile("[-_]?[*?].*$");
    private static final Pattern REGION_PLACEHOLDER = Pattern.compile("(?i)^(region|aws[-_]?region|your[-_]?region|REGION_NAME)$");

    /** True when a resource segment holds one of the placeholders. */
    static boolean isPlaceholder(String segment) {
        String lower = segment.toLowerCase(Locale.ROOT);
        for (Placeholder p : SEGMENT_PLACEHOLDERS) {
            Matcher m = p.matcher(segment, lower);
            if (m != null && m.find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (TemplateContext.ArnText arn : ctx.arns()) {
            ArnParts parts = ArnParts.of(arn.text());
            if (parts != null) {
                checkArn(ctx, arn, parts, findings);
            }
        }
        // Placeholders also appear bare in condition values: aws:SourceAccount "<account-id>", or the documentation's
        // account id. (ARNs in conditions are checked above, with the other ARNs.)
        for (LocatedStatement s : ctx.statements()) {
            s.conditionKeys().values().forEach(values -> values.forEach(v -> {
                String shape = Texts.shape(v);
                if (shape.startsWith("arn:")) {
                    return;
                }
                if (DOCUMENTATION_ACCOUNTS.contains(shape) && !ownAccount(ctx, shape)) {
                    findings.add(INFO, Texts.region(v, 0, shape.length()),
                            "condition value " + shape + " is the AWS documentation's example account id" + via(v, 0),
                            "use ${AWS::AccountId} (in a !Sub) or the real account id", s.policy().owner());
                    return;
                }
                conditionPlaceholder(v, shape).ifPresent(m -> findings.add(INFO, Texts.region(v, m.start(), m.end()),
                        "condition value '" + m.group() + "' is a placeholder left from a tutorial" + via(v, m.start()),
                        "replace it with the real value, or a parameter or pseudo parameter in a !Sub",
                        s.policy().owner()));
            }));
        }
    }

    /** The first placeholder in a condition value that can stand anywhere (not agentName, a resource name only). */
    private static java.util.Optional<java.util.regex.MatchResult> conditionPlaceholder(Value.Text v, String shape) {
        String lower = shape.toLowerCase(Locale.ROOT);
        for (Placeholder p : SEGMENT_PLACEHOLDERS) {
            if (p.where() != Where.ANY_COMPONENT) {
                continue;
            }
            Matcher m = p.matcher(shape, lower);
            if (m != null && m.find() && Texts.literalRange(v, m.start(), m.end())) {
                return java.util.Optional.of(m.toMatchResult());
            }
        }
        return java.util.Optional.empty();
    }

    private void checkArn(TemplateContext ctx, TemplateContext.ArnText arn, ArnParts parts, Findings findings) {
        String account = parts.component(ArnParts.ACCOUNT);
        if (DOCUMENTATION_ACCOUNTS.contains(account) && !ownAccount(ctx, account)) {
            findings.add(INFO, parts.componentRegion(ArnParts.ACCOUNT),
                    "account " + account + " in " + parts.display() + " is the AWS documentation's example account id"
                            + via(parts.text(), parts.starts()[ArnParts.ACCOUNT]),
                    "use ${AWS::AccountId} in a !Sub, or the real account id", arn.owner());
        }
        String region = parts.component(ArnParts.REGION);
        if (REGION_PLACEHOLDER.matcher(region).matches()) {
            findings.add(INFO, parts.componentRegion(ArnParts.REGION),
                    "region '" + region + "' in " + parts.display() + " is a placeholder",
                    "use ${AWS::Region} in a !Sub, or the real region", arn.owner());
        }
        for (int c = ArnParts.PARTITION; c < ArnParts.RESOURCE; c++) {
            if (c != ArnParts.SERVICE) {
                checkSegment(ctx, arn, parts, new ArnParts.Segment(parts.component(c), parts.starts()[c], parts.ends()[c]),
                        findings, Where.ANY_COMPONENT);
            }
        }
        for (ArnParts.Segment segment : parts.resourceSegments()) {
            checkSegment(ctx, arn, parts, segment, findings, Where.RESOURCE_ONLY);
        }
    }

    private void checkSegment(TemplateContext ctx, TemplateContext.ArnText arn, ArnParts parts, ArnParts.Segment segment,
            Findings findings, Where component) {
        if (isActualRuntime(ctx, segment.text())) {
            return;
        }
        String lower = segment.text().toLowerCase(Locale.ROOT);
        for (Placeholder p : SEGMENT_PLACEHOLDERS) {
            if (component == Where.ANY_COMPONENT && p.where() == Where.RESOURCE_ONLY) {
                continue;
            }
            Matcher m = p.matcher(segment.text(), lower);
            if (m != null && m.find()) {
                int from = segment.start() + m.start();
                int to = segment.start() + m.end();
                if (!Texts.literalRange(parts.text(), from, to)) {
                    continue;
                }
                findings.add(INFO, parts.region(from, to),
                        "'" + m.group() + "' in " + parts.display() + " is a placeholder (" + p.what() + ") left from a tutorial"
                                + via(parts.text(), from),
                        fix(ctx, parts), arn.owner());
                return;
            }
        }
    }

    private static boolean isActualRuntime(TemplateContext ctx, String segment) {
        if (ctx.runtimes().runtimes().isEmpty()) {
            return false;
        }
        String name = WILDCARD_SUFFIX.matcher(segment).replaceAll("");
        for (AgentRuntime r : ctx.runtimes().runtimes()) {
            if (name.equals(r.name()) || segment.equals(r.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownAccount(TemplateContext ctx, String account) {
        return ctx.runtimes().accounts().contains(account);
    }

    private static String fix(TemplateContext ctx, ArnParts parts) {
        String resource = parts.component(ArnParts.RESOURCE);
        if (!ctx.runtimes().runtimes().isEmpty() && (resource.contains("workload-identity/") || resource.startsWith("runtime/"))) {
            AgentRuntime r = ctx.runtimes().runtimes().getFirst();
            return "use the runtime's name followed by -* (for example " + r.name() + "-*) or its exact id ("
                    + r.id() + "); actual runtimes: " + DeadRuntimeGrant.describe(ctx.runtimes().runtimes(), 5);
        }
        if (resource.contains("workload-identity/") || resource.startsWith("runtime/")) {
            return "use the runtime's name followed by -* (a runtime's workload identity is named after its id, "
                    + "<runtimeName>-<10 characters>), or ${MyRuntime.AgentRuntimeId} when the runtime is in the template";
        }
        return "replace the placeholder with the real value, or a parameter or pseudo parameter in a !Sub";
    }

    /** " (from the default of parameter X)" when the text came from elsewhere. */
    static String via(Value.Text text, int index) {
        Piece.Literal lit = Texts.literalAt(text, index);
        return lit != null && lit.via() != null ? " (from " + lit.via() + ")" : "";
    }
}
