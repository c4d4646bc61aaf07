package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

import dev.agentcore.client.runtime.InvocationTarget;
import java.util.List;
import java.util.Optional;

/** 404: an unknown runtime, a qualifier that names no endpoint, or a version number used as a qualifier. */
final class NotFoundRules {

    private static final Trigger NOT_FOUND = Trigger.statuses(404);

    private NotFoundRules() {
    }

    private static boolean versionNumber(Case c) {
        return c.qualifier().matches("\\d+");
    }

    /** The runtime's endpoints, when a lookup could list them. */
    private static Optional<List<EndpointFacts>> known(Case c) {
        return c.endpoints().found();
    }

    private static Optional<EndpointFacts> endpoint(Case c) {
        return known(c).flatMap(all -> all.stream().filter(e -> e.name().equals(c.qualifier())).findFirst());
    }

    private static boolean runtimeNotFound(Case c) {
        return !(c.runtime() instanceof Lookup.Found<RuntimeFacts>);
    }

    private static String unknownRuntime(Case c, String verdict) {
        return "Runtime " + c.arn().runtimeId() + " " + verdict + " in account " + c.arn().accountId()
                + ", region " + c.arn().region() + " (deleted, recreated under a new id, or another account)";
    }

    private static String listRuntimes(Case c) {
        return "List the runtimes: aws bedrock-agentcore-control list-agent-runtimes --region " + c.arn().region()
                + "; a redeploy that recreates a runtime changes its id, so re-read .agentcore/state.json";
    }

    /** The MCP session header the transport resends after initialize; AgentCore routes it to one microVM. */
    static final String MCP_SESSION_HEADER = "Mcp-Session-Id";

    static final DiagnosisRule MCP_SESSION_GONE = rule("AC480", "The MCP session ended with its microVM")
            .summary("An MCP session lives in the microVM that answered initialize. AgentCore recycles a microVM after "
                    + "the session's idle timeout (idleRuntimeSessionTimeout, 15 minutes by default) or its maximum "
                    + "lifetime (maxLifetime, 8 hours); the server in the new one does not know the old Mcp-Session-Id "
                    + "and answers 404, which MCP defines as \"start a new session\".")
            .on(Trigger.statuses(404, 424))
            .when(c -> c.context.isMcp() && c.requestHeader(MCP_SESSION_HEADER).isPresent()
                    && (c.status() == 404 || RuntimeRules.containerStatus(c).filter(status -> status == 404).isPresent()))
            .cause(c -> "The MCP session " + c.requestHeader(MCP_SESSION_HEADER).orElseThrow() + " no longer exists: "
                    + "the microVM that held it was recycled (idle longer than the runtime's idleRuntimeSessionTimeout, "
                    + "or older than its maxLifetime), and the server in the new one does not know it")
            .next(c -> "Start a new MCP session: send initialize again without the old Mcp-Session-Id "
                    + "(McpRuntimeClient.connect; each agentcore-invoke mcp command does this itself); a long-lived "
                    + "client should re-initialize on this 404. The timeouts are in "
                    + c.getAgentRuntimeCommand("lifecycleConfiguration"))
            .conclusive()
            .build();

    static final DiagnosisRule LOCAL_NO_ROUTE = rule("AC400", "The local runtime has no such route")
            .summary("A container called with --local answered 404 itself: it does not serve the contract's path.")
            .on(NOT_FOUND)
            .when(c -> c.arn() == null)
            .cause(c -> "The local runtime has no " + c.target().invocationPath() + " route")
            .next("HTTP agents serve POST /invocations on port 8080, MCP servers POST /mcp on port 8000")
            .conclusive()
            .build();

    static final DiagnosisRule RUNTIME_DOES_NOT_EXIST = rule("AC410", "The runtime does not exist")
            .summary("GetAgentRuntime says so: the runtime was deleted, recreated under a new id, or lives in another "
                    + "account or region.")
            .on(NOT_FOUND)
            .when(c -> c.runtime() instanceof Lookup.Missing<RuntimeFacts>)
            .cause(c -> unknownRuntime(c, "does not exist"))
            .next(NotFoundRules::listRuntimes)
            .conclusive()
            .build();

    static final DiagnosisRule VERSION_AS_QUALIFIER = rule("AC420", "A version number used as the qualifier")
            .summary("The qualifier names an endpoint (DEFAULT, dev, ...), not a version; an endpoint points at one version.")
            .on(NOT_FOUND)
            .when(NotFoundRules::versionNumber)
            .cause(c -> "The qualifier '" + c.qualifier() + "' looks like a version number, but qualifiers name endpoints")
            .next(c -> {
                String version = c.qualifier();
                List<String> serving = known(c).orElse(List.of()).stream()
                        .filter(e -> version.equals(e.liveVersion())).map(EndpointFacts::name).toList();
                return serving.isEmpty()
                        ? "Pass an endpoint name (DEFAULT serves the latest version), or create an endpoint for version "
                                + version + ": aws bedrock-agentcore-control create-agent-runtime-endpoint --agent-runtime-id "
                                + c.arn().runtimeId() + " --name v" + version + " --agent-runtime-version " + version
                        : "Use --qualifier " + serving.getFirst() + " (endpoints serving version " + version + ": "
                                + String.join(", ", serving) + ")";
            })
            .build();

    static final DiagnosisRule NO_SUCH_ENDPOINT = rule("AC430", "The qualifier names no endpoint")
            .summary("ListAgentRuntimeEndpoints (or the state file) lists the runtime's endpoints, and the qualifier is none of them.")
            .on(NOT_FOUND)
            .when(c -> known(c).isPresent() && endpoint(c).isEmpty() && !versionNumber(c))
            .cause(c -> "The qualifier '" + c.qualifier() + "' names no endpoint of " + c.runtimeLabel()
                    + "; its endpoints are " + String.join(", ", known(c).orElseThrow().stream().map(EndpointFacts::describe).toList()))
            .next(c -> "Use one of them, like --qualifier " + known(c).orElseThrow().stream().findFirst()
                    .map(EndpointFacts::name).orElse(InvocationTarget.DEFAULT_QUALIFIER)
                    + ", or create it: aws bedrock-agentcore-control create-agent-runtime-endpoint --agent-runtime-id "
                    + c.arn().runtimeId() + " --name " + c.qualifier())
            .conclusive()
            .build();

    static final DiagnosisRule ENDPOINT_NOT_READY = rule("AC440", "The endpoint exists but may not be ready")
            .summary("The endpoint is listed, so a 404 means the runtime or the endpoint is still being created or updated.")
            .on(NOT_FOUND)
            .when(c -> endpoint(c).isPresent())
            .cause(c -> "Endpoint " + endpoint(c).orElseThrow().describe() + " exists, so the runtime or endpoint "
                    + "may still be being created or updated")
            .next(c -> "Wait for status READY: aws bedrock-agentcore-control get-agent-runtime-endpoint --agent-runtime-id "
                    + c.arn().runtimeId() + " --endpoint-name " + c.qualifier())
            .conclusive()
            .build();

    static final DiagnosisRule ENDPOINT_MAY_NOT_EXIST = rule("AC460", "The qualifier may name no endpoint")
            .summary("Without a lookup of the endpoints, a 404 on a named endpoint may be a qualifier that names none. "
                    + "DEFAULT always exists, so a 404 on it is about the runtime instead.")
            .on(NOT_FOUND)
            .when(c -> known(c).isEmpty() && !versionNumber(c)
                    && !(c.qualifier().equals(InvocationTarget.DEFAULT_QUALIFIER) && runtimeNotFound(c)))
            .cause(c -> "The qualifier '" + c.qualifier() + "' may name no endpoint of " + c.runtimeLabel())
            .next(c -> "List the endpoints: aws bedrock-agentcore-control list-agent-runtime-endpoints --region "
                    + c.arn().region() + " --agent-runtime-id " + c.arn().runtimeId()
                    + " (DEFAULT always exists and serves the latest version)")
            .build();

    static final DiagnosisRule RUNTIME_MAY_NOT_EXIST = rule("AC470", "The runtime may not exist")
            .summary("Without a lookup of the runtime, a 404 may be a runtime that was deleted, recreated under a new "
                    + "id, or lives in another account or region.")
            .on(NOT_FOUND)
            .when(c -> known(c).isEmpty() && runtimeNotFound(c))
            .cause(c -> unknownRuntime(c, "may not exist"))
            .next(NotFoundRules::listRuntimes)
            .build();
}
