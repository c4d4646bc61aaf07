package dev.agentcore.infra.stacks;

import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeName;
import dev.agentcore.core.runtime.ServerProtocol;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One runtime of the manifest ({@code runtimes.json}): the agent or MCP server a Maven module builds, and how
 * AgentCore runs it.
 *
 * @param name        the {@code agentRuntimeName}; AgentCore makes the runtime id from it (the name, a hyphen and ten letters or digits), and IAM
 *                    grants on logs and the workload identity are scoped by it
 * @param module      the Maven module that builds the image, relative to the repository root
 * @param protocol    HTTP ({@code /invocations} on 8080) or MCP ({@code /mcp} on 8000)
 * @param auth        SigV4 or a Cognito JWT
 * @param model       the Bedrock model or inference profile id the agent calls, if it calls one
 * @param environment environment variables of the runtime, beyond those the templates set
 * @param endpoints   named endpoints and the version each one serves (DEFAULT is AgentCore's own and not listed)
 */
public record RuntimeSpec(
        RuntimeName name,
        Path module,
        ServerProtocol protocol,
        InboundAuth auth,
        Optional<String> model,
        Map<String, String> environment,
        Map<Qualifier, Integer> endpoints) {

    public RuntimeSpec {
        environment = Map.copyOf(environment);
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints)); // in the manifest's order: dev before prod
    }
}
