package dev.agentcore.infra.stacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads JSON and YAML files into trees, turning every failure into a {@link Problem} with file and line. */
final class JsonFiles {

    static final JsonMapper JSON = JsonMapper.builder().build();

    // CloudFormation's short-form tags (!Ref, !Sub, ...) are read as plain values: enough for parameters,
    // outputs and resource types, which is all this package needs.
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private JsonFiles() {
    }

    static JsonNode readJson(Path file) {
        return read(file, JSON::readTree);
    }

    static JsonNode readYaml(Path file) {
        return read(file, YAML::readTree);
    }

    private interface Parser {
        JsonNode parse(String content);
    }

    private static JsonNode read(Path file, Parser parser) {
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InfraConfigException(new Problem(file, "", "file not found"));
        } catch (IOException e) {
            throw new InfraConfigException(new Problem(file, "", "cannot read: " + e.getMessage()));
        }
        try {
            JsonNode tree = parser.parse(content);
            if (tree == null || tree.isMissingNode() || !tree.isObject()) {
                throw new InfraConfigException(new Problem(file, "", "expected an object at the top level"));
            }
            return tree;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InfraConfigException(new Problem(file, where, "not valid: " + e.getOriginalMessage()));
        }
    }
}
