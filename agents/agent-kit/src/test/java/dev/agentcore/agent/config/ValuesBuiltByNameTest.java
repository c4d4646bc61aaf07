package dev.agentcore.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.agent.model.ModelException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelSettings} and {@link ModelException} are built by name (builders, named factories), as AWS SDK
 * values are: a public constructor with a row of positional, mostly null arguments is how a model id ends
 * up in the region's place.
 */
class ValuesBuiltByNameTest {

    @Test
    void neitherHasAPublicConstructor() {
        for (Class<?> type : new Class<?>[] {ModelSettings.class, ModelException.class}) {
            assertThat(Arrays.stream(type.getDeclaredConstructors()).filter(c -> Modifier.isPublic(c.getModifiers()))
                    .map(Constructor::toString)).as(type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void modelSettingsRoundTripThroughTheirBuilder() {
        ModelSettings settings = ModelSettings.builder().provider(ModelProvider.BEDROCK).modelId("m").region("eu-west-1")
                .endpointOverride("http://127.0.0.1:1").maxTokens(100).temperature(0.2).build();

        assertThat(settings.provider()).isEqualTo("bedrock");
        assertThat(settings.baseUrl()).isNull();
        assertThat(settings.toBuilder().build()).isEqualTo(settings).hasSameHashCodeAs(settings);
        assertThat(settings.toBuilder().region("us-east-1").build().region()).isEqualTo("us-east-1");
        assertThat(ModelSettings.openAi("http://x:1", "llama3.2", null))
                .isEqualTo(ModelSettings.builder().provider("openai").baseUrl("http://x:1").modelId("llama3.2").build());
    }

    @Test
    void aModelExceptionSaysOnlyWhatItWasGiven() {
        IllegalStateException cause = new IllegalStateException("root");
        ModelException throttled = ModelException.builder().message("slow down").modelId("m")
                .errorCode("ThrottlingException").requestId("r-1").statusCode(429).cause(cause).build();
        ModelException bare = ModelException.builder().message("broken stream").build();

        assertThat(throttled).hasMessage("slow down").hasCause(cause);
        assertThat(throttled.throttled()).isTrue();
        assertThat(throttled.requestId()).isEqualTo("r-1");
        assertThat(bare.modelId()).isNull();
        assertThat(bare.statusCode()).isZero();
        assertThat(bare.contextWindowOverflow()).isFalse();
        assertThat(bare.throttled()).isFalse();
        ModelException copy = throttled.toBuilder().contextWindowOverflow(true).build();
        assertThat(copy.contextWindowOverflow()).isTrue();
        assertThat(copy.errorCode()).isEqualTo("ThrottlingException");
        assertThat(copy).hasCause(cause);
    }
}
