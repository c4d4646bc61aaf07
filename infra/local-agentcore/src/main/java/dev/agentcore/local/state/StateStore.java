package dev.agentcore.local.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeName;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.ResourceStatus;
import dev.agentcore.local.control.RuntimeConfiguration;
import dev.agentcore.local.control.RuntimeEndpoint;
import dev.agentcore.local.control.RuntimeVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control plane's state in one JSON file ({@code control-plane.json} in the state directory), rewritten whole
 * and atomically after every change, read back on start, so runtimes survive a restart with their ids and ARNs.
 */
public final class StateStore {

    public static final String FILE_NAME = "control-plane.json";
    private static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public StateStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The runtimes saved last, none when there is no file yet. */
    public List<AgentRuntime> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root.path("format").asInt() != FORMAT) {
                throw new UnreadableStateException(file, "format " + root.path("format") + " is not " + FORMAT);
            }
            List<AgentRuntime> runtimes = new ArrayList<>();
            for (JsonNode r : root.path("runtimes")) {
                runtimes.add(runtime(r));
            }
            return runtimes;
        } catch (UnreadableStateException e) {
            throw e;
        } catch (JacksonException e) {
            throw new UnreadableStateException(file, e.getOriginalMessage());
        } catch (RuntimeException e) {
            // A member missing or of the wrong type (an edited file): say which file, not where in this class.
            throw new UnreadableStateException(file, e.toString());
        }
    }

    /** Writes {@code runtimes} (a temporary file, then an atomic rename). */
    public void save(Collection<AgentRuntime> runtimes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("runtimes");
        runtimes.forEach(r -> list.add(json(r)));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode json(AgentRuntime r) {
        ObjectNode out = JSON.createObjectNode();
        out.put("arn", r.arn().toString());
        out.put("name", r.name().value());
        out.put("createdAt", r.createdAt().toString());
        out.put("lastUpdatedAt", r.lastUpdatedAt().toString());
        out.put("deleting", r.deleting());
        ObjectNode tags = out.putObject("tags");
        r.tags().forEach(tags::put);
        ArrayNode versions = out.putArray("versions");
        for (RuntimeVersion v : r.versions()) {
            ObjectNode version = versions.addObject();
            version.put("number", v.number());
            version.put("createdAt", v.createdAt().toString());
            version.put("status", v.status().name());
            v.failureReason().ifPresent(reason -> version.put("failureReason", reason));
            version.set("configuration", v.configuration().wire());
        }
        ArrayNode endpoints = out.putArray("endpoints");
        for (RuntimeEndpoint e : r.endpoints()) {
            ObjectNode endpoint = endpoints.addObject();
            endpoint.put("name", e.name());
            endpoint.put("id", e.id());
            e.liveVersion().ifPresent(v -> endpoint.put("liveVersion", v));
            endpoint.put("targetVersion", e.targetVersion());
            endpoint.put("status", e.status().name());
            e.failureReason().ifPresent(reason -> endpoint.put("failureReason", reason));
            e.description().ifPresent(d -> endpoint.put("description", d));
            endpoint.put("createdAt", e.createdAt().toString());
            endpoint.put("lastUpdatedAt", e.lastUpdatedAt().toString());
        }
        return out;
    }

    private static AgentRuntime runtime(JsonNode r) {
        RuntimeArn arn = RuntimeArn.parse(r.path("arn").asString());
        List<RuntimeVersion> versions = new ArrayList<>();
        for (JsonNode v : r.path("versions")) {
            versions.add(new RuntimeVersion(v.path("number").asInt(),
                    RuntimeConfiguration.of((ObjectNode) v.path("configuration")),
                    Instant.parse(v.path("createdAt").asString()), ResourceStatus.valueOf(v.path("status").asString()),
                    optional(v, "failureReason")));
        }
        List<RuntimeEndpoint> endpoints = new ArrayList<>();
        for (JsonNode e : r.path("endpoints")) {
            endpoints.add(new RuntimeEndpoint(arn.endpoint(new Qualifier(e.path("name").asString())),
                    e.path("id").asString(),
                    e.has("liveVersion") ? OptionalInt.of(e.path("liveVersion").asInt()) : OptionalInt.empty(),
                    e.path("targetVersion").asInt(), ResourceStatus.valueOf(e.path("status").asString()),
                    optional(e, "failureReason"), optional(e, "description"),
                    Instant.parse(e.path("createdAt").asString()), Instant.parse(e.path("lastUpdatedAt").asString())));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        r.path("tags").properties().forEach(t -> tags.put(t.getKey(), t.getValue().asString()));
        return new AgentRuntime(arn, RuntimeName.of(r.path("name").asString()),
                Instant.parse(r.path("createdAt").asString()), Instant.parse(r.path("lastUpdatedAt").asString()),
                versions, endpoints, tags, r.path("deleting").asBoolean());
    }

    private static Optional<String> optional(JsonNode node, String member) {
        return node.has(member) ? Optional.of(node.path(member).asString()) : Optional.empty();
    }

    /** The state file cannot be read back: which file, and why. */
    public static final class UnreadableStateException extends RuntimeException {

        public UnreadableStateException(Path file, String problem) {
            super("state file " + file + " cannot be read: " + problem
                    + " (move it away to start with no runtimes)");
        }
    }
}
