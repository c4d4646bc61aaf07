package dev.agentcore.deploy.diagnosis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** One fixture of src/test/resources/deploy-diagnoses: a failure as AWS or the local AgentCore gave it, and its rules. */
record DeployDiagnosisFixture(String ruleId, String story, String source, DeployFailure failure, List<String> expected) {

    static final Path FOLDER = Path.of("src/test/resources/deploy-diagnoses");

    static List<DeployDiagnosisFixture> all() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(DeployDiagnosisFixture::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeployDiagnosisFixture read(Path file) {
        JsonNode root = YAMLMapper.builder().build().readTree(file.toFile());
        JsonNode f = root.path("failure");
        DeployFailure failure = new DeployFailure(f.path("step").asString(), f.path("errorCode").asString(""),
                f.path("message").asString(), Optional.ofNullable(f.path("resource").asString(null)),
                root.path("region").asString("us-east-1"), Optional.ofNullable(f.path("trustPolicy").asString(null)));
        List<String> expected = new ArrayList<>();
        root.path("expect").forEach(id -> expected.add(id.asString()));
        String name = file.getFileName().toString();
        return new DeployDiagnosisFixture(name.substring(0, name.length() - ".yaml".length()), root.path("story").asString(),
                root.path("source").asString(), failure, expected);
    }
}
