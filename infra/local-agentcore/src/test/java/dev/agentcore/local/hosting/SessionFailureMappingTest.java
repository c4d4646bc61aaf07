package dev.agentcore.local.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.local.data.InvocationErrors;
import dev.agentcore.local.data.SessionHostException.Failure;
import dev.agentcore.local.runner.RunnerException;
import dev.agentcore.local.runner.SessionPool;

/** What a caller gets for each way the runner fails, with the model's status and error type. */
class SessionFailureMappingTest {

    @TempDir
    Path dir;

    @Test
    void eachRunnerFailureBecomesTheServicesError() {
        var initialization = InvocationErrors.forHostFailure(Failure.INITIALIZATION_TIMEOUT);
        assertThat(initialization.status()).isEqualTo(424);
        assertThat(initialization.message()).startsWith("Runtime initialization time exceeded.");
        assertThat(InvocationErrors.forHostFailure(Failure.START_FAILED)).isEqualTo(initialization);
        var limit = InvocationErrors.forHostFailure(Failure.SESSION_LIMIT_REACHED);
        assertThat(limit.status()).isEqualTo(429);
        assertThat(limit.type()).isEqualTo("ThrottlingException");
        var image = InvocationErrors.forHostFailure(Failure.IMAGE_UNUSABLE);
        assertThat(image.status()).isEqualTo(424);
        assertThat(image.type()).isEqualTo("RuntimeClientError");
        assertThat(InvocationErrors.forHostFailure(Failure.HOST_FAILURE).type()).isEqualTo("InternalServerException");
    }

    @Test
    void aMissingImageIsUnusableAndItsVersionFailsWithTheUri() throws Exception {
        // The runner's own exceptions cannot be made outside its package: get one the way the pool raises it.
        try (SessionPool pool = new SessionPool(new ImageStore(dir.resolve("images")),
                SessionPool.Settings.defaults(dir.resolve("work"), dir.resolve("logs")))) {
            RunnerException missing = null;
            try {
                pool.inspect("nowhere:1");
            } catch (RunnerException e) {
                missing = e;
            }
            assertThat(missing).isInstanceOf(RunnerException.ImageUnavailable.class);
            assertThat(RunnerSessionHosts.failureOf(missing)).isEqualTo(Failure.IMAGE_UNUSABLE);
        }
    }
}
