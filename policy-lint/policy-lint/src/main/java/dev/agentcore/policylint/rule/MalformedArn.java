package dev.agentcore.policylint.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.agentcore.core.iam.AgentCoreCatalog;
import dev.agentcore.core.iam.AgentCoreResourceType;

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
            String resource = parts.pattern(ArnParts.RESOURCE);
            if (resource.length() > 2048 || parts.resourceSegments().stream().anyMatch(s -> PlaceholderResource.isPlaceholder(s.text()))
                    || !ctx.catalog().typesMatching(resource).isEmpty()) {
                // a placeholder is reported as such (PL100), not as a malformed ARN
                continue;
            }
            findings.add(INFO, parts.componentRegion(ArnParts.RESOURCE),
                    "'" + parts.component(ArnParts.RESOURCE) + "' fits no bedrock-agentcore ARN format", fix(ctx.catalog(), resource),
                    arn.owner());
        }
    }

    /** The formats that share a word with the resource, else the runtime ones. */
    private static String fix(AgentCoreCatalog catalog, String resource) {
        String first = resource.split("[/:]", 2)[0];
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
