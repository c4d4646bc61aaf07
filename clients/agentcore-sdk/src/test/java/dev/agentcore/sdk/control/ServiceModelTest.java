package dev.agentcore.sdk.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The interceptor's operation lists against the current service model: botocore's bedrock-agentcore-control model in
 * the repository's .venv (make tools installs it; this test never skips). When AWS adds metadataConfiguration to
 * another operation (CreateAgentRuntime, say), this fails and says which list to extend.
 */
class ServiceModelTest {

    private static final String SHAPE = "RuntimeMetadataConfiguration";

    @Test
    void theInterceptorKnowsEveryOperationThatTakesOrReturnsIt() throws IOException {
        JsonNode model = controlPlaneModel();
        Map<String, JsonNode> shapes = model.field("shapes").orElseThrow().asObject();
        Set<String> takeIt = new TreeSet<>();
        Set<String> returnIt = new TreeSet<>();
        model.field("operations").orElseThrow().asObject().forEach((name, operation) -> {
            if (hasMetadataConfiguration(operation.field("input"), shapes)) {
                takeIt.add(name);
            }
            if (hasMetadataConfiguration(operation.field("output"), shapes)) {
                returnIt.add(name);
            }
        });
        assertThat(takeIt).as("operations whose input has metadataConfiguration (%s): MetadataConfigurationInterceptor"
                + ".OPERATIONS_THAT_TAKE_IT", SHAPE).containsExactlyInAnyOrderElementsOf(MetadataConfigurationInterceptor.OPERATIONS_THAT_TAKE_IT);
        assertThat(returnIt).as("operations whose output has it: OPERATIONS_THAT_RETURN_IT")
                .containsExactlyInAnyOrderElementsOf(MetadataConfigurationInterceptor.OPERATIONS_THAT_RETURN_IT);
    }

    @Test
    void theShapeIsOneRequiredBoolean() throws IOException {
        JsonNode shape = controlPlaneModel().field("shapes").orElseThrow().field(SHAPE).orElseThrow();
        assertThat(shape.field("members").orElseThrow().asObject()).containsOnlyKeys("requireMMDSV2");
        assertThat(shape.field("required").orElseThrow().asArray()).extracting(JsonNode::asString).containsExactly("requireMMDSV2");
        assertThat(shape.field("members").orElseThrow().field("requireMMDSV2").orElseThrow().field("shape").orElseThrow().asString())
                .isEqualTo("Boolean");
    }

    private static boolean hasMetadataConfiguration(java.util.Optional<JsonNode> ref, Map<String, JsonNode> shapes) {
        return ref.flatMap(r -> r.field("shape"))
                .map(name -> shapes.get(name.asString()))
                .flatMap(shape -> shape.field("members"))
                .flatMap(members -> members.field(RuntimeMetadataConfiguration.MEMBER))
                .flatMap(member -> member.field("shape"))
                .map(s -> s.asString().equals(SHAPE))
                .orElse(false);
    }

    /** botocore's newest bedrock-agentcore-control model in the repository's .venv (.json or .json.gz). */
    static JsonNode controlPlaneModel() throws IOException {
        String root = System.getProperty("repo.root");
        assertThat(root).as("system property repo.root (set by the root pom)").isNotNull();
        Path lib = Path.of(root, ".venv", "lib");
        assertThat(Files.isDirectory(lib)).as(lib + " is missing: run 'make tools'").isTrue();
        Path service;
        try (Stream<Path> pythons = Files.list(lib)) {
            service = pythons.map(p -> p.resolve("site-packages/botocore/data/bedrock-agentcore-control"))
                    .filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new AssertionError("botocore is not in " + lib + ": run 'make tools'"));
        }
        Path version;
        try (Stream<Path> versions = Files.list(service)) {
            version = versions.filter(Files::isDirectory).max(Comparator.comparing(Path::getFileName)).orElseThrow();
        }
        Path plain = version.resolve("service-2.json");
        Path gzipped = version.resolve("service-2.json.gz");
        try (InputStream in = Files.exists(plain) ? Files.newInputStream(plain)
                : new GZIPInputStream(Files.newInputStream(gzipped))) {
            return JsonNode.parser().parse(in);
        }
    }
}
