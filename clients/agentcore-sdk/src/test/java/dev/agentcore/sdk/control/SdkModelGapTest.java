package dev.agentcore.sdk.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;

/**
 * Why this module exists, as a test: the served SDK (2.40.2 here; the registry stops at 2.40.3) has no
 * {@code metadataConfiguration}. When a newer bedrockagentcorecontrol module is served and the root pom moves to it,
 * this test fails: then drop every piece marked "Drop when the SDK's bedrockagentcorecontrol module has
 * metadataConfiguration" and use the SDK's typed field.
 */
class SdkModelGapTest {

    private static final String DROP_IT = "AWS SDK " + VersionInfo.SDK_VERSION + " models metadataConfiguration on %s now:"
            + " drop agentcore-sdk's MetadataConfigurationInterceptor and use the SDK's typed field";

    @Test
    void updateAgentRuntimeRequestHasNoMetadataConfiguration() {
        assertThat(methodsNamed(UpdateAgentRuntimeRequest.Builder.class, "metadataConfiguration"))
                .as(DROP_IT, "UpdateAgentRuntimeRequest").isEmpty();
        assertThat(wireNames(UpdateAgentRuntimeRequest.builder())).as(DROP_IT, "UpdateAgentRuntimeRequest")
                .doesNotContain("metadataConfiguration")
                .contains("roleArn", "agentRuntimeArtifact");
    }

    @Test
    void getAgentRuntimeResponseHasNoMetadataConfiguration() {
        assertThat(methodsNamed(GetAgentRuntimeResponse.class, "metadataConfiguration"))
                .as(DROP_IT, "GetAgentRuntimeResponse").isEmpty();
        assertThat(wireNames(GetAgentRuntimeResponse.builder())).as(DROP_IT, "GetAgentRuntimeResponse")
                .doesNotContain("metadataConfiguration")
                .contains("agentRuntimeId", "lifecycleConfiguration");
    }

    @Test
    void createAgentRuntimeTakesNoneInTheServiceModelEither() {
        // Not an SDK gap: the service model has no metadataConfiguration on CreateAgentRuntime (ServiceModelTest).
        assertThat(wireNames(CreateAgentRuntimeRequest.builder())).doesNotContain("metadataConfiguration");
    }

    private static java.util.List<Method> methodsNamed(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
    }

    private static java.util.List<String> wireNames(SdkPojo pojo) {
        return pojo.sdkFields().stream().map(SdkField::locationName).toList();
    }
}
