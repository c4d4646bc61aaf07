package dev.agentcore.policylint.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.agentcore.policylint.rule.ParseError;
import dev.agentcore.policylint.rule.Rules;
import dev.agentcore.policylint.rule.Severity;
import dev.agentcore.policylint.source.Documents;
import dev.agentcore.policylint.source.ListNode;
import dev.agentcore.policylint.source.MapNode;
import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ParseProblem;
import dev.agentcore.policylint.source.ScalarNode;
import dev.agentcore.policylint.source.SourceFile;
import dev.agentcore.policylint.source.TreeReader;

/**
 * {@code .policy-lint.yaml}: runtime sources, paths, excludes, severity overrides and ignores. Paths in it are relative
 * to the file's directory. Found upward from the working directory; command-line options win over it.
 *
 * <pre>
 * runtimes: [.agentcore/state.json]     # files as for --runtimes
 * live: false                           # as --live
 * region: us-east-1                     # for live
 * paths: [infra]                        # what to lint when no PATH is given
 * exclude: ["infra/legacy/**"]
 * severity: {PL151: error, PL161: off}
 * ignore:
 *   - rule: PL160
 *     paths: ["infra/admin/**"]
 *     reason: the admin role is reviewed by hand
 * fail-on: warning
 * </pre>
 */
public record Config(Path file, List<Path> runtimes, boolean live, String region, List<Path> paths,
        List<String> excludes, Map<String, Severity> severities, List<Ignore> ignores, Severity failOn) {

    public static final List<String> NAMES = List.of(".policy-lint.yaml", ".policy-lint.yml");
    /** Why PL001 is not configurable: a file that was not read was not checked, and must not pass. */
    private static final String PARSE_ERRORS_STAY = ParseError.INFO.id() + " cannot be switched off, lowered or ignored: "
            + "a file that does not parse is not checked (exclude the file instead)";
    private static final Set<String> KEYS = Set.of("runtimes", "live", "region", "paths", "exclude", "severity",
            "ignore", "fail-on");

    /** A config ignore: the rule, the files it covers (globs relative to the config file; none = all) and why. */
    public record Ignore(String rule, List<String> paths, String reason, dev.agentcore.policylint.source.Region where) {
    }

    public static Config empty() {
        return new Config(null, List.of(), false, null, List.of(), List.of(), Map.of(), List.of(), null);
    }

    /** The nearest config file in {@code start} or above. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String name : NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public Path directory() {
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    public static Config read(Path path) throws ConfigException {
        return read(path, path.toString());
    }

    /** @param display how to name the file in messages */
    public static Config read(Path path, String display) throws ConfigException {
        SourceFile source = switch (Documents.load(path, display)) {
            case Documents.Text t -> t.file();
            case Documents.Undecodable u -> throw new ConfigException(display + ": cannot read the configuration file: " + u.problem());
            case Documents.Unreadable u -> throw new ConfigException(display + ": cannot read the configuration file: " + u.reason());
            case Documents.TooLarge t -> throw new ConfigException(display + ": cannot read the configuration file: "
                    + t.bytes() + " bytes, over the " + Documents.MAX_BYTES + "-byte limit");
        };
        Node root;
        try {
            root = TreeReader.readYaml(source);
        } catch (ParseProblem p) {
            throw new ConfigException(display + ":" + p.position() + ": " + p.getMessage());
        }
        if (root instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            return new Config(path, List.of(), false, null, List.of(), List.of(), Map.of(), List.of(), null);
        }
        if (!(root instanceof MapNode m)) {
            throw error(display, root, "expected a mapping of settings");
        }
        for (MapNode.Entry e : m.entries()) {
            if (!KEYS.contains(e.key().value())) {
                throw error(display, e.key(), "unknown setting '" + e.key().value() + "' (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        Path dir = path.toAbsolutePath().getParent();
        List<Path> runtimes = strings(display, m.get("runtimes")).stream().map(dir::resolve).toList();
        List<Path> paths = strings(display, m.get("paths")).stream().map(dir::resolve).toList();
        List<String> excludes = globs(display, m.get("exclude"));
        boolean live = bool(display, m.get("live"));
        String region = m.get("region") instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL ? s.value() : null;
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (m.get("severity") instanceof MapNode sev) {
            for (MapNode.Entry e : sev.entries()) {
                String id = e.key().value();
                if (Rules.info(id).isEmpty()) {
                    throw error(display, e.key(), "unknown rule '" + id + "'");
                }
                String level = e.value() instanceof ScalarNode s ? s.value() : "";
                if (id.equals(ParseError.INFO.id()) && !level.equalsIgnoreCase("error")) {
                    throw error(display, e.value(), PARSE_ERRORS_STAY);
                }
                if (level.equals("off") || level.equals("false")) {
                    severities.put(id, null);
                } else {
                    try {
                        severities.put(id, Severity.parse(level));
                    } catch (IllegalArgumentException ex) {
                        throw error(display, e.value(), ex.getMessage() + ", or off");
                    }
                }
            }
        } else if (m.get("severity") != null) {
            throw error(display, m.get("severity"), "severity must map rule ids to error, warning, info or off");
        }
        List<Ignore> ignores = new ArrayList<>();
        if (m.get("ignore") instanceof ListNode l) {
            for (Node item : l.items()) {
                if (!(item instanceof MapNode im) || !(im.get("rule") instanceof ScalarNode rule)) {
                    throw error(display, item, "each ignore needs a rule, for example {rule: PL160, paths: [...], reason: ...}");
                }
                if (Rules.info(rule.value()).isEmpty()) {
                    throw error(display, rule, "unknown rule '" + rule.value() + "'");
                }
                if (rule.value().equals(ParseError.INFO.id())) {
                    throw error(display, rule, PARSE_ERRORS_STAY);
                }
                String reason = im.get("reason") instanceof ScalarNode r && !r.value().isBlank() ? r.value() : null;
                ignores.add(new Ignore(rule.value(), globs(display, im.get("paths")), reason, item.region()));
            }
        } else if (m.get("ignore") != null) {
            throw error(display, m.get("ignore"), "ignore must be a list");
        }
        Severity failOn = null;
        if (m.get("fail-on") instanceof ScalarNode f) {
            try {
                failOn = Severity.parse(f.value());
            } catch (IllegalArgumentException ex) {
                throw error(display, f, "fail-on must be error or warning");
            }
        }
        return new Config(path, runtimes, live, region, paths, excludes, severities, ignores, failOn);
    }

    private static List<String> strings(String display, Node node) throws ConfigException {
        List<String> out = new ArrayList<>();
        if (node == null || node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            return out;
        }
        if (node instanceof ScalarNode s) {
            out.add(s.value());
            return out;
        }
        if (!(node instanceof ListNode l)) {
            throw error(display, node, "expected a string or a list of strings");
        }
        for (Node item : l.items()) {
            if (!(item instanceof ScalarNode s)) {
                throw error(display, item, "expected a string");
            }
            out.add(s.value());
        }
        return out;
    }

    /** Strings that must be globs: a bad one is refused here, at its line, not thrown while linting. */
    private static List<String> globs(String display, Node node) throws ConfigException {
        List<String> out = strings(display, node);
        List<Node> items = node instanceof ListNode l ? l.items() : node == null ? List.of() : List.of(node);
        for (int i = 0; i < out.size(); i++) {
            try {
                Globs.compile(out.get(i));
            } catch (Globs.Invalid e) {
                throw error(display, items.get(i), "pattern " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean bool(String display, Node node) throws ConfigException {
        if (node == null) {
            return false;
        }
        if (node instanceof ScalarNode s && (s.value().equals("true") || s.value().equals("false"))) {
            return Boolean.parseBoolean(s.value());
        }
        throw error(display, node, "expected true or false");
    }

    private static ConfigException error(String display, Node node, String message) {
        return new ConfigException(display + ":" + node.position() + ": " + message);
    }
}
