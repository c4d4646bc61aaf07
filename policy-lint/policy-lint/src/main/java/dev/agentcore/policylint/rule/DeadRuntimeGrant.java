package dev.agentcore.policylint.rule;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.agentcore.core.iam.AgentCoreCatalog;
import dev.agentcore.core.iam.AgentCoreResourceType;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.arn.RuntimeEndpointArn;
import dev.agentcore.core.iam.ArnPattern;
import dev.agentcore.core.iam.Glob;
import dev.agentcore.core.text.Similarity;
import dev.agentcore.policylint.runtime.AgentRuntime;
import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Roles;
import dev.agentcore.policylint.template.Template;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;

/**
 * A workload-identity, runtime or runtime-endpoint resource pattern that matches none of the actual runtimes: the
 * grant allows nothing (or, in a Deny, protects nothing).
 */
public final class DeadRuntimeGrant implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL110", "dead-runtime-grant",
            "A workload-identity, runtime or runtime-endpoint ARN pattern matches none of the actual AgentCore runtimes.",
            Severity.ERROR);

    private static final String WORKLOAD_IDENTITY = "AWS::BedrockAgentCore::WorkloadIdentity";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        if (!ctx.runtimes().known()) {
            return;
        }
        for (LocatedStatement s : ctx.statements()) {
            for (Value.Text resource : s.resources()) {
                checkResource(ctx, s, resource, findings);
            }
        }
    }

    private void checkResource(TemplateContext ctx, LocatedStatement s, Value.Text resource, Findings findings) {
        ArnParts parts = ArnParts.of(resource);
        if (parts == null || !parts.literal(ArnParts.SERVICE) || !parts.service().equals(AgentCoreCatalog.SERVICE)) {
            return;
        }
        String resourcePattern = parts.pattern(ArnParts.RESOURCE);
        if (resourcePattern.length() > 2048) {
            return;
        }
        List<AgentCoreResourceType> matching = ctx.catalog().typesMatching(resourcePattern);
        Set<RuntimeResourceType> types = EnumSet.noneOf(RuntimeResourceType.class);
        for (AgentCoreResourceType t : matching) {
            RuntimeResourceType runtimeType = RuntimeResourceType.of(t).orElse(null);
            if (runtimeType == null) {
                return; // not specific to runtimes
            }
            types.add(runtimeType);
        }
        if (types.isEmpty()) {
            return; // malformed: PL142's business
        }
        String pattern = Texts.pattern(resource);
        List<AgentRuntime> runtimes = ctx.runtimes().runtimes();
        for (AgentRuntime r : runtimes) {
            if (matches(pattern, parts, types, r, false)) {
                return;
            }
        }
        List<String> planned = ctx.runtimes().planned();
        for (String name : planned) {
            if (matchesPlanned(parts, types, name)) {
                return;
            }
        }
        if (types.contains(RuntimeResourceType.WORKLOAD_IDENTITY) && ownWorkloadIdentity(ctx, parts)) {
            return; // a workload identity of the template itself (an agent hosted outside Runtime), not a runtime's
        }
        String verdict = s.isAllow() ? "this grant allows nothing" : "this statement matches nothing";
        RuntimeResourceType kind = types.contains(RuntimeResourceType.WORKLOAD_IDENTITY) ? RuntimeResourceType.WORKLOAD_IDENTITY
                : types.contains(RuntimeResourceType.RUNTIME_ENDPOINT) && !types.contains(RuntimeResourceType.RUNTIME)
                ? RuntimeResourceType.RUNTIME_ENDPOINT : RuntimeResourceType.RUNTIME;
        for (AgentRuntime r : runtimes) {
            if (matches(pattern, parts, types, r, true) && elsewhere(ctx, s, parts, kind, r, runtimes.size(), verdict, findings)) {
                return;
            }
        }
        ArnParts.Segment name = nameSegment(parts);
        String target = name == null ? "" : name.text();
        List<AgentRuntime> closest = closest(runtimes, target);
        if (!planned.isEmpty()) {
            // Before a deployment the manifest's names are what grants must fit (a deployed runtime fits as well).
            String closestPlanned = closestName(planned, target);
            String message = parts.display() + " (" + kind.description() + ") matches none of the " + planned.size()
                    + " runtimes of the runtimes manifest" + (runtimes.isEmpty() ? "" : " nor of the actual runtimes (" + runtimes.size() + ")")
                    + "; closest by name: " + closestPlanned + "; " + verdict;
            findings.add(INFO, name == null ? parts.componentRegion(ArnParts.RESOURCE) : parts.region(name.start(), name.end()),
                    message, "use ..." + kind.namePrefix() + closestPlanned + "-* (a runtime name of the manifest and -*),"
                            + " or add the runtime to the manifest", s.policy().owner());
            return;
        }
        String message = parts.display() + " (" + kind.description() + ") matches none of the actual runtimes (" + runtimes.size()
                + ")"
                + (closest.isEmpty() ? " (the runtimes source lists none)" : "; closest by name: " + describe(closest, 3))
                + "; " + verdict;
        findings.add(INFO, name == null ? parts.componentRegion(ArnParts.RESOURCE) : parts.region(name.start(), name.end()),
                message, fix(ctx, kind, closest), s.policy().owner());
    }

    /**
     * True when the pattern covers the runtime (its workload identity, ARN or an endpoint). With {@code anyLocation}
     * the pattern's partition, region and account count as {@code *}: does it name the runtime, wherever it is?
     */
    static boolean matches(String pattern, ArnParts parts, Set<RuntimeResourceType> types, AgentRuntime r, boolean anyLocation) {
        if (anyLocation) {
            pattern = "arn:*:" + parts.service() + ":*:*:" + parts.pattern(ArnParts.RESOURCE);
        }
        ArnPattern arnPattern = ArnPattern.of(pattern);
        if (types.contains(RuntimeResourceType.WORKLOAD_IDENTITY) && r.workloadIdentity() != null && arnPattern.matches(r.workloadIdentity())) {
            return true;
        }
        if (types.contains(RuntimeResourceType.RUNTIME) && r.arn() != null && arnPattern.matches(r.arn())) {
            return true;
        }
        if (types.contains(RuntimeResourceType.RUNTIME_ENDPOINT) && r.arn() != null) {
            for (AgentRuntime.Endpoint e : r.endpoints()) {
                if (e.arn() != null && arnPattern.matches(e.arn())) {
                    return true;
                }
            }
            // Endpoint names we were not told: any endpoint of this runtime could exist.
            RuntimeArn arn = r.parsedArn().orElse(null);
            if (arn != null && (anyLocation || new Glob(parts.pattern(ArnParts.PARTITION)).matches(arn.partition())
                    && new Glob(parts.pattern(ArnParts.REGION)).matches(arn.region())
                    && new Glob(parts.pattern(ArnParts.ACCOUNT)).matches(arn.accountId()))) {
                Automaton endpoints = BasicAutomata.makeString(arn.resource() + RuntimeEndpointArn.SEPARATOR)
                        .concatenate(BasicAutomata.makeAnyChar().repeat(1));
                return !new Glob(parts.pattern(ArnParts.RESOURCE)).automaton().intersection(endpoints).isEmpty();
            }
        }
        return false;
    }

    /**
     * True when the pattern's resource can name a runtime called {@code name} that is not deployed yet: its id is the
     * name, a hyphen and 10 characters nobody knows, its workload identity is in the account's default directory,
     * and it will be in whatever partition, Region and account the deployment uses.
     */
    static boolean matchesPlanned(ArnParts parts, Set<RuntimeResourceType> types, String name) {
        Automaton pattern = new Glob(parts.pattern(ArnParts.RESOURCE)).automaton();
        String id = name + "-??????????";
        List<String> shapes = new java.util.ArrayList<>();
        if (types.contains(RuntimeResourceType.WORKLOAD_IDENTITY)) {
            shapes.add("workload-identity-directory/default/workload-identity/" + id);
        }
        if (types.contains(RuntimeResourceType.RUNTIME)) {
            shapes.add("runtime/" + id);
        }
        if (types.contains(RuntimeResourceType.RUNTIME_ENDPOINT)) {
            shapes.add("runtime/" + id + RuntimeEndpointArn.SEPARATOR + "?*");
        }
        return shapes.stream().anyMatch(shape -> !pattern.intersection(new Glob(shape).automaton()).isEmpty());
    }

    private static String closestName(List<String> names, String target) {
        String key = target.replaceAll("[*?]", "").replaceAll("[-_]+$", "").toLowerCase(Locale.ROOT);
        return names.stream().min(Comparator.comparingInt((String n) -> Similarity.editDistance(key, n.toLowerCase(Locale.ROOT)))
                .thenComparing(n -> n)).orElseThrow();
    }

    /**
     * Reports a pattern that names runtime {@code r} but in another partition, region or account, at that component.
     * False when no component differs (then the generic message applies).
     */
    private static boolean elsewhere(TemplateContext ctx, LocatedStatement s, ArnParts parts, RuntimeResourceType kind, AgentRuntime r,
            int count, String verdict, Findings findings) {
        RuntimeArn arn = r.parsedArn().orElse(null);
        if (arn == null) {
            return false;
        }
        int[] components = {ArnParts.PARTITION, ArnParts.REGION, ArnParts.ACCOUNT};
        String[] names = {"partition", "region", "account"};
        String[] actual = {arn.partition(), arn.region(), arn.accountId()};
        String[] pseudo = {"${AWS::Partition}", "${AWS::Region}", "${AWS::AccountId}"};
        for (int i = 0; i < components.length; i++) {
            if (new Glob(parts.pattern(components[i])).matches(actual[i])) {
                continue;
            }
            String written = parts.component(components[i]);
            findings.add(INFO, parts.componentRegion(components[i]),
                    parts.display() + " (" + kind.description() + ") matches none of the actual runtimes (" + count + "): the name fits "
                            + r.name() + " (" + r.id() + "), but that runtime is in " + names[i] + " " + actual[i]
                            + ", not " + written + "; " + verdict,
                    "use " + actual[i] + (ctx.template().kind() == Template.Kind.CLOUDFORMATION
                            ? " (or " + pseudo[i] + " in a !Sub, when the stack is deployed there)" : "")
                            + ", or point --runtimes at the runtimes of " + written,
                    s.policy().owner());
            return true;
        }
        return false;
    }

    /** True when the pattern can match a workload identity that the template creates (AWS::BedrockAgentCore::WorkloadIdentity). */
    private static boolean ownWorkloadIdentity(TemplateContext ctx, ArnParts parts) {
        Automaton pattern = null;
        for (Template.Resource r : ctx.template().resources().values()) {
            if (!r.type().equals(WORKLOAD_IDENTITY) || !(ctx.template().properties(r) instanceof Value.MapValue props)) {
                continue;
            }
            for (Value name : props.get("Name") == null ? List.<Value>of() : props.get("Name").items()) {
                if (name instanceof Value.Text text) {
                    if (pattern == null) {
                        pattern = new Glob(parts.pattern(ArnParts.RESOURCE)).automaton();
                    }
                    Automaton identity = new Glob("workload-identity-directory/default/workload-identity/"
                            + Texts.pattern(text)).automaton();
                    if (!pattern.intersection(identity).isEmpty()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The segment that names the runtime: after {@code workload-identity/} or {@code runtime/}. */
    static ArnParts.Segment nameSegment(ArnParts parts) {
        List<ArnParts.Segment> segments = parts.resourceSegments();
        for (int i = segments.size() - 2; i >= 0; i--) {
            String s = segments.get(i).text();
            if (s.equals("workload-identity") || s.equals("runtime")) {
                return segments.get(i + 1);
            }
        }
        return segments.isEmpty() ? null : segments.getLast();
    }

    static List<AgentRuntime> closest(List<AgentRuntime> runtimes, String target) {
        String key = target.replaceAll("[*?]", "").replaceAll("[-_]+$", "").toLowerCase(Locale.ROOT);
        java.util.Map<AgentRuntime, Integer> distance = new java.util.HashMap<>();
        runtimes.forEach(r -> distance.put(r, Math.min(
                Similarity.editDistance(key, String.valueOf(r.name()).toLowerCase(Locale.ROOT)),
                Similarity.editDistance(key, r.id().toLowerCase(Locale.ROOT)))));
        return runtimes.stream()
                .sorted(Comparator.comparingInt((AgentRuntime r) -> distance.get(r)).thenComparing(AgentRuntime::id))
                .toList();
    }

    static String describe(List<AgentRuntime> runtimes, int limit) {
        String shown = runtimes.stream().limit(limit).map(r -> r.name() + " (" + r.id() + ")")
                .collect(Collectors.joining(", "));
        return runtimes.size() > limit ? shown + ", ..." : shown;
    }

    private static String fix(TemplateContext ctx, RuntimeResourceType kind, List<AgentRuntime> closest) {
        String inTemplate = Roles.runtimes(ctx.template()).keySet().stream().findFirst()
                .map(id -> "; when the runtime is in this template, use ${" + id + ".AgentRuntimeId} in a separate "
                        + "AWS::IAM::RolePolicy (an inline policy of the role would make a dependency cycle)")
                .orElse("");
        if (closest.isEmpty()) {
            return "deploy the runtime first, or point --runtimes at the right account and region" + inTemplate;
        }
        AgentRuntime r = closest.getFirst();
        String tail = kind.namePrefix();
        return "use ..." + tail + r.name() + "-* (the runtime name and -*) or the exact id ..." + tail + r.id() + inTemplate;
    }
}
