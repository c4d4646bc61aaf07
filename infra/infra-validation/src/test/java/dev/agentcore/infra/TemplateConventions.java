package dev.agentcore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * House rules of infra/templates that no linter checks. Each method returns the violations as
 * {@code file:line: message} (or {@code file: message}), so a test can show that good templates have none and
 * that a known-bad one has the ones it should.
 */
final class TemplateConventions {

    /** The service's runtime-name pattern (the core owns it), anchored as CloudFormation's AllowedPattern is written. */
    static final String RUNTIME_NAME_PATTERN = "^" + dev.agentcore.core.runtime.RuntimeName.PATTERN + "$";
    static final String RUNTIME_ID_PATTERN = "^" + dev.agentcore.core.runtime.RuntimeId.PATTERN + "$";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern LITERAL_ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{12}:|arn:aws:");

    private TemplateConventions() {
    }

    /** Every statement of every policy document (identity and trust) has a Sid, unique in its document. */
    static List<String> statementsWithoutUniqueSid(Path template) {
        List<JsonNode> documents = new ArrayList<>();
        collectPolicyDocuments(tree(template), documents);
        List<String> violations = new ArrayList<>();
        for (JsonNode document : documents) {
            Set<String> sids = new HashSet<>();
            for (JsonNode statement : statements(document)) {
                String sid = statement.path("Sid").asString("");
                if (!sid.matches("[A-Za-z0-9]+")) {
                    violations.add(template + ": a statement has no Sid: " + statement);
                } else if (!sids.add(sid)) {
                    violations.add(template + ": Sid " + sid + " appears twice in one policy");
                }
            }
        }
        return violations;
    }

    /** A comment right above every statement says why it is there; every cfn-lint ignore has a reason. */
    static List<String> unexplained(Path template) {
        List<String> lines = lines(template);
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean statementStart = line.startsWith("- Sid:") || line.startsWith("- Effect:");
            if (statementStart && (i == 0 || !lines.get(i - 1).strip().startsWith("#"))) {
                violations.add(template + ":" + (i + 1) + ": no comment above this statement says why it is there");
            }
            if (line.startsWith("ignore_checks:")
                    && !String.join("\n", lines.subList(Math.max(0, i - 6), i)).contains("# reason:")) {
                violations.add(template + ":" + (i + 1) + ": a cfn-lint ignore needs a '# reason:' comment above it");
            }
        }
        return violations;
    }

    /** ARNs are built from ${AWS::Partition}, ${AWS::Region} and ${AWS::AccountId}, never literals. */
    static List<String> literalArns(Path template) {
        List<String> lines = lines(template);
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.strip().startsWith("#") && !line.contains("AllowedPattern") && LITERAL_ARN.matcher(line).find()) {
                violations.add(template + ":" + (i + 1) + ": literal partition or account in an ARN: " + line.strip());
            }
        }
        return violations;
    }

    /** Runtime names are parameters held to AgentCore's pattern, never literals in the resource. */
    static List<String> unconstrainedRuntimeNames(Path template) {
        JsonNode root = tree(template);
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> parameter : root.path("Parameters").properties()) {
            if (parameter.getKey().endsWith("RuntimeId")
                    && !RUNTIME_ID_PATTERN.equals(parameter.getValue().path("AllowedPattern").asString(""))) {
                violations.add(template + ": " + parameter.getKey() + " needs AllowedPattern " + RUNTIME_ID_PATTERN);
            }
            if (parameter.getKey().endsWith("RuntimeName")) {
                if (!RUNTIME_NAME_PATTERN.equals(parameter.getValue().path("AllowedPattern").asString(""))) {
                    violations.add(template + ": " + parameter.getKey() + " needs AllowedPattern " + RUNTIME_NAME_PATTERN);
                }
                String name = parameter.getValue().path("Default").asString("default_is_optional");
                if (!name.matches(RUNTIME_NAME_PATTERN)) {
                    violations.add(template + ": " + parameter.getKey() + " default '" + name + "' is not a runtime name");
                }
            }
        }
        for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
            if ("AWS::BedrockAgentCore::Runtime".equals(resource.getValue().path("Type").asString(""))) {
                // Read without tags, "!Ref X" is "X": the name must be a parameter, not a literal.
                String name = resource.getValue().path("Properties").path("AgentRuntimeName").asString("");
                if (!root.path("Parameters").has(name)) {
                    violations.add(template + ": " + resource.getKey() + " has the literal runtime name '" + name
                            + "'; take it from a *RuntimeName parameter");
                }
            }
        }
        return violations;
    }

    /**
     * The statements of a policy document. Read without tags, a conditional statement ({@code !If [Condition,
     * statement, !Ref AWS::NoValue]}) is a list: its statement is the object in it.
     */
    private static List<JsonNode> statements(JsonNode document) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode item : document.path("Statement")) {
            if (item.isArray()) {
                item.forEach(branch -> {
                    if (branch.isObject()) {
                        statements.add(branch);
                    }
                });
            } else {
                statements.add(item);
            }
        }
        return statements;
    }

    static List<String> all(Path template) {
        List<String> violations = new ArrayList<>();
        violations.addAll(statementsWithoutUniqueSid(template));
        violations.addAll(unexplained(template));
        violations.addAll(literalArns(template));
        violations.addAll(unconstrainedRuntimeNames(template));
        if (tree(template).path("Description").asString("").length() < 40) {
            violations.add(template + ": the Description should say what the template creates");
        }
        return violations;
    }

    private static JsonNode tree(Path template) {
        return YAML.readTree(template.toFile());
    }

    private static List<String> lines(Path template) {
        try {
            return Files.readAllLines(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectPolicyDocuments(JsonNode node, List<JsonNode> documents) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("PolicyDocument") || field.getKey().equals("AssumeRolePolicyDocument")) {
                    documents.add(field.getValue());
                }
                collectPolicyDocuments(field.getValue(), documents);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectPolicyDocuments(child, documents));
        }
    }
}
