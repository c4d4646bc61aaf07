package dev.agentcore.local.hosting;

import java.util.Optional;

import dev.agentcore.core.runtime.RuntimeId;
import dev.agentcore.local.control.Provisioner;
import dev.agentcore.local.control.RuntimeVersion;
import dev.agentcore.local.runner.RunnerException;
import dev.agentcore.local.runner.SessionKey;
import dev.agentcore.local.runner.SessionPool;

/**
 * CreateAgentRuntime's and UpdateAgentRuntime's image check, as AgentCore makes it when it pulls the image: the
 * version's {@code containerUri} must name an image in the local image store, and that image must be arm64; otherwise
 * the version becomes CREATE_FAILED or UPDATE_FAILED with the reason. A deleted runtime's sessions are stopped.
 */
public final class RunnerProvisioner implements Provisioner {

    private final SessionPool pool;

    public RunnerProvisioner(SessionPool pool) {
        this.pool = pool;
    }

    @Override
    public Optional<String> provision(RuntimeId runtime, RuntimeVersion version) {
        String uri = version.configuration().containerUri();
        try {
            pool.inspect(uri).requireArm64(uri);
            return Optional.empty();
        } catch (RunnerException.ArchitectureIncompatible e) {
            // The service's own text (local-runner quotes it).
            return Optional.of(e.getMessage());
        } catch (RunnerException.ImageUnavailable e) {
            // AWS's text for an image missing from ECR is not known; this one names the URI and how to push it.
            return Optional.of("The specified image '" + uri + "' was not found in the local image store: push it"
                    + " (local-agentcore push-image URI TAR) or start the service with --image URI=TAR ("
                    + e.getMessage() + ")");
        } catch (RunnerException e) {
            return Optional.of("The image '" + uri + "' cannot be run locally: " + e.getMessage());
        }
    }

    @Override
    public void retire(RuntimeId runtime) {
        for (SessionKey key : pool.sessions()) {
            if (key.runtimeId().equals(runtime.value())) {
                pool.stop(key);
            }
        }
    }
}
