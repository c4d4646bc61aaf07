package dev.agentcore.client.runtime;

/**
 * Where the URL a call goes to came from, so a connection error can name the setting to fix. Decisions (is this an
 * override the SDK must be given?) are made on the type; {@link #text()} is for reports only.
 */
public sealed interface EndpointOrigin {

    /** How reports name it: "--endpoint-url", "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", "the default for region us-east-1". */
    String text();

    /** True when the URL replaces the region's data plane (a flag, an environment variable, a local container). */
    default boolean isOverride() {
        return !(this instanceof RegionDefault);
    }

    /** https://bedrock-agentcore.{region}.amazonaws.com, derived from the runtime's ARN. */
    record RegionDefault(String region) implements EndpointOrigin {
        @Override
        public String text() {
            return "the default for region " + region;
        }
    }

    /** A command-line flag such as {@code --endpoint-url} or {@code --local}. */
    record Flag(String name) implements EndpointOrigin {
        @Override
        public String text() {
            return name;
        }
    }

    /** An environment variable such as {@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE}. */
    record EnvironmentVariable(String name) implements EndpointOrigin {
        @Override
        public String text() {
            return name;
        }
    }

    /** Set in code by a library user. */
    record Configured(String description) implements EndpointOrigin {
        @Override
        public String text() {
            return description;
        }
    }

    static EndpointOrigin flag(String name) {
        return new Flag(name);
    }

    static EndpointOrigin environmentVariable(String name) {
        return new EnvironmentVariable(name);
    }
}
