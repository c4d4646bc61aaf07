package dev.agentcore.sdk.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MetadataConfigurationInterceptorTest {

    static String splice(String body) {
        return new String(MetadataConfigurationInterceptor.withMember(body.getBytes(StandardCharsets.UTF_8),
                "metadataConfiguration", RuntimeMetadataConfiguration.REQUIRE_MMDS_V2.toJson()), StandardCharsets.UTF_8);
    }

    @Test
    void addsTheMemberFirstAndKeepsTheSdksBytes() {
        assertThat(splice("{\"roleArn\":\"r\",\"n\":1.50}"))
                .isEqualTo("{\"metadataConfiguration\":{\"requireMMDSV2\":true},\"roleArn\":\"r\",\"n\":1.50}");
    }

    @Test
    void anEmptyOrMissingBodyBecomesAnObjectWithTheMemberOnly() {
        assertThat(splice("{}")).isEqualTo("{\"metadataConfiguration\":{\"requireMMDSV2\":true}}");
        assertThat(splice(" { } ")).isEqualTo(" {\"metadataConfiguration\":{\"requireMMDSV2\":true} } ");
        assertThat(splice("")).isEqualTo("{\"metadataConfiguration\":{\"requireMMDSV2\":true}}");
    }

    @Test
    void aBodyThatAlreadyHasTheMemberMeansTheSdkModelsItNow() {
        assertThatThrownBy(() -> splice("{\"metadataConfiguration\":{\"requireMMDSV2\":false}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("drop agentcore-sdk's MetadataConfigurationInterceptor");
    }

    @Test
    void refusesABodyThatIsNoObject() {
        assertThatThrownBy(() -> splice("[1,2]")).isInstanceOf(IllegalStateException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void readsTheFlagBack() {
        var parser = software.amazon.awssdk.protocols.jsoncore.JsonNode.parser();
        assertThat(RuntimeMetadataConfiguration.fromJson(parser.parse("{\"requireMMDSV2\":true}")))
                .contains(RuntimeMetadataConfiguration.REQUIRE_MMDS_V2);
        assertThat(RuntimeMetadataConfiguration.fromJson(parser.parse("{\"requireMMDSV2\":false}")))
                .contains(new RuntimeMetadataConfiguration(false));
        assertThat(RuntimeMetadataConfiguration.fromJson(parser.parse("{}"))).isEmpty();
        assertThat(RuntimeMetadataConfiguration.fromJson(parser.parse("\"x\""))).isEmpty();
    }
}
