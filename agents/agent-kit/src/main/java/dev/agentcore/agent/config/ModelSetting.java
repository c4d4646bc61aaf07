package dev.agentcore.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each model setting by its three names: the {@link ModelSettings} field ({@code modelId}), the configuration
 * property the Spring starter binds ({@code agent.model.model-id}) and the environment variables that set it
 * ({@code AGENT_MODEL_MODEL_ID}, ...). The one list of these names: {@link ModelEnvironment} reads the variables,
 * the Spring starter binds the properties, and both rename the kit's messages, which quote a setting by its field
 * name ({@code 'baseUrl'}), into the names their users set.
 */
public enum ModelSetting {
    PROVIDER("provider"),
    MODEL_ID("modelId"),
    REGION("region"),
    BASE_URL("baseUrl"),
    API_KEY("apiKey"),
    ENDPOINT_OVERRIDE("endpointOverride"),
    MAX_TOKENS("maxTokens"),
    TEMPERATURE("temperature");

    /** The properties' common prefix, without its dot (a constant, so that an annotation can name it). */
    public static final String PROPERTY_PREFIX = "agent.model";

    private static final Map<String, ModelSetting> BY_FIELD = new LinkedHashMap<>();

    static {
        for (ModelSetting setting : values()) {
            BY_FIELD.put(setting.field, setting);
        }
    }

    // A setting quoted by its field name, as the kit's messages write it.
    private static final Pattern QUOTED = Pattern.compile("'(" + String.join("|", BY_FIELD.keySet()) + ")'");

    private final String field;
    private final String property;
    private final String environmentVariable;
    private final List<String> environmentVariables;

    ModelSetting(String field) {
        this.field = field;
        String kebab = field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        this.property = PROPERTY_PREFIX + "." + kebab;
        String underscores = property.replace('.', '_').replace('-', '_');
        this.environmentVariable = underscores.toUpperCase(Locale.ROOT);
        this.environmentVariables = springEnvironmentNames(underscores, property.replace('.', '_').replace("-", ""));
    }

    /** The {@link ModelSettings} field, as the kit's messages quote it: {@code modelId}. */
    public String field() {
        return field;
    }

    /** The configuration property: {@code agent.model.model-id}. */
    public String property() {
        return property;
    }

    /** The environment variable to document and to name in messages: {@code AGENT_MODEL_MODEL_ID}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /**
     * Every environment variable that sets this setting, the first set one winning: the names Spring Boot's relaxed
     * binding reads for the property, in the order it prefers them when several are set (measured on Spring Boot 4:
     * {@code AGENT_MODEL_MODELID}, {@code AGENT_MODEL_MODEL_ID}, {@code agent_model_modelid},
     * {@code agent_model_model_id}), so that a variable means the same to an agent without Spring as to a Spring one.
     * Spring also reads names with dots or dashes ({@code agent.model.model-id}), which no shell can export; those
     * are not listed.
     */
    public List<String> environmentVariables() {
        return environmentVariables;
    }

    /** {@code message} with each quoted setting ({@code 'baseUrl'}) replaced by {@code name} of that setting. */
    public static String renameIn(String message, Function<ModelSetting, String> name) {
        Matcher quoted = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(out, Matcher.quoteReplacement(name.apply(BY_FIELD.get(quoted.group(1)))));
        }
        return quoted.appendTail(out).toString();
    }

    // Upper case before lower case, and in each the legacy form without the dashes before the underscored one; a name
    // already listed (a setting without a dash has one form) is not repeated.
    private static List<String> springEnvironmentNames(String underscores, String legacy) {
        List<String> names = new ArrayList<>(4);
        for (String name : List.of(legacy.toUpperCase(Locale.ROOT), underscores.toUpperCase(Locale.ROOT), legacy, underscores)) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
