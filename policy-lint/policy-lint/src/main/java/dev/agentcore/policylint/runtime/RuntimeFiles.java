package dev.agentcore.policylint.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.agentcore.core.state.DeployedRuntime;
import dev.agentcore.core.state.StateFile;
import dev.agentcore.core.state.StateFileException;
import dev.agentcore.policylint.source.Documents;
import dev.agentcore.policylint.source.ListNode;
import dev.agentcore.policylint.source.MapNode;
import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ParseProblem;
import dev.agentcore.policylint.source.ScalarNode;
import dev.agentcore.policylint.source.SourceFile;
import dev.agentcore.policylint.source.TreeReader;

/**
 * Reads the actual runtimes from a file, as written by the AWS CLI or SDK (JSON or YAML output):
 * {@code list-agent-runtimes} ({@code {"agentRuntimes": [...]}}), {@code get-agent-runtime} (one object or a list of
 * them), or the deploy state file ({@code {"version": 1, "runtimes": [...]}}, docs/state-file.md).
 */
public final class RuntimeFiles {

    private RuntimeFiles() {
    }

    public static List<AgentRuntime> read(Path path) throws RuntimeSourceException {
        String display = path.toString();
        Node root = tree(path);
        List<AgentRuntime> out = new ArrayList<>();
        if (root instanceof MapNode m && m.get("agentRuntimes") instanceof ListNode l) {
            for (Node item : l.items()) {
                out.add(fromApi(object(item, display), display));
            }
        } else if (root instanceof MapNode m && m.get("runtimes") instanceof ListNode) {
            out.addAll(fromStateFile(path, display));
        } else if (root instanceof MapNode m && m.has("agentRuntimeId")) {
            out.add(fromApi(m, display));
        } else if (root instanceof ListNode l && l.items().stream().allMatch(i -> i instanceof MapNode im && im.has("agentRuntimeId"))) {
            for (Node item : l.items()) {
                out.add(fromApi((MapNode) item, display));
            }
        } else {
            throw new RuntimeSourceException(display + ":" + root.position() + ": not list-agent-runtimes or "
                    + "get-agent-runtime output, nor a deploy state file (expected agentRuntimes, agentRuntimeId or runtimes)");
        }
        for (AgentRuntime r : out) {
            if (r.id() == null || r.arn() == null) {
                throw new RuntimeSourceException(display + ": runtime " + (r.name() == null ? "" : r.name() + " ")
                        + "lacks agentRuntimeId or agentRuntimeArn");
            }
        }
        return out;
    }

    /** The file's tree (JSON or YAML), or why it cannot be read, with the file and position. */
    static Node tree(Path path) throws RuntimeSourceException {
        String display = path.toString();
        SourceFile file = switch (Documents.load(path, display)) {
            case Documents.Text t -> t.file();
            case Documents.Undecodable u -> throw new RuntimeSourceException(display + ": cannot read: " + u.problem());
            case Documents.TooLarge t -> throw new RuntimeSourceException(display + ": too large (" + t.bytes() + " bytes)");
            case Documents.Unreadable u -> throw new RuntimeSourceException(display + ": cannot read: " + u.reason());
        };
        try {
            return TreeReader.read(file);
        } catch (ParseProblem p) {
            throw new RuntimeSourceException(display + ":" + p.position() + ": " + p.getMessage());
        }
    }

    private static MapNode object(Node n, String display) throws RuntimeSourceException {
        if (n instanceof MapNode m) {
            return m;
        }
        throw new RuntimeSourceException(display + ":" + n.position() + ": expected an object describing a runtime");
    }

    /** {@code GetAgentRuntime} / {@code ListAgentRuntimes} field names. */
    private static AgentRuntime fromApi(MapNode m, String source) throws RuntimeSourceException {
        Boolean jwt = null;
        if (m.has("authorizerConfiguration")) {
            jwt = m.get("authorizerConfiguration") instanceof MapNode a && a.get("customJWTAuthorizer") instanceof MapNode;
        } else if (m.has("roleArn")) {
            jwt = false; // full GetAgentRuntime output without an authorizer: SigV4
        }
        String wi = m.get("workloadIdentityDetails") instanceof MapNode w ? text(w, "workloadIdentityArn") : null;
        return new AgentRuntime(text(m, "agentRuntimeName"), text(m, "agentRuntimeId"), text(m, "agentRuntimeArn"),
                text(m, "roleArn"), wi, time(m, "createdAt", source), jwt, List.of(), source);
    }

    /** The deploy state file's runtimes (docs/state-file.md), through the core's one reader of it. */
    private static List<AgentRuntime> fromStateFile(Path path, String source) throws RuntimeSourceException {
        StateFile state;
        try {
            state = StateFile.read(path);
        } catch (StateFileException e) {
            throw new RuntimeSourceException(e.getMessage());
        }
        List<AgentRuntime> out = new ArrayList<>();
        for (DeployedRuntime r : state.runtimes()) {
            List<AgentRuntime.Endpoint> endpoints = r.endpoints().stream()
                    .map(e -> new AgentRuntime.Endpoint(e.name(), e.arn())).toList();
            out.add(new AgentRuntime(r.name(), r.agentRuntimeId(), r.agentRuntimeArn(), r.roleArn(),
                    r.workloadIdentityArn(), r.createdAt(), r.authorizer() != null, endpoints, source));
        }
        return out;
    }

    private static String text(MapNode m, String key) {
        return m.get(key) instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL ? s.value() : null;
    }

    /** ISO-8601 as the CLI prints it, or epoch seconds as some SDKs serialise it. */
    private static Instant time(MapNode m, String key, String source) throws RuntimeSourceException {
        if (!(m.get(key) instanceof ScalarNode s) || s.kind() == ScalarNode.Kind.NULL) {
            return null;
        }
        try {
            if (s.kind() == ScalarNode.Kind.NUMBER) {
                double seconds = Double.parseDouble(s.value());
                return Instant.ofEpochMilli((long) (seconds * 1000));
            }
            return OffsetDateTime.parse(s.value()).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new RuntimeSourceException(source + ":" + s.position() + ": " + key + " '" + s.value()
                    + "' is no ISO-8601 time (such as 2025-09-30T12:00:00Z) nor epoch seconds");
        }
    }
}
