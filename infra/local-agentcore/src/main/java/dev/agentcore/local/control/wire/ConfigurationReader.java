package dev.agentcore.local.control.wire;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.agentcore.local.control.RuntimeConfiguration;
import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.RequestJson;
import dev.agentcore.local.http.Violations;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the configuration members of CreateAgentRuntime and UpdateAgentRuntime: checks them against the service
 * model (all violations reported at once, as AWS does), then against the rules the service adds, then fills in the
 * defaults the service reports back.
 */
final class ConfigurationReader {

    /** The stricter role ARN check the service makes after the model's pattern (see {@link #serviceRules}). */
    private static final Pattern SERVICE_ROLE_ARN =
            Pattern.compile("arn:aws(-[^:]+)?:iam::[0-9]{12}:role/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");

    private ConfigurationReader() {
    }

    /** Which operation the members come with: only UpdateAgentRuntime has {@code metadataConfiguration}. */
    enum Operation {
        CREATE, UPDATE
    }

    /**
     * Model checks of the configuration members in {@code body}, adding to {@code violations}; the caller throws
     * after adding its own members' checks.
     */
    static void check(ObjectNode body, Operation operation, Violations v) {
        ObjectNode artifact = RequestJson.object(body, "agentRuntimeArtifact", "agentRuntimeArtifact");
        v.required("agentRuntimeArtifact", artifact);
        if (artifact != null) {
            checkArtifact(artifact, v);
        }
        String role = RequestJson.string(body, "roleArn", "roleArn");
        v.required("roleArn", role);
        v.length("roleArn", role, 1, 2048, false);
        v.pattern("roleArn", role, Shapes.ROLE_ARN, false);

        ObjectNode network = RequestJson.object(body, "networkConfiguration", "networkConfiguration");
        if (network != null) {
            checkNetwork(network, v);
        }
        v.length("description", RequestJson.string(body, "description", "description"), 1, 4096, true);

        ObjectNode authorizer = RequestJson.object(body, "authorizerConfiguration", "authorizerConfiguration");
        if (authorizer != null) {
            union(authorizer, "authorizerConfiguration", List.of("customJWTAuthorizer"), v);
            ObjectNode jwt = RequestJson.object(authorizer, "customJWTAuthorizer", "authorizerConfiguration.customJWTAuthorizer");
            if (jwt != null) {
                checkJwt(jwt, v);
            }
        }
        ObjectNode headers = RequestJson.object(body, "requestHeaderConfiguration", "requestHeaderConfiguration");
        if (headers != null) {
            union(headers, "requestHeaderConfiguration", List.of("requestHeaderAllowlist"), v);
            String path = "requestHeaderConfiguration.requestHeaderAllowlist";
            List<String> allowlist = RequestJson.strings(headers, "requestHeaderAllowlist", path);
            if (allowlist != null) {
                v.size(path, allowlist, allowlist.size(), 1, 20, false);
                for (String name : allowlist) {
                    v.length(path + ".member", name, 1, 256, false);
                    v.pattern(path + ".member", name, Shapes.HEADER_NAME, false);
                }
            }
        }
        ObjectNode protocol = RequestJson.object(body, "protocolConfiguration", "protocolConfiguration");
        if (protocol != null) {
            String serverProtocol = RequestJson.string(protocol, "serverProtocol", "protocolConfiguration.serverProtocol");
            v.required("protocolConfiguration.serverProtocol", serverProtocol);
            v.oneOf("protocolConfiguration.serverProtocol", serverProtocol, Shapes.SERVER_PROTOCOLS);
            v.range("protocolConfiguration.port", RequestJson.integer(protocol, "port", "protocolConfiguration.port"), 8000, 12000);
            String serverPath = RequestJson.string(protocol, "path", "protocolConfiguration.path");
            v.length("protocolConfiguration.path", serverPath, 1, 2048, false);
            v.pattern("protocolConfiguration.path", serverPath, Shapes.SERVER_PATH, false);
        }
        ObjectNode lifecycle = RequestJson.object(body, "lifecycleConfiguration", "lifecycleConfiguration");
        if (lifecycle != null) {
            for (String member : List.of("idleRuntimeSessionTimeout", "maxLifetime")) {
                String path = "lifecycleConfiguration." + member;
                v.range(path, RequestJson.integer(lifecycle, member, path), Shapes.LIFETIME_MIN, Shapes.LIFETIME_MAX);
            }
        }
        if (operation == Operation.UPDATE) {
            ObjectNode metadata = RequestJson.object(body, "metadataConfiguration", "metadataConfiguration");
            if (metadata != null) {
                v.required("metadataConfiguration.requireMMDSV2",
                        RequestJson.bool(metadata, "requireMMDSV2", "metadataConfiguration.requireMMDSV2"));
            }
        }
        Map<String, String> env = RequestJson.stringMap(body, "environmentVariables", "environmentVariables");
        if (env != null) {
            // Sensitive in the model: named, never shown.
            v.size("environmentVariables", env, env.size(), 0, 50, true);
            env.forEach((key, value) -> {
                v.length("environmentVariables.key", key, 1, 100, true);
                v.length("environmentVariables.value", value, 0, 5000, true);
            });
        }
        String platformVersion = RequestJson.string(body, "platformVersion", "platformVersion");
        v.length("platformVersion", platformVersion, 1, 128, false);
        v.pattern("platformVersion", platformVersion, Shapes.PLATFORM_VERSION, false);
    }

    /**
     * What the service refuses beyond the model, and what the local AgentCore cannot serve. Called once the model
     * checks passed.
     */
    static void serviceRules(ObjectNode body) {
        String role = body.path("roleArn").asString();
        if (!SERVICE_ROLE_ARN.matcher(role).matches()) {
            // AWS's answer to a role ARN that passes the model's pattern but not the service's own check (no account
            // id, a role name over 64 characters): 403 AccessDeniedException with this text, quoted whole in
            // aws/bedrock-agentcore-starter-toolkit#337, its odd last pattern included.
            throw AwsError.of(403, "AccessDeniedException", "The IAM role ARN format is invalid. Please provide a role"
                    + " with valid ARN.:. Try providing one of the valid formats:"
                    + " [^arn:aws(-[^:]+)?:iam::[0-9]{12}:role/(service-role/)?{1,64}$]").exception();
        }
        if (body.path("agentRuntimeArtifact").has("codeConfiguration")) {
            throw notServed("agentRuntimeArtifact.codeConfiguration (code from S3 on a managed runtime) is not served by"
                    + " the local AgentCore: it runs container images only. Use containerConfiguration with the"
                    + " image's ECR URI.");
        }
        String protocol = body.path("protocolConfiguration").path("serverProtocol").asString("HTTP");
        if (!protocol.equals("HTTP") && !protocol.equals("MCP")) {
            throw notServed("protocolConfiguration.serverProtocol " + protocol + " is not served by the local"
                    + " AgentCore: it runs HTTP and MCP runtimes only. " + protocol
                    + " runtimes need AWS AgentCore Runtime.");
        }
        checkHeaderAllowlist(body);
    }

    /** The stored members, with the defaults the service reports for what the request left out. */
    static RuntimeConfiguration configuration(ObjectNode body, Operation operation) {
        ObjectNode members = body.deepCopy();
        if (operation == Operation.CREATE) {
            members.remove("metadataConfiguration"); // not a CreateAgentRuntime member: ignored, as unknown members are
        }
        // Assumed from the service's documented defaults: PUBLIC network, HTTP protocol, 900 s idle, 28800 s lifetime.
        if (!members.has("networkConfiguration")) {
            members.putObject("networkConfiguration").put("networkMode", "PUBLIC");
        }
        if (!members.has("protocolConfiguration")) {
            members.putObject("protocolConfiguration").put("serverProtocol", "HTTP");
        }
        ObjectNode lifecycle = members.has("lifecycleConfiguration")
                ? (ObjectNode) members.get("lifecycleConfiguration") : members.putObject("lifecycleConfiguration");
        if (!lifecycle.has("idleRuntimeSessionTimeout")) {
            lifecycle.put("idleRuntimeSessionTimeout", RuntimeConfiguration.DEFAULT_IDLE_TIMEOUT.toSeconds());
        }
        if (!lifecycle.has("maxLifetime")) {
            lifecycle.put("maxLifetime", RuntimeConfiguration.DEFAULT_MAX_LIFETIME.toSeconds());
        }
        return RuntimeConfiguration.of(members);
    }

    /** A union of the model: exactly one of {@code members} set. Local wording. */
    private static void union(ObjectNode node, String path, List<String> members, Violations v) {
        long set = members.stream().filter(m -> node.hasNonNull(m)).count();
        if (set != 1) {
            v.add(path, null, true, "Member must have exactly one of " + String.join(", ", members) + " set");
        }
    }

    private static void checkArtifact(ObjectNode artifact, Violations v) {
        ObjectNode container = RequestJson.object(artifact, "containerConfiguration", "agentRuntimeArtifact.containerConfiguration");
        ObjectNode code = RequestJson.object(artifact, "codeConfiguration", "agentRuntimeArtifact.codeConfiguration");
        if ((container == null) == (code == null)) {
            // A union: exactly one member. Local wording.
            v.add("agentRuntimeArtifact", null, true,
                    "Member must have exactly one of containerConfiguration, codeConfiguration set");
            return;
        }
        if (container != null) {
            String path = "agentRuntimeArtifact.containerConfiguration.containerUri";
            String uri = RequestJson.string(container, "containerUri", path);
            v.required(path, uri);
            v.length(path, uri, 1, 1024, false);
            v.pattern(path, uri, Shapes.CONTAINER_URI, false);
        } else {
            String path = "agentRuntimeArtifact.codeConfiguration";
            v.required(path + ".code", RequestJson.object(code, "code", path + ".code"));
            String runtime = RequestJson.string(code, "runtime", path + ".runtime");
            v.required(path + ".runtime", runtime);
            v.oneOf(path + ".runtime", runtime, Shapes.MANAGED_RUNTIMES);
            List<String> entryPoint = RequestJson.strings(code, "entryPoint", path + ".entryPoint");
            v.required(path + ".entryPoint", entryPoint);
            if (entryPoint != null) {
                v.size(path + ".entryPoint", entryPoint, entryPoint.size(), 1, 2, false);
            }
        }
    }

    private static void checkNetwork(ObjectNode network, Violations v) {
        String mode = RequestJson.string(network, "networkMode", "networkConfiguration.networkMode");
        v.required("networkConfiguration.networkMode", mode);
        v.oneOf("networkConfiguration.networkMode", mode, Shapes.NETWORK_MODES);
        ObjectNode vpc = RequestJson.object(network, "networkModeConfig", "networkConfiguration.networkModeConfig");
        if (vpc == null) {
            return;
        }
        String base = "networkConfiguration.networkModeConfig.";
        for (var member : List.of(List.of("securityGroups", Shapes.SECURITY_GROUP), List.of("subnets", Shapes.SUBNET))) {
            String path = base + member.get(0);
            List<String> ids = RequestJson.strings(vpc, member.get(0), path);
            v.required(path, ids);
            if (ids != null) {
                v.size(path, ids, ids.size(), 1, 16, false);
                ids.forEach(id -> v.pattern(path + ".member", id, member.get(1), false));
            }
        }
        RequestJson.bool(vpc, "requireServiceS3Endpoint", base + "requireServiceS3Endpoint");
    }

    private static void checkJwt(ObjectNode jwt, Violations v) {
        String base = "authorizerConfiguration.customJWTAuthorizer.";
        String discovery = RequestJson.string(jwt, "discoveryUrl", base + "discoveryUrl");
        v.required(base + "discoveryUrl", discovery);
        v.pattern(base + "discoveryUrl", discovery, Shapes.DISCOVERY_URL, false);
        for (String member : List.of("allowedAudience", "allowedClients", "allowedScopes")) {
            List<String> values = RequestJson.strings(jwt, member, base + member);
            if (values != null) {
                v.size(base + member, values, values.size(), 1, Integer.MAX_VALUE, false);
                if (member.equals("allowedScopes")) {
                    values.forEach(s -> {
                        v.length(base + member + ".member", s, 1, 255, false);
                        v.pattern(base + member + ".member", s, Shapes.SCOPE, false);
                    });
                }
            }
        }
        List<ObjectNode> claims = RequestJson.objects(jwt, "customClaims", base + "customClaims");
        if (claims == null) {
            return;
        }
        v.size(base + "customClaims", claims, claims.size(), 1, Integer.MAX_VALUE, false);
        for (ObjectNode claim : claims) {
            String path = base + "customClaims.member.";
            String name = RequestJson.string(claim, "inboundTokenClaimName", path + "inboundTokenClaimName");
            v.required(path + "inboundTokenClaimName", name);
            v.length(path + "inboundTokenClaimName", name, 1, 255, false);
            v.pattern(path + "inboundTokenClaimName", name, Shapes.CLAIM_NAME, false);
            String type = RequestJson.string(claim, "inboundTokenClaimValueType", path + "inboundTokenClaimValueType");
            v.required(path + "inboundTokenClaimValueType", type);
            v.oneOf(path + "inboundTokenClaimValueType", type, Shapes.CLAIM_VALUE_TYPES);
            ObjectNode match = RequestJson.object(claim, "authorizingClaimMatchValue", path + "authorizingClaimMatchValue");
            v.required(path + "authorizingClaimMatchValue", match);
            if (match == null) {
                continue;
            }
            String mpath = path + "authorizingClaimMatchValue.";
            String operator = RequestJson.string(match, "claimMatchOperator", mpath + "claimMatchOperator");
            v.required(mpath + "claimMatchOperator", operator);
            v.oneOf(mpath + "claimMatchOperator", operator, Shapes.CLAIM_OPERATORS);
            ObjectNode value = RequestJson.object(match, "claimMatchValue", mpath + "claimMatchValue");
            v.required(mpath + "claimMatchValue", value);
            if (value == null) {
                continue;
            }
            String single = RequestJson.string(value, "matchValueString", mpath + "claimMatchValue.matchValueString");
            List<String> list = RequestJson.strings(value, "matchValueStringList", mpath + "claimMatchValue.matchValueStringList");
            if ((single == null) == (list == null)) {
                v.add(mpath + "claimMatchValue", null, true,
                        "Member must have exactly one of matchValueString, matchValueStringList set");
            }
            v.length(mpath + "claimMatchValue.matchValueString", single, 1, 255, false);
            v.pattern(mpath + "claimMatchValue.matchValueString", single, Shapes.MATCH_VALUE, false);
            if (list != null) {
                v.size(mpath + "claimMatchValue.matchValueStringList", list, list.size(), 1, Integer.MAX_VALUE, false);
                list.forEach(s -> v.pattern(mpath + "claimMatchValue.matchValueStringList.member", s, Shapes.MATCH_VALUE, false));
            }
        }
    }

    /**
     * The header allowlist's rules from AgentCore's developer guide (runtime-header-allowlist): no {@code X-Amz-*},
     * no {@code X-Amzn-*} but the {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-} prefix, {@code Authorization}
     * only with a JWT authorizer, names case-insensitive and unique. Local wording: the service's texts are not
     * recorded.
     */
    private static void checkHeaderAllowlist(ObjectNode body) {
        var allowlist = body.path("requestHeaderConfiguration").path("requestHeaderAllowlist");
        Set<String> seen = new HashSet<>();
        for (var item : allowlist) {
            String name = item.asString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!seen.add(lower)) {
                throw headerRefused("'" + name + "' is listed twice (header names are case-insensitive)");
            }
            if (lower.startsWith("x-amz-")) {
                throw headerRefused("'" + name + "' is reserved: X-Amz-* headers cannot be passed to the runtime");
            }
            if (lower.startsWith("x-amzn-") && !lower.startsWith("x-amzn-bedrock-agentcore-runtime-custom-")) {
                throw headerRefused("'" + name + "' is reserved: of the X-Amzn-* headers only"
                        + " X-Amzn-Bedrock-AgentCore-Runtime-Custom-* can be passed to the runtime");
            }
            if (lower.equals("authorization") && !body.path("authorizerConfiguration").has("customJWTAuthorizer")) {
                throw headerRefused("'Authorization' can be passed to the runtime only when it has a"
                        + " customJWTAuthorizer (a SigV4 runtime's Authorization header is the caller's signature)");
            }
        }
    }

    private static RuntimeException headerRefused(String why) {
        return AwsError.of(400, "ValidationException", "Invalid requestHeaderConfiguration.requestHeaderAllowlist: " + why)
                .with("reason", "FieldValidationFailed").exception();
    }

    private static RuntimeException notServed(String message) {
        return AwsError.of(400, "ValidationException", message).with("reason", "FieldValidationFailed").exception();
    }
}
