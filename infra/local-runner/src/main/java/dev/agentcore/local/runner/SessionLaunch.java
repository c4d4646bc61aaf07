package dev.agentcore.local.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the data plane knows about a runtime version when it needs a session of it.
 *
 * @param containerUri the version's {@code containerConfiguration.containerUri}
 * @param protocol its {@code serverProtocol}
 * @param environmentVariables its {@code environmentVariables}
 * @param lifecycle its {@code lifecycleConfiguration}
 * @param region the region the service runs in ({@code AWS_REGION} in the session)
 * @param credentials the execution role's credentials, when the caller obtained them
 */
public record SessionLaunch(String containerUri, ServerProtocol protocol, Map<String, String> environmentVariables,
        Lifecycle lifecycle, String region, Optional<AwsCredentials> credentials) {

    public SessionLaunch {
        Objects.requireNonNull(containerUri, "containerUri");
        Objects.requireNonNull(protocol, "protocol");
        environmentVariables = Map.copyOf(environmentVariables);
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    public static Builder builder(String containerUri, ServerProtocol protocol) {
        return new Builder(containerUri, protocol);
    }

    public static final class Builder {
        private final String containerUri;
        private final ServerProtocol protocol;
        private final Map<String, String> environmentVariables = new LinkedHashMap<>();
        private Lifecycle lifecycle = Lifecycle.DEFAULT;
        private String region = "us-east-1";
        private AwsCredentials credentials;

        private Builder(String containerUri, ServerProtocol protocol) {
            this.containerUri = containerUri;
            this.protocol = protocol;
        }

        public Builder environmentVariables(Map<String, String> variables) {
            environmentVariables.putAll(variables);
            return this;
        }

        public Builder environmentVariable(String name, String value) {
            environmentVariables.put(name, value);
            return this;
        }

        public Builder lifecycle(Lifecycle value) {
            lifecycle = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder credentials(AwsCredentials value) {
            credentials = value;
            return this;
        }

        public SessionLaunch build() {
            return new SessionLaunch(containerUri, protocol, environmentVariables, lifecycle, region,
                    Optional.ofNullable(credentials));
        }
    }
}
