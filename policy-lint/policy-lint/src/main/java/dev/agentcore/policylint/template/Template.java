package dev.agentcore.policylint.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.agentcore.policylint.source.DuplicateKey;
import dev.agentcore.policylint.source.ListNode;
import dev.agentcore.policylint.source.MapNode;
import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ScalarNode;
import dev.agentcore.policylint.source.SourceFile;
import dev.agentcore.policylint.source.TreeReader;

/**
 * A CloudFormation (or SAM, or CDK synth) template, or a plain IAM policy document (or a mapping of names to policy
 * documents): what policy-lint checks. Other YAML and JSON files are no template and are passed over.
 */
public final class Template {

    public enum Kind {
        CLOUDFORMATION, POLICY
    }

    public record Parameter(String name, ScalarNode key, String type, Node defaultValue) {
        public boolean isList() {
            return type != null && (type.startsWith("List<") || type.equals("CommaDelimitedList"));
        }
    }

    public record Resource(String logicalId, ScalarNode key, String type, MapNode node) {
        public Node properties() {
            return node.get("Properties");
        }

        public Node metadata() {
            return node.get("Metadata");
        }
    }

    private final SourceFile file;
    private final MapNode root;
    private final Kind kind;
    private final Map<String, Parameter> parameters;
    private final Map<String, Resource> resources;
    private final Resolver resolver;
    private final List<DuplicateKey> duplicateKeys;
    private final Map<String, Value> resolvedProperties = new java.util.HashMap<>();
    private Value resolvedRoot;

    private Template(SourceFile file, MapNode root, Kind kind, List<DuplicateKey> duplicateKeys) {
        this.file = file;
        this.root = root;
        this.kind = kind;
        this.duplicateKeys = List.copyOf(duplicateKeys);
        this.parameters = readParameters(root);
        this.resources = readResources(root);
        this.resolver = new Resolver(this);
    }

    /** The template in {@code root}, or empty when the document is neither a template nor a policy. */
    public static Optional<Template> of(SourceFile file, Node root) {
        return of(file, new TreeReader.Parsed(root, List.of()));
    }

    /** As {@link #of(SourceFile, Node)}, keeping the keys the document defines twice for the rule that reports them. */
    public static Optional<Template> of(SourceFile file, TreeReader.Parsed parsed) {
        Node root = parsed.root();
        List<DuplicateKey> duplicates = parsed.duplicateKeys();
        if (!(root instanceof MapNode map)) {
            return Optional.empty();
        }
        if (map.get("Resources") instanceof MapNode || map.has("AWSTemplateFormatVersion")
                || map.get("Transform") instanceof ScalarNode t && t.value().startsWith("AWS::Serverless")) {
            return Optional.of(new Template(file, map, Kind.CLOUDFORMATION, duplicates));
        }
        if (isPolicy(map) || holdsPolicies(map)) {
            // One policy document, or policies by name ({"ReadPolicy": {"Statement": [...]}, ...}) as some
            // repositories keep them for a deploy script.
            return Optional.of(new Template(file, map, Kind.POLICY, duplicates));
        }
        return Optional.empty();
    }

    /** Policies by name: a value that is a policy. */
    private static boolean holdsPolicies(MapNode map) {
        for (MapNode.Entry e : map.entries()) {
            if (e.value() instanceof MapNode m && isPolicy(m)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code map} is an IAM policy document: it has a Statement list or mapping. */
    public static boolean isPolicy(MapNode map) {
        Node statement = map.get("Statement");
        return statement instanceof ListNode || statement instanceof MapNode;
    }

    /** True when the text probably is a template or policy: decides whether a parse error is worth reporting. */
    public static boolean looksLikeTemplate(String text) {
        return text.contains("AWSTemplateFormatVersion")
                || text.contains("Resources") && text.contains("AWS::")
                || text.contains("Statement") && (text.contains("Effect") || text.contains("Action"));
    }

    private static Map<String, Parameter> readParameters(MapNode root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (root.get("Parameters") instanceof MapNode params) {
            for (MapNode.Entry e : params.entries()) {
                if (e.value() instanceof MapNode p) {
                    String type = p.get("Type") instanceof ScalarNode s ? s.value() : null;
                    out.put(e.key().value(), new Parameter(e.key().value(), e.key(), type, p.get("Default")));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Resource> readResources(MapNode root) {
        Map<String, Resource> out = new LinkedHashMap<>();
        if (root.get("Resources") instanceof MapNode res) {
            for (MapNode.Entry e : res.entries()) {
                if (e.value() instanceof MapNode r) {
                    String type = r.get("Type") instanceof ScalarNode s ? s.value() : "";
                    out.put(e.key().value(), new Resource(e.key().value(), e.key(), type, r));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public SourceFile file() {
        return file;
    }

    public MapNode root() {
        return root;
    }

    public Kind kind() {
        return kind;
    }

    /** The keys defined twice; the tree holds each one's last definition, as CloudFormation keeps it. */
    public List<DuplicateKey> duplicateKeys() {
        return duplicateKeys;
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    public Map<String, Resource> resources() {
        return resources;
    }

    public Node conditions() {
        return root.get("Conditions");
    }

    public Node mappings() {
        return root.get("Mappings");
    }

    public Resolver resolver() {
        return resolver;
    }

    /** The whole document resolved (computed once): a plain policy's statements, or its policies by name. */
    public Value resolvedRoot() {
        if (resolvedRoot == null) {
            resolvedRoot = resolver.resolve(root);
        }
        return resolvedRoot;
    }

    /**
     * The values the resolver gave up on at one of its bounds, once everything the rules look at is resolved
     * (every resource's Properties, or a policy's whole document).
     */
    public List<Resolver.Unresolved> unresolved() {
        if (kind == Kind.POLICY) {
            resolvedRoot();
        } else {
            resources.values().forEach(this::properties);
        }
        return resolver.unresolved();
    }

    /** A resource's Properties with intrinsic functions resolved (computed once). */
    public Value properties(Resource r) {
        if (r.properties() == null) {
            return new Value.NoValue(r.node());
        }
        return resolvedProperties.computeIfAbsent(r.logicalId(), id -> resolver.resolve(r.properties()));
    }
}
