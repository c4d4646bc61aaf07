package dev.agentcore.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.agentcore.core.arn.AgentCoreArns;
import dev.agentcore.local.control.Provisioner;

/**
 * How to start a local AgentCore. Build one with {@link #builder()}.
 *
 * @param host              the address to bind (loopback by default: it is for this machine's clients)
 * @param port              0 picks a free port
 * @param stateDirectory    where the control plane keeps its state across restarts; empty keeps it in memory
 * @param provisioningDelay how long CREATING, UPDATING and DELETING last
 * @param provisioner       turns new versions READY or failed (the runner plugs in here)
 * @param services          further parts served on the same port (data plane, token endpoint)
 */
public record LocalAgentCoreConfig(String host, int port, String region, String accountId,
                                   Optional<Path> stateDirectory, Duration provisioningDelay, InstantSource clock,
                                   Provisioner provisioner, List<LocalService> services, PrintStream log) {

    public static final String DEFAULT_REGION = "us-east-1";
    /** moto's default account, so ARNs here and role ARNs in the local AWS agree. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final Duration DEFAULT_PROVISIONING_DELAY = Duration.ofMillis(500);

    public LocalAgentCoreConfig {
        services = List.copyOf(services);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 0 (any free port) to 65535");
        }
        if (!AgentCoreArns.isRegion(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not a region name like us-east-1");
        }
        if (!AgentCoreArns.isAccountId(accountId)) {
            throw new IllegalArgumentException("account id '" + accountId + "' is not 12 digits");
        }
        if (provisioningDelay.isNegative()) {
            throw new IllegalArgumentException("provisioning delay " + provisioningDelay + " is negative");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change some of it. */
    public Builder toBuilder() {
        Builder b = new Builder().host(host).port(port).region(region).accountId(accountId)
                .stateDirectory(stateDirectory.orElse(null)).provisioningDelay(provisioningDelay).clock(clock)
                .provisioner(provisioner).log(log);
        services.forEach(b::service);
        return b;
    }

    /** Defaults: 127.0.0.1, a free port, us-east-1, 123456789012, in memory, 500 ms, the system clock. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private Path stateDirectory;
        private Duration provisioningDelay = DEFAULT_PROVISIONING_DELAY;
        private InstantSource clock = InstantSource.system();
        private Provisioner provisioner = Provisioner.ACCEPT_ALL;
        private final List<LocalService> services = new ArrayList<>();
        private PrintStream log = System.err;

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder stateDirectory(Path value) {
            stateDirectory = value;
            return this;
        }

        public Builder provisioningDelay(Duration value) {
            provisioningDelay = value;
            return this;
        }

        public Builder clock(InstantSource value) {
            clock = value;
            return this;
        }

        public Builder provisioner(Provisioner value) {
            provisioner = value;
            return this;
        }

        public Builder service(LocalService value) {
            services.add(value);
            return this;
        }

        public Builder log(PrintStream value) {
            log = value;
            return this;
        }

        public LocalAgentCoreConfig build() {
            return new LocalAgentCoreConfig(host, port, region, accountId, Optional.ofNullable(stateDirectory),
                    provisioningDelay, clock, provisioner, services, log);
        }
    }
}
