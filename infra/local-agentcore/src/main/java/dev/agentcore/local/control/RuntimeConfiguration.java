package dev.agentcore.local.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.agentcore.core.runtime.ServerProtocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration of one runtime version, as CreateAgentRuntime or UpdateAgentRuntime set it: every member the
 * control plane stores ({@link #wire()}, returned by GetAgentRuntime exactly as stored) and typed views of the ones
 * the local AgentCore acts on. The views are read from the stored members, so the two never disagree.
 *
 * <p>Immutable: {@link #wire()} is a copy.
 */
public final class RuntimeConfiguration {

    /** AgentCore's defaults when {@code lifecycleConfiguration} leaves them out (15 minutes idle, 8 hours). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(900);
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofSeconds(28_800);

    /** The members of a runtime version, in the order GetAgentRuntime writes them. */
    public static final List<String> MEMBERS = List.of("agentRuntimeArtifact", "roleArn", "networkConfiguration",
            "description", "authorizerConfiguration", "requestHeaderConfiguration", "protocolConfiguration",
            "lifecycleConfiguration", "hooksConfiguration", "metadataConfiguration", "environmentVariables",
            "filesystemConfigurations", "capacityProviderConfiguration", "platformVersion", "allowedPorts",
            "resourceConfigurations");

    private final ObjectNode wire;
    private final String containerUri;
    private final String roleArn;
    private final NetworkMode networkMode;
    private final ServerProtocol serverProtocol;
    private final Optional<CustomJwtAuthorizer> jwtAuthorizer;
    private final List<String> requestHeaderAllowlist;
    private final Duration idleRuntimeSessionTimeout;
    private final Duration maxLifetime;
    private final boolean requiresMmdsV2;
    private final Map<String, String> environmentVariables;
    private final Optional<String> description;

    private RuntimeConfiguration(ObjectNode wire) {
        this.wire = wire;
        this.containerUri = text(wire.path("agentRuntimeArtifact").path("containerConfiguration").path("containerUri"))
                .orElseThrow(() -> new IllegalArgumentException("agentRuntimeArtifact.containerConfiguration.containerUri is missing"));
        this.roleArn = text(wire.path("roleArn")).orElseThrow(() -> new IllegalArgumentException("roleArn is missing"));
        this.networkMode = NetworkMode.valueOf(text(wire.path("networkConfiguration").path("networkMode")).orElse("PUBLIC"));
        this.serverProtocol = text(wire.path("protocolConfiguration").path("serverProtocol"))
                .flatMap(ServerProtocol::parse).orElse(ServerProtocol.HTTP);
        this.jwtAuthorizer = Optional.of(wire.path("authorizerConfiguration").path("customJWTAuthorizer"))
                .filter(JsonNode::isObject).map(RuntimeConfiguration::authorizer);
        this.requestHeaderAllowlist = strings(wire.path("requestHeaderConfiguration").path("requestHeaderAllowlist"));
        JsonNode lifecycle = wire.path("lifecycleConfiguration");
        this.idleRuntimeSessionTimeout = lifecycle.path("idleRuntimeSessionTimeout").isIntegralNumber()
                ? Duration.ofSeconds(lifecycle.path("idleRuntimeSessionTimeout").asLong()) : DEFAULT_IDLE_TIMEOUT;
        this.maxLifetime = lifecycle.path("maxLifetime").isIntegralNumber()
                ? Duration.ofSeconds(lifecycle.path("maxLifetime").asLong()) : DEFAULT_MAX_LIFETIME;
        this.requiresMmdsV2 = wire.path("metadataConfiguration").path("requireMMDSV2").asBoolean(false);
        Map<String, String> env = new LinkedHashMap<>();
        wire.path("environmentVariables").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        this.environmentVariables = java.util.Collections.unmodifiableMap(env);
        this.description = text(wire.path("description"));
    }

    /**
     * The configuration whose stored members are {@code members} (already validated by the control plane's request
     * reader, or read back from the state file). Members not in {@link #MEMBERS} are dropped.
     */
    public static RuntimeConfiguration of(ObjectNode members) {
        ObjectNode copy = members.objectNode();
        for (String name : MEMBERS) {
            JsonNode value = members.get(name);
            if (value != null && !value.isNull()) {
                copy.set(name, value.deepCopy());
            }
        }
        return new RuntimeConfiguration(copy);
    }

    /** The stored members, as GetAgentRuntime returns them (a copy: change it freely). */
    public ObjectNode wire() {
        return wire.deepCopy();
    }

    /** {@code agentRuntimeArtifact.containerConfiguration.containerUri}: the image the runtime runs. */
    public String containerUri() {
        return containerUri;
    }

    /** The execution role. */
    public String roleArn() {
        return roleArn;
    }

    public NetworkMode networkMode() {
        return networkMode;
    }

    /** What the container serves: HTTP ({@code /invocations} on 8080) or MCP ({@code /mcp} on 8000). */
    public ServerProtocol serverProtocol() {
        return serverProtocol;
    }

    /** The bearer-token authorizer; empty for a SigV4 runtime. */
    public Optional<CustomJwtAuthorizer> jwtAuthorizer() {
        return jwtAuthorizer;
    }

    /** Headers the data plane passes on to the container beyond its own. */
    public List<String> requestHeaderAllowlist() {
        return requestHeaderAllowlist;
    }

    public Duration idleRuntimeSessionTimeout() {
        return idleRuntimeSessionTimeout;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** {@code metadataConfiguration.requireMMDSV2}: false when it is absent. */
    public boolean requiresMmdsV2() {
        return requiresMmdsV2;
    }

    /** The container's environment. */
    public Map<String, String> environmentVariables() {
        return environmentVariables;
    }

    public Optional<String> description() {
        return description;
    }

    private static CustomJwtAuthorizer authorizer(JsonNode jwt) {
        List<CustomJwtAuthorizer.CustomClaim> claims = new ArrayList<>();
        for (JsonNode claim : jwt.path("customClaims")) {
            JsonNode match = claim.path("authorizingClaimMatchValue");
            JsonNode value = match.path("claimMatchValue");
            claims.add(new CustomJwtAuthorizer.CustomClaim(
                    claim.path("inboundTokenClaimName").asString(),
                    CustomJwtAuthorizer.ValueType.valueOf(claim.path("inboundTokenClaimValueType").asString()),
                    CustomJwtAuthorizer.Operator.valueOf(match.path("claimMatchOperator").asString()),
                    text(value.path("matchValueString")),
                    strings(value.path("matchValueStringList"))));
        }
        return new CustomJwtAuthorizer(jwt.path("discoveryUrl").asString(), strings(jwt.path("allowedAudience")),
                strings(jwt.path("allowedClients")), strings(jwt.path("allowedScopes")), claims);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> out.add(item.asString()));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuntimeConfiguration c && wire.equals(c.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        // environmentVariables are sensitive in the service model: never in logs.
        return "RuntimeConfiguration[containerUri=" + containerUri + ", roleArn=" + roleArn + ", protocol="
                + serverProtocol + ", jwt=" + jwtAuthorizer.isPresent() + "]";
    }
}
