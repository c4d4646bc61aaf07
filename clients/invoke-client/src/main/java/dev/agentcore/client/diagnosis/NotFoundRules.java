package dev.agentcore.client.diagnosis;

import dev.agentcore.client.report.LikelyCause;
import dev.agentcore.client.runtime.InvocationTarget;
import java.util.ArrayList;
import java.util.List;

/** 404: an unknown runtime, a qualifier that names no endpoint, or a version number used as a qualifier. */
final class NotFoundRules {

    private NotFoundRules() {
    }

    static List<LikelyCause> notFound(Case c) {
        List<LikelyCause> causes = new ArrayList<>();
        if (c.arn() == null) {
            causes.add(new LikelyCause("The local runtime has no " + c.target().invocationPath() + " route",
                    "HTTP agents serve POST /invocations on port 8080, MCP servers POST /mcp on port 8000"));
            return causes;
        }
        String qualifier = c.qualifier();
        boolean versionNumber = qualifier.matches("\\d+");
        Lookup<RuntimeFacts> runtime = c.runtime();
        if (runtime instanceof Lookup.Missing<RuntimeFacts>) {
            causes.add(unknownRuntime(c, "does not exist"));
            return causes;
        }
        Lookup<List<EndpointFacts>> endpoints = c.endpoints();
        List<EndpointFacts> known = endpoints.found().orElse(null);
        if (versionNumber) {
            causes.add(versionAsQualifier(c, known));
        }
        if (known != null) {
            boolean exists = known.stream().anyMatch(e -> e.name().equals(qualifier));
            if (!exists && !versionNumber) {
                causes.add(new LikelyCause("The qualifier '" + qualifier + "' names no endpoint of " + c.runtimeLabel()
                        + "; its endpoints are " + String.join(", ", known.stream().map(EndpointFacts::describe).toList()),
                        "Use one of them, like --qualifier " + (known.isEmpty() ? "DEFAULT" : known.getFirst().name())
                                + ", or create it: aws bedrock-agentcore-control create-agent-runtime-endpoint --agent-runtime-id "
                                + c.arn().runtimeId() + " --name " + qualifier));
            } else if (exists) {
                EndpointFacts endpoint = known.stream().filter(e -> e.name().equals(qualifier)).findFirst().orElseThrow();
                causes.add(new LikelyCause("Endpoint " + endpoint.describe() + " exists, so the runtime or endpoint "
                        + "may still be being created or updated", "Wait for status READY: aws bedrock-agentcore-control "
                        + "get-agent-runtime-endpoint --agent-runtime-id " + c.arn().runtimeId() + " --endpoint-name " + qualifier));
            }
            return causes;
        }
        boolean defaultEndpoint = qualifier.equals(InvocationTarget.DEFAULT_QUALIFIER);
        if (defaultEndpoint && !(runtime instanceof Lookup.Found<RuntimeFacts>)) {
            // DEFAULT always exists: a 404 on it is about the runtime, not the qualifier.
            causes.add(unknownRuntime(c, "may not exist"));
            return causes;
        }
        if (!versionNumber) {
            causes.add(new LikelyCause("The qualifier '" + qualifier + "' may name no endpoint of " + c.runtimeLabel(),
                    "List the endpoints: aws bedrock-agentcore-control list-agent-runtime-endpoints --region "
                            + c.arn().region() + " --agent-runtime-id " + c.arn().runtimeId()
                            + " (DEFAULT always exists and serves the latest version)"));
        }
        if (!(runtime instanceof Lookup.Found<RuntimeFacts>)) {
            causes.add(unknownRuntime(c, "may not exist"));
        }
        return causes;
    }

    private static LikelyCause unknownRuntime(Case c, String verdict) {
        return new LikelyCause("Runtime " + c.arn().runtimeId() + " " + verdict + " in account " + c.arn().accountId()
                + ", region " + c.arn().region() + " (deleted, recreated under a new id, or another account)",
                "List the runtimes: aws bedrock-agentcore-control list-agent-runtimes --region " + c.arn().region()
                        + "; a redeploy that recreates a runtime changes its id, so re-read .agentcore/state.json");
    }

    private static LikelyCause versionAsQualifier(Case c, List<EndpointFacts> known) {
        String version = c.qualifier();
        String serving = known == null ? "" : String.join(", ", known.stream()
                .filter(e -> version.equals(e.liveVersion())).map(EndpointFacts::name).toList());
        String next = serving.isEmpty()
                ? "Pass an endpoint name (DEFAULT serves the latest version), or create an endpoint for version " + version
                        + ": aws bedrock-agentcore-control create-agent-runtime-endpoint --agent-runtime-id "
                        + c.arn().runtimeId() + " --name v" + version + " --agent-runtime-version " + version
                : "Use --qualifier " + serving.split(", ")[0] + " (endpoints serving version " + version + ": " + serving + ")";
        return new LikelyCause("The qualifier '" + version + "' looks like a version number, but qualifiers name endpoints",
                next);
    }
}
