package dev.agentcore.infra.stacks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The interface of a CloudFormation template as a deployment sees it: the parameters it takes, the outputs it
 * gives, and the capability its IAM resources require.
 */
public record CloudFormationTemplate(
        Path file, Map<String, TemplateParameter> parameters, List<String> outputs, Optional<String> requiredCapability) {

    /** Properties that give an IAM resource a custom name, which needs CAPABILITY_NAMED_IAM. */
    private static final Set<String> IAM_NAME_PROPERTIES =
            Set.of("RoleName", "ManagedPolicyName", "UserName", "GroupName", "InstanceProfileName");

    public CloudFormationTemplate {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters)); // declaration order
        outputs = List.copyOf(outputs);
    }

    public static CloudFormationTemplate read(Path file) {
        JsonNode template = JsonFiles.readYaml(file);
        if (!template.path("Resources").isObject()) {
            throw new InfraConfigException(new Problem(file, "Resources", "a template needs a Resources section"));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, TemplateParameter> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : template.path("Parameters").properties()) {
            parameters.put(entry.getKey(), parameter(file, entry.getKey(), entry.getValue(), problems));
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        List<String> outputs = new ArrayList<>();
        template.path("Outputs").propertyNames().forEach(outputs::add);
        return new CloudFormationTemplate(file, parameters, outputs, requiredCapability(template.path("Resources")));
    }

    private static TemplateParameter parameter(Path file, String name, JsonNode node, List<Problem> problems) {
        String where = "Parameters." + name;
        String type = node.path("Type").asString("");
        if (type.isEmpty()) {
            problems.add(new Problem(file, where, "a parameter needs a Type"));
        }
        Optional<String> pattern = text(node, "AllowedPattern");
        pattern.ifPresent(regex -> {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(file, where + ".AllowedPattern", "not a valid pattern: " + e.getDescription()));
            }
        });
        List<String> allowedValues = new ArrayList<>();
        node.path("AllowedValues").forEach(value -> allowedValues.add(value.asString()));
        Optional<BigDecimal> minLength = number(file, where, node, "MinLength", problems);
        Optional<BigDecimal> maxLength = number(file, where, node, "MaxLength", problems);
        return new TemplateParameter(name, type, text(node, "Default"), pattern, allowedValues,
                minLength.map(BigDecimal::intValue), maxLength.map(BigDecimal::intValue),
                number(file, where, node, "MinValue", problems), number(file, where, node, "MaxValue", problems));
    }

    private static Optional<String> requiredCapability(JsonNode resources) {
        boolean iam = false;
        for (JsonNode resource : resources) {
            if (resource.path("Type").asString("").startsWith("AWS::IAM::")) {
                iam = true;
                for (String property : IAM_NAME_PROPERTIES) {
                    if (resource.path("Properties").has(property)) {
                        return Optional.of("CAPABILITY_NAMED_IAM");
                    }
                }
            }
        }
        return iam ? Optional.of("CAPABILITY_IAM") : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    private static Optional<BigDecimal> number(Path file, String where, JsonNode node, String field, List<Problem> problems) {
        Optional<String> value = text(node, field);
        try {
            return value.map(BigDecimal::new);
        } catch (NumberFormatException e) {
            problems.add(new Problem(file, where + "." + field, "'" + value.get() + "' is not a number"));
            return Optional.empty();
        }
    }
}
