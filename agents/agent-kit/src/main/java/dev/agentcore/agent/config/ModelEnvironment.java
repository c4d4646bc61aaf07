package dev.agentcore.agent.config;

import dev.agentcore.agent.model.Model;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Model settings from environment variables, for an agent without Spring: the variables the Spring starter's
 * {@code agent.model.*} properties are bound from, with the same meaning ({@code AGENT_MODEL_PROVIDER},
 * {@code AGENT_MODEL_MODEL_ID}, ...; {@link ModelSetting} lists them and the spellings Spring also accepts).
 *
 * <pre>{@code
 * Model model = ModelEnvironment.of(System.getenv()).model();
 * }</pre>
 *
 * Nothing is defaulted here: an unset variable is an unset setting, and {@link ModelFactory} decides as it does for
 * the starter (the provider from the other settings, Bedrock's default model id, the SDK's region chain). A variable
 * set to an empty value is set, as Spring binds it: an empty string, an absent number. Every refusal is a
 * {@link ModelSettingsException} naming the variable.
 */
public final class ModelEnvironment {

    private static final System.Logger log = System.getLogger(ModelEnvironment.class.getName());

    private final ModelSettings settings;
    private final Map<ModelSetting, String> variables;

    private ModelEnvironment(ModelSettings settings, Map<ModelSetting, String> variables) {
        this.settings = settings;
        this.variables = variables;
    }

    /**
     * Reads the settings from {@code environment} ({@code System.getenv()}, or a map in tests).
     *
     * @throws ModelSettingsException when a number setting is not a number, naming its variable
     */
    public static ModelEnvironment of(Map<String, String> environment) {
        Map<ModelSetting, String> variables = new EnumMap<>(ModelSetting.class);
        Map<ModelSetting, String> values = new EnumMap<>(ModelSetting.class);
        for (ModelSetting setting : ModelSetting.values()) {
            for (String variable : setting.environmentVariables()) {
                String value = environment.get(variable);
                if (value != null) {
                    variables.put(setting, variable);
                    values.put(setting, value);
                    break;
                }
            }
        }
        ModelSettings settings = ModelSettings.builder()
                .provider(values.get(ModelSetting.PROVIDER))
                .modelId(values.get(ModelSetting.MODEL_ID))
                .region(values.get(ModelSetting.REGION))
                .baseUrl(values.get(ModelSetting.BASE_URL))
                .apiKey(values.get(ModelSetting.API_KEY))
                .endpointOverride(values.get(ModelSetting.ENDPOINT_OVERRIDE))
                .maxTokens(wholeNumber(variables.get(ModelSetting.MAX_TOKENS), values.get(ModelSetting.MAX_TOKENS)))
                .temperature(number(variables.get(ModelSetting.TEMPERATURE), values.get(ModelSetting.TEMPERATURE)))
                .build();
        return new ModelEnvironment(settings, variables);
    }

    /** The settings read; an unset one is null. */
    public ModelSettings settings() {
        return settings;
    }

    /** The variable {@code setting} was read from; for an unset setting, the one to set. */
    public String variable(ModelSetting setting) {
        return variables.getOrDefault(setting, setting.environmentVariable());
    }

    /**
     * The model these settings ask for, as {@link ModelFactory#create} builds it; logs which one, as the starter does.
     *
     * @throws ModelSettingsException when no model is configured or a setting is missing or wrong, naming the
     *                                variables to set
     */
    public Model model() {
        Model model;
        try {
            model = ModelFactory.create(settings);
        } catch (IllegalArgumentException e) {
            throw new ModelSettingsException(ModelSetting.renameIn(e.getMessage(), this::variable),
                    e instanceof ModelNotConfiguredException, e);
        }
        log.log(System.Logger.Level.INFO, ModelFactory.startupLine(settings, model));
        return model;
    }

    private static Integer wholeNumber(String variable, String value) {
        return parsed(variable, value, Integer::valueOf, "a whole number");
    }

    private static Double number(String variable, String value) {
        return parsed(variable, value, Double::valueOf, "a number such as 0.7");
    }

    /** Absent when unset or empty, as Spring binds an empty number; otherwise parsed, or refused naming the variable. */
    private static <T> T parsed(String variable, String value, Function<String, T> parse, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new ModelSettingsException(variable + " must be " + expected + ", was '" + value + "'", false, e);
        }
    }
}
