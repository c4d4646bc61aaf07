package dev.agentcore.infra.stacks;

import dev.agentcore.core.runtime.Qualifier;
import java.util.Locale;
import java.util.Optional;

/**
 * Template parameters whose value is a runtime's entry in {@code runtimes.json}: a per-runtime (or per-endpoint) stack
 * whose template declares one of these names gets it from the manifest, and from nowhere else. This is how every name
 * an IAM grant is scoped by comes from one place.
 */
public enum RuntimeParameter {
    RUNTIME_NAME("RuntimeName", "name"),
    PROTOCOL("Protocol", "protocol"),
    AUTH("Auth", "auth"),
    /** The inference profile id, or empty for a runtime that calls no model (its role then gets no model grant). */
    MODEL_ID("ModelId", "model"),
    /** The image's repository name: the runtime name in lower case, hyphens for underscores. */
    IMAGE_NAME("ImageName", "name"),
    ENDPOINT_NAME("EndpointName", "endpoints"),
    ENDPOINT_VERSION("EndpointVersion", "endpoints");

    private final String parameter;
    private final String field;

    RuntimeParameter(String parameter, String field) {
        this.parameter = parameter;
        this.field = field;
    }

    /** The template parameter's name. */
    public String parameter() {
        return parameter;
    }

    /** The field of the runtime's entry in runtimes.json the value comes from. */
    public String field() {
        return field;
    }

    /** The value for a stack of {@code runtime} (and {@code endpoint}, for per-endpoint stacks); empty if none applies. */
    public Optional<String> value(RuntimeSpec runtime, Optional<Qualifier> endpoint) {
        return switch (this) {
            case RUNTIME_NAME -> Optional.of(runtime.name().value());
            case PROTOCOL -> Optional.of(runtime.protocol().wireName());
            case AUTH -> Optional.of(runtime.auth().name());
            case MODEL_ID -> Optional.of(runtime.model().orElse(""));
            case IMAGE_NAME -> Optional.of(slug(runtime.name().value()));
            case ENDPOINT_NAME -> endpoint.map(Qualifier::value);
            case ENDPOINT_VERSION -> endpoint.map(e -> String.valueOf(runtime.endpoints().get(e)));
        };
    }

    public static Optional<RuntimeParameter> named(String parameter) {
        for (RuntimeParameter p : values()) {
            if (p.parameter.equals(parameter)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A runtime or endpoint name as CloudFormation stack names and ECR repositories take it: {@code fitness_mcp_server}
     * becomes {@code fitness-mcp-server} (stack names allow no underscore, repository names no capital).
     */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
