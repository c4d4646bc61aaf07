package dev.agentcore.sdk.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.agentcore.testing.RepositoryFiles;
import tools.jackson.databind.JsonNode;

/**
 * The interceptor's operation lists against the current service model: botocore's bedrock-agentcore-control model in
 * the repository's .venv (make tools installs it; this test never skips). When AWS adds metadataConfiguration to
 * another operation (CreateAgentRuntime, say), this fails and says which list to extend.
 */
class ServiceModelTest {

    private static final String SHAPE = "RuntimeMetadataConfiguration";

    @Test
    void theInterceptorKnowsEveryOperationThatTakesOrReturnsIt() {
        JsonNode model = RepositoryFiles.botocoreModel("bedrock-agentcore-control");
        JsonNode shapes = model.path("shapes");
        Set<String> takeIt = new TreeSet<>();
        Set<String> returnIt = new TreeSet<>();
        model.path("operations").properties().forEach(operation -> {
            if (hasMetadataConfiguration(operation.getValue().path("input"), shapes)) {
                takeIt.add(operation.getKey());
            }
            if (hasMetadataConfiguration(operation.getValue().path("output"), shapes)) {
                returnIt.add(operation.getKey());
            }
        });
        assertThat(takeIt).as("operations whose input has metadataConfiguration (%s): MetadataConfigurationInterceptor"
                + ".OPERATIONS_THAT_TAKE_IT", SHAPE).containsExactlyInAnyOrderElementsOf(MetadataConfigurationInterceptor.OPERATIONS_THAT_TAKE_IT);
        assertThat(returnIt).as("operations whose output has it: OPERATIONS_THAT_RETURN_IT")
                .containsExactlyInAnyOrderElementsOf(MetadataConfigurationInterceptor.OPERATIONS_THAT_RETURN_IT);
    }

    @Test
    void theShapeIsOneRequiredBoolean() {
        JsonNode shape = RepositoryFiles.botocoreModel("bedrock-agentcore-control").path("shapes").path(SHAPE);
        assertThat(shape.path("members").propertyNames()).containsExactly("requireMMDSV2");
        assertThat(shape.path("required").values()).extracting(JsonNode::asString).containsExactly("requireMMDSV2");
        assertThat(shape.path("members").path("requireMMDSV2").path("shape").asString()).isEqualTo("Boolean");
    }

    private static boolean hasMetadataConfiguration(JsonNode ref, JsonNode shapes) {
        String shapeName = ref.path("shape").asString("");
        return SHAPE.equals(shapes.path(shapeName).path("members").path(RuntimeMetadataConfiguration.MEMBER)
                .path("shape").asString(""));
    }
}
