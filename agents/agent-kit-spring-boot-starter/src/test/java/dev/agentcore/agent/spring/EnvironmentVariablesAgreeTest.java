package dev.agentcore.agent.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.agent.config.ModelEnvironment;
import dev.agentcore.agent.config.ModelSetting;
import dev.agentcore.agent.config.ModelSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A variable means the same to an agent without Spring ({@link ModelEnvironment}) as to this starter: the same
 * process environment, bound by Spring Boot's own relaxed binding into {@link AgentModelProperties} and read by the
 * kit's reader, gives the same {@link ModelSettings}, for every setting and every spelling Spring accepts.
 */
class EnvironmentVariablesAgreeTest {

    private static final Map<ModelSetting, String> VALUES = Map.of(
            ModelSetting.PROVIDER, "openai", ModelSetting.MODEL_ID, "llama3.2", ModelSetting.REGION, "eu-west-1",
            ModelSetting.BASE_URL, "http://127.0.0.1:11434/v1", ModelSetting.API_KEY, "sk-key",
            ModelSetting.ENDPOINT_OVERRIDE, "http://127.0.0.1:1", ModelSetting.MAX_TOKENS, "512",
            ModelSetting.TEMPERATURE, "0.25");

    @Test
    void everySpellingOfEverySettingBindsAsSpringBindsIt() {
        for (ModelSetting setting : ModelSetting.values()) {
            for (String variable : setting.environmentVariables()) {
                Map<String, String> environment = Map.of(variable, VALUES.get(setting));
                assertThat(ModelEnvironment.of(environment).settings()).as(variable).isEqualTo(springBinds(environment));
                assertThat(ModelEnvironment.of(environment).settings()).as(variable)
                        .isNotEqualTo(ModelSettings.builder().build());
            }
        }
    }

    @Test
    void allSettingsTogetherAndTheOrderOfSpellingsAgree() {
        Map<String, String> all = new LinkedHashMap<>();
        VALUES.forEach((setting, value) -> all.put(setting.environmentVariable(), value));
        assertThat(ModelEnvironment.of(all).settings()).isEqualTo(springBinds(all));

        // Two spellings of one setting, each pair in both orders of the map: the same one wins for both.
        for (ModelSetting setting : ModelSetting.values()) {
            String other = setting == ModelSetting.MAX_TOKENS ? "7" : setting == ModelSetting.TEMPERATURE ? "0.5" : "other";
            for (String first : setting.environmentVariables()) {
                for (String second : setting.environmentVariables()) {
                    if (!first.equals(second)) {
                        Map<String, String> both = new LinkedHashMap<>();
                        both.put(first, VALUES.get(setting));
                        both.put(second, other);
                        assertThat(ModelEnvironment.of(both).settings()).as(both.toString()).isEqualTo(springBinds(both));
                    }
                }
            }
        }
    }

    @Test
    void emptyAndPaddedValuesAgree() {
        for (Map<String, String> environment : List.of(Map.of("AGENT_MODEL_MAX_TOKENS", "", "AGENT_MODEL_REGION", ""),
                Map.of("AGENT_MODEL_MAX_TOKENS", " 64 ", "AGENT_MODEL_TEMPERATURE", " 0.5", "AGENT_MODEL_PROVIDER", " offline "),
                Map.of("AGENT_MODEL_PROVIDER", ""))) {
            assertThat(ModelEnvironment.of(environment).settings()).as(environment.toString())
                    .isEqualTo(springBinds(environment));
        }
    }

    /** What the starter gets from this process environment: Spring Boot's binder over its system environment source. */
    private static ModelSettings springBinds(Map<String, String> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new LinkedHashMap<>(environment)));
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        ConfigurationPropertySources.attach(spring);
        return Binder.get(spring).bindOrCreate(ModelSetting.PROPERTY_PREFIX, AgentModelProperties.class).toSettings();
    }
}
