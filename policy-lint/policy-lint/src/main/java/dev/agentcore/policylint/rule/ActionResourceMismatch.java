package dev.agentcore.policylint.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.agentcore.core.iam.AgentCoreAction;
import dev.agentcore.core.iam.AgentCoreCatalog;
import dev.agentcore.core.iam.AgentCoreResourceType;
import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/**
 * An action paired only with resources of types it does not take ({@code InvokeAgentRuntime} on a workload
 * identity), or a resource no action of the statement applies to. Such a grant allows nothing.
 */
public final class ActionResourceMismatch implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL141", "action-resource-mismatch",
            "A bedrock-agentcore action is paired only with resource types it does not take, or a resource with no action that applies to it.",
            Severity.ERROR);

    /** What a Resource entry can denote: anything (null) or these bedrock-agentcore resource types (none: another service). */
    private record ResourceKinds(Value.Text text, Set<String> types) {
        boolean any() {
            return types == null;
        }
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (LocatedStatement s : ctx.statements()) {
            if (!s.notActions().isEmpty() || !s.notResources().isEmpty() || s.resources().isEmpty()) {
                continue;
            }
            // The resources' kinds only once an action of the catalog asks: most statements grant other services.
            List<ResourceKinds> resources = null;
            boolean allActionsKnown = true;
            Set<String> actionTypes = new HashSet<>();
            for (Value.Text action : s.actions()) {
                Optional<AgentCoreAction> known = knownAction(ctx.catalog(), action);
                if (known.isEmpty()) {
                    allActionsKnown = false;
                    continue;
                }
                if (resources == null) {
                    resources = new ArrayList<>();
                    for (Value.Text r : s.resources()) {
                        resources.add(kinds(ctx.catalog(), r));
                    }
                }
                Set<String> takes = new HashSet<>(known.get().resourceTypes());
                actionTypes.addAll(takes);
                boolean applies = false;
                for (ResourceKinds r : resources) {
                    applies |= r.any() || !java.util.Collections.disjoint(r.types(), takes);
                }
                if (!applies) {
                    String shape = Texts.shape(action);
                    findings.add(INFO, Texts.region(action, shape.indexOf(':') + 1, shape.length()),
                            shape + " takes " + String.join(", ", known.get().resourceTypes()) + " resources, but "
                                    + s.label() + " lists only " + describe(resources) + ": the action is granted on nothing",
                            "add the " + known.get().resourceTypes().getFirst() + " ARN it needs, or move the action to a statement with such resources",
                            s.policy().owner());
                }
            }
            if (!allActionsKnown || actionTypes.isEmpty()) {
                continue;
            }
            for (ResourceKinds r : resources) {
                if (!r.any() && !r.types().isEmpty() && r.types().stream().noneMatch(actionTypes::contains)) {
                    String shape = Texts.shape(r.text());
                    findings.add(INFO, Texts.region(r.text(), 0, shape.length()),
                            "no action of " + s.label() + " applies to " + String.join("/", r.types())
                                    + " resources like " + Texts.display(r.text()),
                            "remove the resource, or add the action that needs it", s.policy().owner());
                }
            }
        }
    }

    /** The action when it is one literal bedrock-agentcore action, without wildcards, whose resource types the catalog knows. */
    private static Optional<AgentCoreAction> knownAction(AgentCoreCatalog catalog, Value.Text action) {
        String name = UnknownAction.agentCoreActionName(action);
        if (name == null || name.contains("*") || name.contains("?")) {
            return Optional.empty();
        }
        return catalog.action(name).filter(a -> !a.resourceTypes().isEmpty());
    }

    private static ResourceKinds kinds(AgentCoreCatalog catalog, Value.Text resource) {
        ArnParts parts = ArnParts.of(resource);
        if (parts == null || !parts.literal(ArnParts.SERVICE) || parts.pattern(ArnParts.RESOURCE).length() > 2048) {
            return new ResourceKinds(resource, null);
        }
        if (!parts.service().equals(AgentCoreCatalog.SERVICE)) {
            return new ResourceKinds(resource, Set.of());
        }
        Set<String> types = new HashSet<>();
        for (AgentCoreResourceType t : catalog.typesMatching(parts.pattern(ArnParts.RESOURCE))) {
            types.add(t.name());
        }
        return new ResourceKinds(resource, types.isEmpty() ? null : types); // malformed: PL142's business
    }

    private static String describe(List<ResourceKinds> resources) {
        Set<String> kinds = new java.util.TreeSet<>();
        for (ResourceKinds r : resources) {
            if (r.types() != null && r.types().isEmpty()) {
                ArnParts parts = ArnParts.of(r.text());
                kinds.add(parts == null ? "other" : parts.service());
            } else if (r.types() != null) {
                kinds.addAll(r.types());
            }
        }
        return String.join(", ", kinds) + " ARNs";
    }
}
