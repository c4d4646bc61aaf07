package dev.agentcore.local.control.wire;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeId;
import dev.agentcore.core.runtime.RuntimeName;
import dev.agentcore.local.auth.SigV4Authenticator;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.ControlPlaneException;
import dev.agentcore.local.control.RuntimeConfiguration;
import dev.agentcore.local.control.RuntimeEndpoint;
import dev.agentcore.local.control.RuntimeRegistry;
import dev.agentcore.local.control.RuntimeVersion;
import dev.agentcore.local.control.wire.ConfigurationReader.Operation;
import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.Handler;
import dev.agentcore.local.http.Request;
import dev.agentcore.local.http.RequestJson;
import dev.agentcore.local.http.Response;
import dev.agentcore.local.http.Router;
import dev.agentcore.local.http.Violations;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code bedrock-agentcore-control} runtime operations over restJson1, as the service model defines them:
 * methods, URIs (trailing slashes included), success codes, member names and errors. Every route requires a SigV4
 * signature for {@code bedrock-agentcore}.
 */
public final class ControlPlaneService {

    private final RuntimeRegistry registry;
    private final SigV4Authenticator sigV4;
    private final IdempotencyCache idempotency = new IdempotencyCache();

    public ControlPlaneService(RuntimeRegistry registry, SigV4Authenticator sigV4) {
        this.registry = registry;
        this.sigV4 = sigV4;
    }

    /** Adds the eleven runtime operations to {@code router}. */
    public void register(Router router) {
        route(router, "PUT", "/runtimes/", "CreateAgentRuntime", this::createRuntime);
        route(router, "POST", "/runtimes/", "ListAgentRuntimes", this::listRuntimes);
        route(router, "GET", "/runtimes/{agentRuntimeId}/", "GetAgentRuntime", this::getRuntime);
        route(router, "PUT", "/runtimes/{agentRuntimeId}/", "UpdateAgentRuntime", this::updateRuntime);
        route(router, "DELETE", "/runtimes/{agentRuntimeId}/", "DeleteAgentRuntime", this::deleteRuntime);
        route(router, "POST", "/runtimes/{agentRuntimeId}/versions/", "ListAgentRuntimeVersions", this::listVersions);
        route(router, "PUT", "/runtimes/{agentRuntimeId}/runtime-endpoints/", "CreateAgentRuntimeEndpoint",
                this::createEndpoint);
        route(router, "POST", "/runtimes/{agentRuntimeId}/runtime-endpoints/", "ListAgentRuntimeEndpoints",
                this::listEndpoints);
        route(router, "GET", "/runtimes/{agentRuntimeId}/runtime-endpoints/{endpointName}/", "GetAgentRuntimeEndpoint",
                this::getEndpoint);
        route(router, "PUT", "/runtimes/{agentRuntimeId}/runtime-endpoints/{endpointName}/", "UpdateAgentRuntimeEndpoint",
                this::updateEndpoint);
        route(router, "DELETE", "/runtimes/{agentRuntimeId}/runtime-endpoints/{endpointName}/",
                "DeleteAgentRuntimeEndpoint", this::deleteEndpoint);
    }

    private void route(Router router, String method, String path, String operation, Handler handler) {
        router.add(method, path, operation, sigV4.require(request -> {
            try {
                return handler.handle(request);
            } catch (ControlPlaneException e) {
                return Response.error(error(e));
            }
        }));
    }

    // ---------------------------------------------------------------- runtimes

    private Response createRuntime(Request request) throws IOException {
        ObjectNode body = RequestJson.body(request);
        Violations v = new Violations();
        String name = RequestJson.string(body, "agentRuntimeName", "agentRuntimeName");
        v.required("agentRuntimeName", name);
        v.pattern("agentRuntimeName", name, Shapes.RUNTIME_NAME, false);
        ConfigurationReader.check(body, Operation.CREATE, v);
        String token = clientToken(body, v);
        Map<String, String> tags = tags(body, v);
        v.throwIfAny();
        return idempotent("CreateAgentRuntime", token, request, body, () -> {
            ConfigurationReader.serviceRules(body);
            RuntimeConfiguration configuration = ConfigurationReader.configuration(body, Operation.CREATE);
            return Answers.created(registry.create(RuntimeName.of(name), configuration, tags == null ? Map.of() : tags));
        });
    }

    private Response getRuntime(Request request) {
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        OptionalInt version = version(request.query("version").orElse(null), "agentRuntimeVersion", v);
        v.throwIfAny();
        AgentRuntime runtime = registry.get(id);
        RuntimeVersion described = version.isPresent() ? registry.version(id, version.getAsInt()) : runtime.latest();
        return Response.json(200, Answers.described(runtime, described));
    }

    private Response updateRuntime(Request request) throws IOException {
        ObjectNode body = RequestJson.body(request);
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        ConfigurationReader.check(body, Operation.UPDATE, v);
        String token = clientToken(body, v);
        v.throwIfAny();
        return idempotent("UpdateAgentRuntime", token, request, body, () -> {
            ConfigurationReader.serviceRules(body);
            RuntimeConfiguration configuration = ConfigurationReader.configuration(body, Operation.UPDATE);
            return Answers.updated(registry.update(id, configuration));
        });
    }

    private Response deleteRuntime(Request request) {
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        OptionalInt version = version(request.query("version").orElse(null), "agentRuntimeVersion", v);
        checkClientToken(request.query("clientToken").orElse(null), v);
        v.throwIfAny();
        if (version.isPresent()) {
            RuntimeVersion deleted = registry.deleteVersion(id, version.getAsInt());
            return Response.json(202, Answers.deleted(registry.get(id), deleted, true));
        }
        AgentRuntime deleting = registry.delete(id);
        return Response.json(202, Answers.deleted(deleting, deleting.latest(), false));
    }

    private Response listRuntimes(Request request) {
        Violations v = new Violations();
        Integer max = maxResults(request, v);
        String token = nextToken(request, v);
        v.throwIfAny();
        var page = Paging.page(registry.runtimes(), r -> r.id().value(), max, token);
        ObjectNode out = Response.JSON.createObjectNode();
        ArrayNode items = out.putArray("agentRuntimes");
        page.items().forEach(r -> items.add(Answers.summary(r, r.latest())));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return Response.json(200, out);
    }

    private Response listVersions(Request request) {
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        Integer max = maxResults(request, v);
        String token = nextToken(request, v);
        v.throwIfAny();
        AgentRuntime runtime = registry.get(id);
        var page = Paging.page(runtime.versions(), version -> Paging.versionKey(version.number()), max, token);
        ObjectNode out = Response.JSON.createObjectNode();
        ArrayNode items = out.putArray("agentRuntimes");
        page.items().forEach(version -> items.add(Answers.summary(runtime, version)));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return Response.json(200, out);
    }

    // ---------------------------------------------------------------- endpoints

    private Response createEndpoint(Request request) throws IOException {
        ObjectNode body = RequestJson.body(request);
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        String name = RequestJson.string(body, "name", "name");
        v.required("name", name);
        v.pattern("name", name, Shapes.ENDPOINT_NAME, true);
        OptionalInt version = version(RequestJson.string(body, "agentRuntimeVersion", "agentRuntimeVersion"),
                "agentRuntimeVersion", v);
        String description = RequestJson.string(body, "description", "description");
        v.length("description", description, 1, 256, false);
        String token = clientToken(body, v);
        tags(body, v);
        v.throwIfAny();
        return idempotent("CreateAgentRuntimeEndpoint", token, request, body, () -> {
            RuntimeEndpoint endpoint = registry.createEndpoint(id, new Qualifier(name), version,
                    Optional.ofNullable(description));
            return Answers.endpointCreated(registry.get(id), endpoint);
        });
    }

    private Response getEndpoint(Request request) {
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        Qualifier name = endpointName(request, v);
        v.throwIfAny();
        RuntimeEndpoint endpoint = registry.endpoint(id, name);
        return Response.json(200, Answers.endpointDescribed(registry.get(id), endpoint, true));
    }

    private Response updateEndpoint(Request request) throws IOException {
        ObjectNode body = RequestJson.body(request);
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        Qualifier name = endpointName(request, v);
        OptionalInt version = version(RequestJson.string(body, "agentRuntimeVersion", "agentRuntimeVersion"),
                "agentRuntimeVersion", v);
        String description = RequestJson.string(body, "description", "description");
        v.length("description", description, 1, 256, false);
        String token = clientToken(body, v);
        v.throwIfAny();
        return idempotent("UpdateAgentRuntimeEndpoint", token, request, body, () -> {
            RuntimeEndpoint endpoint = registry.updateEndpoint(id, name, version, Optional.ofNullable(description));
            return Answers.endpointUpdated(registry.get(id), endpoint);
        });
    }

    private Response deleteEndpoint(Request request) {
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        Qualifier name = endpointName(request, v);
        checkClientToken(request.query("clientToken").orElse(null), v);
        v.throwIfAny();
        RuntimeEndpoint deleting = registry.deleteEndpoint(id, name);
        return Response.json(202, Answers.endpointDeleted(registry.get(id), deleting));
    }

    private Response listEndpoints(Request request) {
        Violations v = new Violations();
        RuntimeId id = runtimeId(request, v);
        Integer max = maxResults(request, v);
        String token = nextToken(request, v);
        v.throwIfAny();
        // The model lists no ResourceNotFoundException for this operation: an unknown runtime has no endpoints.
        Optional<AgentRuntime> runtime = registry.find(id);
        List<RuntimeEndpoint> endpoints = runtime.map(r -> registry.endpoints(id)).orElse(List.of());
        var page = Paging.page(endpoints, RuntimeEndpoint::name, max, token);
        ObjectNode out = Response.JSON.createObjectNode();
        ArrayNode items = out.putArray("runtimeEndpoints");
        page.items().forEach(e -> items.add(Answers.endpointDescribed(runtime.orElseThrow(), e, false)));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return Response.json(200, out);
    }

    // ---------------------------------------------------------------- members

    private interface Mutation {
        ObjectNode run();
    }

    /** Runs {@code operation} once per client token; a retry with the same token and request gets the same answer. */
    private Response idempotent(String operation, String token, Request request, ObjectNode body, Mutation run) {
        ObjectNode fingerprint = body.deepCopy();
        fingerprint.remove("clientToken");
        fingerprint.put("@path", request.rawPath());
        var earlier = idempotency.replay(operation, token, fingerprint);
        if (earlier.isPresent()) {
            return Response.json(earlier.get().status(), earlier.get().answer());
        }
        ObjectNode answer = run.run();
        idempotency.remember(operation, token, fingerprint, 202, answer);
        return Response.json(202, answer);
    }

    private static RuntimeId runtimeId(Request request, Violations v) {
        String id = request.pathLabel("agentRuntimeId");
        v.pattern("agentRuntimeId", id, Shapes.RUNTIME_ID, false);
        return RuntimeId.looksLike(id) ? RuntimeId.of(id) : null;
    }

    private static Qualifier endpointName(Request request, Violations v) {
        String name = request.pathLabel("endpointName");
        v.pattern("endpointName", name, Shapes.ENDPOINT_NAME, true);
        return Qualifier.isValid(name) ? new Qualifier(name) : null;
    }

    private static OptionalInt version(String text, String path, Violations v) {
        if (text == null) {
            return OptionalInt.empty();
        }
        v.length(path, text, 1, 5, false);
        v.pattern(path, text, Shapes.VERSION, false);
        return text.matches(Shapes.VERSION) ? OptionalInt.of(Integer.parseInt(text)) : OptionalInt.empty();
    }

    private static String clientToken(ObjectNode body, Violations v) {
        String token = RequestJson.string(body, "clientToken", "clientToken");
        checkClientToken(token, v);
        return token;
    }

    private static void checkClientToken(String token, Violations v) {
        v.length("clientToken", token, 33, 256, false);
        v.pattern("clientToken", token, Shapes.CLIENT_TOKEN, false);
    }

    private static Map<String, String> tags(ObjectNode body, Violations v) {
        Map<String, String> tags = RequestJson.stringMap(body, "tags", "tags");
        if (tags != null) {
            v.size("tags", tags, tags.size(), 0, 50, false);
            tags.forEach((key, value) -> {
                v.length("tags.key", key, 1, 128, false);
                v.pattern("tags.key", key, Shapes.TAG_KEY, false);
                v.length("tags.value", value, 0, 256, false);
                v.pattern("tags.value", value, Shapes.TAG_VALUE, false);
            });
        }
        return tags;
    }

    private static Integer maxResults(Request request, Violations v) {
        Optional<String> text = request.query("maxResults");
        if (text.isEmpty()) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw RequestJson.serialization("'maxResults' must be an integer");
        }
        v.range("maxResults", value, 1, 100);
        return (int) Math.max(1, Math.min(100, value));
    }

    private static String nextToken(Request request, Violations v) {
        String token = request.query("nextToken").orElse(null);
        v.length("nextToken", token, 1, 2048, false);
        v.pattern("nextToken", token, Shapes.NEXT_TOKEN, false);
        return token;
    }

    private static AwsError error(ControlPlaneException e) {
        return switch (e.kind()) {
            case VALIDATION -> AwsError.of(400, "ValidationException", e.getMessage()).with("reason", "FieldValidationFailed");
            case CONFLICT -> AwsError.of(409, "ConflictException", e.getMessage());
            case NOT_FOUND -> AwsError.of(404, "ResourceNotFoundException", e.getMessage());
        };
    }
}
