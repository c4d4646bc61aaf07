package dev.agentcore.policylint.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.agentcore.core.iam.AgentCoreCatalog;
import dev.agentcore.core.iam.AgentCoreResourceType;
import dev.agentcore.policylint.template.Texts;

/**
 * A {@code bedrock-agentcore} ARN that fits none of the service's ARN formats, or whose identifier can never be valid
 * (a runtime id with a hyphen in its name part, a workload identity without its directory, a bad account id).
 */
public final class MalformedArn implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL142", "malformed-arn",
            "A bedrock-agentcore ARN fits none of the service's ARN formats (from the bundled catalog).", Severity.ERROR);

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}|[0-9]*[*?][0-9*?]*|aws|");

    /** The formats suggested when none shares a word with the resource: the ones users write runtime names into. */
    private static final Set<RuntimeResourceType> NAMED_BY_USERS = EnumSet.of(RuntimeResourceType.RUNTIME,
            RuntimeResourceType.WORKLOAD_IDENTITY);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (TemplateContext.ArnText arn : ctx.arns()) {
            ArnParts parts = ArnParts.of(arn.text());
            if (parts == null || !parts.literal(ArnParts.SERVICE) || !parts.service().equals(AgentCoreCatalog.SERVICE)) {
                continue;
            }
            String account = parts.component(ArnParts.ACCOUNT);
            if (parts.literal(ArnParts.ACCOUNT) && !ACCOUNT.matcher(account).matches()
                    && !PlaceholderResource.DOCUMENTATION_ACCOUNTS.contains(account)) {
                findings.add(INFO, parts.componentRegion(ArnParts.ACCOUNT),
                        "account '" + account + "' in " + parts.display() + " is not a 12-digit account id",
                        "use ${AWS::AccountId} in a !Sub", arn.owner());
            }
            // A placeholder segment (PL100 reports it) stands for any name, so the rest of the ARN is still checked:
            // token-vault/default/oauth2-credential-provider/<name> has the wrong type whatever the name is.
            List<ArnParts.Segment> segments = parts.resourceSegments();
            String resource = resourcePattern(parts, segments);
            if (resource.length() > 2048 || !ctx.catalog().typesMatching(resource).isEmpty()) {
                continue;
            }
            int end = parts.ends()[ArnParts.RESOURCE];
            for (ArnParts.Segment segment : segments) {
                if (PlaceholderResource.isPlaceholder(segment.text())) {
                    end = Math.max(parts.starts()[ArnParts.RESOURCE] + 1, segment.start() - 1);
                    break;
                }
            }
            String written = parts.shape().substring(parts.starts()[ArnParts.RESOURCE], end);
            findings.add(INFO, parts.region(parts.starts()[ArnParts.RESOURCE], end),
                    "'" + written + "' in " + parts.display() + " fits no bedrock-agentcore ARN format",
                    fix(ctx.catalog(), resource), arn.owner());
        }
    }

    /** The resource as an IAM pattern, each placeholder segment as {@code *}. */
    private static String resourcePattern(ArnParts parts, List<ArnParts.Segment> segments) {
        int offset = parts.starts()[ArnParts.RESOURCE];
        StringBuilder out = new StringBuilder(parts.masked().substring(offset, parts.ends()[ArnParts.RESOURCE]));
        for (ArnParts.Segment segment : segments.reversed()) {
            if (PlaceholderResource.isPlaceholder(segment.text())) {
                out.replace(segment.start() - offset, segment.end() - offset, "*");
            }
        }
        return Texts.unknownRunsAsStar(out);
    }

    /** Compiled once: String.split compiles its regex at each call. */
    private static final Pattern SEGMENT_SEPARATOR = Pattern.compile("[/:]");

    /** The formats that share a word with the resource, else the runtime ones. */
    private static String fix(AgentCoreCatalog catalog, String resource) {
        String first = SEGMENT_SEPARATOR.split(resource, 2)[0];
        List<String> formats = catalog.resourceTypes().stream()
                .filter(t -> t.resourceFormat().contains(first) && !first.isEmpty() && !first.equals("*"))
                .map(AgentCoreResourceType::resourceFormat).toList();
        if (formats.isEmpty()) {
            formats = catalog.resourceTypes().stream()
                    .filter(t -> RuntimeResourceType.of(t).filter(NAMED_BY_USERS::contains).isPresent())
                    .map(AgentCoreResourceType::resourceFormat).toList();
        }
        return "expected " + String.join(" or ", formats)
                + " (runtime ids are <name>-<10 letters or digits>, names have no hyphen)";
    }
}
