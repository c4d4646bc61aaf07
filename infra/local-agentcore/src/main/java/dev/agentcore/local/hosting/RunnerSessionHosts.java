package dev.agentcore.local.hosting;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.RuntimeConfiguration;
import dev.agentcore.local.control.RuntimeVersion;
import dev.agentcore.local.data.ContainerAddress;
import dev.agentcore.local.data.SessionHost;
import dev.agentcore.local.data.SessionHostException;
import dev.agentcore.local.data.SessionHostException.Failure;
import dev.agentcore.local.data.SessionHosts;
import dev.agentcore.local.runner.AwsCredentials;
import dev.agentcore.local.runner.Lifecycle;
import dev.agentcore.local.runner.RunnerException;
import dev.agentcore.local.runner.ServerProtocol;
import dev.agentcore.local.runner.SessionKey;
import dev.agentcore.local.runner.SessionLaunch;
import dev.agentcore.local.runner.SessionLease;
import dev.agentcore.local.runner.SessionPool;

/**
 * The data plane's sessions on local-runner's {@link SessionPool}: one process per (runtime, version, session), as
 * AgentCore runs one microVM per session, with the version's environment variables, lifecycle and protocol, the
 * service's region, and credentials for the execution role.
 */
public final class RunnerSessionHosts implements SessionHosts {

    private final SessionPool pool;
    private final String region;
    private final ExecutionRoleCredentials credentials;
    private final Supplier<Map<String, String>> serviceEnvironment;

    public RunnerSessionHosts(SessionPool pool, String region, ExecutionRoleCredentials credentials) {
        this(pool, region, credentials, Map::of);
    }

    /**
     * @param serviceEnvironment what AgentCore adds to every session's environment besides the region and the
     *                           credentials (the AWS gateway's {@code AWS_ENDPOINT_URL}, the local AgentCore's
     *                           endpoint); read at each session's start, since the endpoints are known once serving
     */
    public RunnerSessionHosts(SessionPool pool, String region, ExecutionRoleCredentials credentials,
                              Supplier<Map<String, String>> serviceEnvironment) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.region = Objects.requireNonNull(region, "region");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.serviceEnvironment = Objects.requireNonNull(serviceEnvironment, "serviceEnvironment");
    }

    @Override
    public SessionHost hostFor(AgentRuntime runtime, RuntimeVersion version, SessionId session)
            throws SessionHostException {
        RuntimeConfiguration configuration = version.configuration();
        SessionKey key = new SessionKey(runtime.id().value(), version.wireNumber(), session.value());
        SessionLaunch.Builder launch = SessionLaunch.builder(configuration.containerUri(), protocol(configuration))
                .environmentVariables(configuration.environmentVariables())
                .environmentVariables(serviceEnvironment.get())
                .lifecycle(new Lifecycle(positive(configuration.idleRuntimeSessionTimeout()),
                        positive(configuration.maxLifetime())))
                .region(region);
        // Credentials only for a session that does not run yet: a running one keeps its own (and an AssumeRole per
        // invocation would pile up STS sessions).
        if (!pool.sessions().contains(key)) {
            launch.credentials(credentialsFor(runtime, configuration, session));
        }
        try {
            SessionLease lease = pool.acquire(key, launch.build());
            String host = lease.endpoint().getHost();
            return SessionHost.leased(ContainerAddress.of(host, lease.port()), lease::close);
        } catch (RunnerException e) {
            throw new SessionHostException(failureOf(e), e.getMessage() + logTail(e), e);
        }
    }

    private AwsCredentials credentialsFor(AgentRuntime runtime, RuntimeConfiguration configuration, SessionId session)
            throws SessionHostException {
        try {
            return credentials.forSession(new ExecutionRoleCredentials.Request(configuration.roleArn(), runtime.arn(),
                    session, positive(configuration.maxLifetime())));
        } catch (ExecutionRoleRefusedException e) {
            throw new SessionHostException(Failure.EXECUTION_ROLE_REFUSED, e.getMessage(), e);
        } catch (RuntimeException e) {
            // The local AWS's STS or IAM did not answer: not the runtime's fault.
            throw new SessionHostException(Failure.HOST_FAILURE, "cannot get credentials for the execution role "
                    + configuration.roleArn() + ": " + e.getMessage(), e);
        }
    }

    /** Each runner refusal as the data plane's failure, so the caller gets the service's matching error. */
    static Failure failureOf(RunnerException e) {
        return switch (e) {
            case RunnerException.InitializationTimeout t -> Failure.INITIALIZATION_TIMEOUT;
            case RunnerException.ExitedEarly x -> Failure.START_FAILED;
            case RunnerException.SessionLimitReached l -> Failure.SESSION_LIMIT_REACHED;
            case RunnerException.ArchitectureIncompatible a -> Failure.IMAGE_UNUSABLE;
            case RunnerException.ImageUnavailable u -> Failure.IMAGE_UNUSABLE;
            case RunnerException.UnsafeLayerEntry u -> Failure.IMAGE_UNUSABLE;
            case RunnerException.UnsupportedEntrypoint u -> Failure.IMAGE_UNUSABLE;
            case RunnerException.NoHostJdk j -> Failure.HOST_FAILURE;
            case RunnerException.StartFailed s -> Failure.HOST_FAILURE;
        };
    }

    /** The end of the session's log, for the local service's log (never the caller's answer). */
    private static String logTail(RunnerException e) {
        String tail = switch (e) {
            case RunnerException.InitializationTimeout t -> t.logTail();
            case RunnerException.ExitedEarly x -> x.logTail();
            default -> "";
        };
        return tail == null || tail.isBlank() ? "" : "; the session's log ends with:\n" + tail.strip();
    }

    @Override
    public boolean stop(AgentRuntime runtime, SessionId session) {
        boolean stopped = false;
        for (SessionKey key : pool.sessions()) {
            if (key.runtimeId().equals(runtime.id().value()) && key.sessionId().equals(session.value())) {
                stopped |= pool.stop(key);
            }
        }
        return stopped;
    }

    private static ServerProtocol protocol(RuntimeConfiguration configuration) throws SessionHostException {
        return switch (configuration.serverProtocol()) {
            case HTTP -> ServerProtocol.HTTP;
            case MCP -> ServerProtocol.MCP;
            // The control plane refuses them at Create/Update; a runtime from an old state file could still hold one.
            case A2A, AGUI -> throw new SessionHostException(Failure.IMAGE_UNUSABLE, "protocol "
                    + configuration.serverProtocol().wireName() + " is not served by the local runner");
        };
    }

    private static Duration positive(Duration value) {
        return value.isZero() || value.isNegative() ? Duration.ofSeconds(1) : value;
    }
}
