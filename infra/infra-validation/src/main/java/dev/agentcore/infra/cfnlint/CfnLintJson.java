package dev.agentcore.infra.cfnlint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads cfn-lint's {@code --format json} output: an array of matches with rule, level, message and location. */
final class CfnLintJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CfnLintJson() {
    }

    /**
     * @param output    what cfn-lint printed on stdout
     * @param toHostPath turns the file name cfn-lint reports into the caller's path (containers see other paths)
     */
    static List<CfnLintFinding> parse(String output, Function<String, Path> toHostPath) {
        JsonNode matches;
        try {
            matches = JSON.readTree(output.isBlank() ? "[]" : output);
        } catch (JacksonException e) {
            throw new CfnLintException("cfn-lint did not print a JSON report: " + abbreviate(output), e);
        }
        if (!matches.isArray()) {
            throw new CfnLintException("cfn-lint's JSON report is not an array: " + abbreviate(output));
        }
        List<CfnLintFinding> findings = new ArrayList<>();
        for (JsonNode match : matches) {
            findings.add(finding(match, toHostPath));
        }
        return findings;
    }

    private static CfnLintFinding finding(JsonNode match, Function<String, Path> toHostPath) {
        JsonNode start = match.path("Location").path("Start");
        String fileName = match.path("Filename").isString() ? match.path("Filename").asString() : null;
        return new CfnLintFinding(
                match.path("Rule").path("Id").asString(""),
                level(match.path("Level").asString("")),
                match.path("Message").asString(""),
                fileName == null ? null : toHostPath.apply(fileName),
                start.path("LineNumber").asInt(0),
                start.path("ColumnNumber").asInt(0));
    }

    private static CfnLintFinding.Level level(String level) {
        return switch (level) {
            case "Error" -> CfnLintFinding.Level.ERROR;
            case "Warning" -> CfnLintFinding.Level.WARNING;
            case "Informational" -> CfnLintFinding.Level.INFORMATIONAL;
            default -> throw new CfnLintException("cfn-lint reported an unknown level: '" + level + "'");
        };
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
