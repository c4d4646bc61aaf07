package dev.agentcore.sdk.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.agentcore.testing.RepositoryFiles;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Why the deploy tool, not the template, requires MMDSv2: CloudFormation's AWS::BedrockAgentCore::Runtime has no
 * MetadataConfiguration property (the resource schemas bundled with cfn-lint in .venv, every Region). When a
 * cfn-lint release knows the property, this fails: then set it in infra/templates/runtimes.yaml, drop the deploy
 * tool's post-stack step and the templates' MMDSv2 notes.
 */
class CloudFormationSchemaTest {

    private static final String RUNTIME = "AWS::BedrockAgentCore::Runtime";

    @Test
    void theRuntimeResourceTypeCannotSetMetadataConfigurationYet() throws IOException {
        Path schemas = cfnLintSchemas();
        Set<String> hashes = new TreeSet<>();
        try (Stream<Path> regions = Files.list(schemas.resolve("providers"))) {
            for (Path region : regions.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode.parser().parse(Files.readString(region)).field(RUNTIME).map(JsonNode::asString).ifPresent(hashes::add);
            }
        }
        assertThat(hashes).as("Regions whose cfn-lint schemas have " + RUNTIME).isNotEmpty();
        for (String hash : hashes) {
            JsonNode schema = JsonNode.parser().parse(Files.readString(schemas.resolve("resources").resolve(hash + ".json")));
            Set<String> properties = schema.field("properties").orElseThrow().asObject().keySet();
            assertThat(properties).as("%s properties in %s", RUNTIME, cfnLintVersion())
                    .contains("AgentRuntimeArtifact", "NetworkConfiguration", "ProtocolConfiguration")
                    .noneMatch(p -> p.toLowerCase(Locale.ROOT).contains("metadata"));
        }
    }

    @Test
    void everyRuntimeInTheTemplatesSaysWhereMmdsV2IsSet() throws IOException {
        Path templates = root().resolve("infra/templates");
        List<String> runtimesWithoutNote = new ArrayList<>();
        int runtimes = 0;
        try (Stream<Path> files = Files.list(templates)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).trim().equals("Type: " + RUNTIME)) {
                        runtimes++;
                        String block = resourceBlock(lines, i);
                        if (!block.contains("# MMDSv2:") || !block.contains("docs/infra.md#mmdsv2")) {
                            runtimesWithoutNote.add(file.getFileName() + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(runtimes).as("runtimes in infra/templates").isPositive();
        assertThat(runtimesWithoutNote).as("runtime resources without the MMDSv2 note").isEmpty();
    }

    /** The lines of the resource whose Type is at line {@code typeLine}: up to the next line indented as its name. */
    private static String resourceBlock(List<String> lines, int typeLine) {
        int nameIndent = indent(lines.get(typeLine)) - 2;
        StringBuilder block = new StringBuilder();
        for (int i = typeLine; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > typeLine && !line.isBlank() && indent(line) <= nameIndent) {
                break;
            }
            block.append(line).append('\n');
        }
        return block.toString();
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static Path root() {
        return RepositoryFiles.root();
    }

    private static Path cfnLintSchemas() {
        return RepositoryFiles.sitePackagesWith("cfnlint").resolve("cfnlint/data/schemas");
    }

    private static String cfnLintVersion() {
        return RepositoryFiles.distributionVersion("cfn_lint").map(v -> "cfn-lint " + v).orElse("cfn-lint");
    }
}
