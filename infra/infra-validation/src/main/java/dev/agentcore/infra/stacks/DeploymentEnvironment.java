package dev.agentcore.infra.stacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An environment file ({@code infra/env/<environment>.params.json}): one deployment of the whole stack set into
 * one account and Region. It names the Region and the prefix of every CloudFormation stack name, and gives
 * each stack the parameters that no earlier stack's outputs provide.
 */
public record DeploymentEnvironment(
        Path file, String name, String region, String stackPrefix, Map<String, Map<String, String>> parameters) {

    public static final String SUFFIX = ".params.json";

    private static final String REGION = "[a-z]{2}(-[a-z]+)+-\\d";
    private static final String STACK_PREFIX = "[a-zA-Z][-a-zA-Z0-9]{0,62}";

    public DeploymentEnvironment {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        parameters.forEach((stack, values) -> copy.put(stack, Map.copyOf(values)));
        parameters = Collections.unmodifiableMap(copy);
    }

    public static DeploymentEnvironment read(Path file) {
        String fileName = file.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        if (!fileName.endsWith(SUFFIX) || fileName.length() == SUFFIX.length()) {
            problems.add(new Problem(file, "", "an environment file is named <environment>" + SUFFIX));
        }
        JsonNode root = JsonFiles.readJson(file);
        String region = root.path("region").asString("");
        if (!region.matches(REGION)) {
            problems.add(new Problem(file, "region", "'" + region + "' is not an AWS Region such as us-east-1"));
        }
        String stackPrefix = root.path("stackPrefix").asString("");
        if (!stackPrefix.matches(STACK_PREFIX)) {
            problems.add(new Problem(file, "stackPrefix", "'" + stackPrefix + "' is not a stack name prefix ("
                    + STACK_PREFIX + ")"));
        }
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> section : root.path("parameters").properties()) {
            Map<String, String> values = new LinkedHashMap<>();
            if (!section.getValue().isObject()) {
                problems.add(new Problem(file, "parameters." + section.getKey(), "expected an object of parameters"));
            }
            for (Map.Entry<String, JsonNode> parameter : section.getValue().properties()) {
                ParameterValues.text(parameter.getValue()).ifPresentOrElse(
                        value -> values.put(parameter.getKey(), value),
                        () -> problems.add(new Problem(file, "parameters." + section.getKey() + "." + parameter.getKey(),
                                "expected a string, number, boolean or list of strings")));
            }
            parameters.put(section.getKey(), values);
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        return new DeploymentEnvironment(file, fileName.substring(0, fileName.length() - SUFFIX.length()), region,
                stackPrefix, parameters);
    }

    /** The CloudFormation stack name of a stack in this environment: {@code <stackPrefix>-<stack>}. */
    public String stackName(StackDefinition stack) {
        return stackPrefix + "-" + stack.name();
    }

    public Map<String, String> parametersOf(StackDefinition stack) {
        return parameters.getOrDefault(stack.name(), Map.of());
    }
}
