package dev.agentcore.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.agentcore.core.arn.AgentCoreArns;
import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.local.auth.CredentialsDirectory;
import dev.agentcore.local.auth.InMemoryCredentialsDirectory;
import dev.agentcore.local.auth.SigningCredentials;
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
 * @param credentials       the access keys whose SigV4 signatures the front door verifies, with their secrets and
 *                          principals; default: the static pair ({@value #STATIC_ACCESS_KEY}/{@value #STATIC_SECRET_KEY},
 *                          the {@linkplain #defaultCaller default caller})
 * @param iamCache          how long a principal's policies read from the local AWS's IAM are reused
 *                          ({@link dev.agentcore.local.data.CachingIamDirectory}); zero reads IAM on every request
 */
public record LocalAgentCoreConfig(String host, int port, String region, String accountId,
                                   Optional<Path> stateDirectory, Duration provisioningDelay, InstantSource clock,
                                   Provisioner provisioner, List<LocalService> services, PrintStream log,
                                   CredentialsDirectory credentials, Duration iamCache) {

    public static final String DEFAULT_REGION = "us-east-1";
    /** moto's default account, so ARNs here and role ARNs in the local AWS agree. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final Duration DEFAULT_PROVISIONING_DELAY = Duration.ofMillis(500);
    /**
     * The local stack's static access key and its secret: what its scripts, tests and docs sign with. Not a secret:
     * the stack is for this machine, and moto never issues this pair, so it cannot clash with a key moto made.
     */
    public static final String STATIC_ACCESS_KEY = "local";
    public static final String STATIC_SECRET_KEY = "local";

    public LocalAgentCoreConfig {
        services = List.copyOf(services);
        java.util.Objects.requireNonNull(credentials, "credentials");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 0 (any free port) to 65535");
        }
        if (!AgentCoreArns.isRegion(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not a region name like us-east-1");
        }
        if (!AgentCoreArns.isAccountId(accountId)) {
            throw new IllegalArgumentException("account id '" + accountId + "' is not 12 digits");
        }
        if (iamCache.isNegative()) {
            throw new IllegalArgumentException("IAM cache time " + iamCache + " is negative");
        }
        if (provisioningDelay.isNegative()) {
            throw new IllegalArgumentException("provisioning delay " + provisioningDelay + " is negative");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code arn:aws:iam::ACCOUNT:user/local}: who signs with the {@linkplain #staticPair static pair}. */
    public static PrincipalArn defaultCaller(String accountId) {
        return PrincipalArn.parse("arn:aws:iam::" + accountId + ":user/local").orElseThrow();
    }

    /** The static pair as the front door knows it: {@code local}/{@code local}, the default caller of the account. */
    public static SigningCredentials staticPair(String accountId) {
        return SigningCredentials.longTerm(STATIC_ACCESS_KEY, STATIC_SECRET_KEY, defaultCaller(accountId));
    }

    /** A builder holding this configuration, to change some of it. */
    public Builder toBuilder() {
        Builder b = new Builder().host(host).port(port).region(region).accountId(accountId)
                .stateDirectory(stateDirectory.orElse(null)).provisioningDelay(provisioningDelay).clock(clock)
                .provisioner(provisioner).log(log).credentials(credentials).iamCache(iamCache);
        services.forEach(b::service);
        return b;
    }

    /**
     * Defaults: 127.0.0.1, a free port, us-east-1, 123456789012, in memory, 500 ms, the system clock, the static
     * pair as the only key, and IAM policies reused for 5 s.
     */
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
        private CredentialsDirectory credentials;
        private Duration iamCache = dev.agentcore.local.data.CachingIamDirectory.DEFAULT_TIME_TO_LIVE;

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

        /**
         * Where the front door learns the secrets of the keys it verifies (replacing the static pair: chain it with
         * {@link CredentialsDirectory#orElse} to keep it).
         */
        public Builder credentials(CredentialsDirectory value) {
            credentials = value;
            return this;
        }

        /**
         * How long a principal's policies read from the local AWS's IAM are reused; {@link Duration#ZERO} reads them on
         * every request (tests that change a policy and expect the very next request to see it).
         */
        public Builder iamCache(Duration value) {
            iamCache = value;
            return this;
        }

        public LocalAgentCoreConfig build() {
            // Built here, not at declaration: the default caller is of the account set last (an account id that is
            // not one is refused by the constructor, with its own message).
            CredentialsDirectory keys = credentials != null ? credentials
                    : !AgentCoreArns.isAccountId(accountId) ? CredentialsDirectory.none()
                    : new InMemoryCredentialsDirectory().register(staticPair(accountId));
            return new LocalAgentCoreConfig(host, port, region, accountId, Optional.ofNullable(stateDirectory),
                    provisioningDelay, clock, provisioner, services, log, keys, iamCache);
        }
    }
}
