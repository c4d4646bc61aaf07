package dev.agentcore.infra.stacks;

import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeName;
import dev.agentcore.core.runtime.ServerProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The runtimes this blueprint deploys ({@code runtimes.json} at the repository root): the one place runtime names
 * are written. Reading it checks every entry and lists every problem with its field.
 */
public record RuntimeManifest(Path file, List<RuntimeSpec> runtimes) {

    public static final Path DEFAULT_LOCATION = Path.of("runtimes.json");

    private static final Set<String> FIELDS =
            Set.of("name", "module", "protocol", "auth", "model", "environment", "endpoints");
    private static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";

    public RuntimeManifest {
        runtimes = List.copyOf(runtimes);
    }

    /** Reads {@code file}; module paths are checked against the file's directory (the repository root). */
    public static RuntimeManifest read(Path file) {
        JsonNode root = JsonFiles.readJson(file);
        Path base = file.toAbsolutePath().getParent();
        List<Problem> problems = new ArrayList<>();
        List<RuntimeSpec> runtimes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode entries = root.path("runtimes");
        if (!entries.isArray() || entries.isEmpty()) {
            problems.add(new Problem(file, "runtimes", "expected a non-empty list of runtimes"));
        }
        for (int i = 0; i < entries.size(); i++) {
            String where = "runtimes[" + i + "]";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                problems.add(new Problem(file, where, "expected an object"));
                continue;
            }
            for (String field : entry.propertyNames()) {
                if (!FIELDS.contains(field)) {
                    problems.add(new Problem(file, where + "." + field, "unknown field; expected one of " + FIELDS.stream().sorted().toList()));
                }
            }
            int before = problems.size();
            String name = entry.path("name").asString("");
            String nameProblem = RuntimeName.problem(name);
            if (nameProblem != null) {
                problems.add(new Problem(file, where + ".name", nameProblem));
            } else if (!names.add(name)) {
                problems.add(new Problem(file, where + ".name", "'" + name + "' appears twice"));
            }
            String module = entry.path("module").asString("");
            Path modulePath = base.resolve(module).normalize();
            if (module.isEmpty() || !modulePath.startsWith(base) || !Files.isRegularFile(modulePath.resolve("pom.xml"))) {
                problems.add(new Problem(file, where + ".module",
                        "'" + module + "' is not a Maven module of this repository (no pom.xml there)"));
            }
            Optional<ServerProtocol> protocol = ServerProtocol.parse(entry.path("protocol").asString(null));
            if (protocol.isEmpty() || !(protocol.get() == ServerProtocol.HTTP || protocol.get() == ServerProtocol.MCP)) {
                problems.add(new Problem(file, where + ".protocol",
                        "'" + entry.path("protocol").asString("") + "': expected HTTP or MCP (the protocols this blueprint builds)"));
            }
            Optional<InboundAuth> auth = InboundAuth.parse(entry.path("auth").asString(null));
            if (auth.isEmpty()) {
                problems.add(new Problem(file, where + ".auth",
                        "'" + entry.path("auth").asString("") + "': expected SIGV4 or JWT"));
            }
            Optional<String> model = Optional.empty();
            JsonNode modelNode = entry.path("model");
            if (!modelNode.isMissingNode()) {
                if (!modelNode.isString() || modelNode.asString().isBlank()) {
                    problems.add(new Problem(file, where + ".model", "expected a model or inference profile id"));
                } else {
                    model = Optional.of(modelNode.asString());
                }
            }
            Map<String, String> environment = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> variable : entry.path("environment").properties()) {
                String at = where + ".environment." + variable.getKey();
                if (!variable.getKey().matches(ENV_NAME)) {
                    problems.add(new Problem(file, at, "not an environment variable name (" + ENV_NAME + ")"));
                } else if (!variable.getValue().isValueNode() || variable.getValue().isNull()) {
                    problems.add(new Problem(file, at, "expected a string"));
                } else {
                    environment.put(variable.getKey(), variable.getValue().asString());
                }
            }
            Map<Qualifier, Integer> endpoints = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> endpoint : entry.path("endpoints").properties()) {
                String at = where + ".endpoints." + endpoint.getKey();
                if (!Qualifier.isValid(endpoint.getKey()) || endpoint.getKey().equals(Qualifier.DEFAULT.value())) {
                    problems.add(new Problem(file, at, "not an endpoint name (" + Qualifier.PATTERN
                            + "; DEFAULT is AgentCore's own)"));
                } else if (!endpoint.getValue().canConvertToInt() || endpoint.getValue().asInt() < 1
                        || !endpoint.getValue().isIntegralNumber()) {
                    problems.add(new Problem(file, at, "expected a version number (1 or more)"));
                } else {
                    endpoints.put(new Qualifier(endpoint.getKey()), endpoint.getValue().asInt());
                }
            }
            if (problems.size() == before) {
                runtimes.add(new RuntimeSpec(RuntimeName.of(name), Path.of(module).normalize(), protocol.get(),
                        auth.get(), model, environment, endpoints));
            }
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        return new RuntimeManifest(file, runtimes);
    }

    public Optional<RuntimeSpec> runtime(String name) {
        return runtimes.stream().filter(r -> r.name().value().equals(name)).findFirst();
    }

    public List<RuntimeName> names() {
        return runtimes.stream().map(RuntimeSpec::name).toList();
    }
}
