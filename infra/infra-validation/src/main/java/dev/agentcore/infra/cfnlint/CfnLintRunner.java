package dev.agentcore.infra.cfnlint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * Runs cfn-lint on CloudFormation templates and returns its findings, parsed from {@code --format json}.
 *
 * <p>Two ways to run the same pinned cfn-lint: in a container built from {@code infra/cfn-lint/Dockerfile} when a
 * Docker engine is available (through Testcontainers), otherwise from the repository's {@code .venv}, which
 * {@code make tools} installs from {@code requirements-dev.txt}. {@link #describe()} says which one runs.
 */
public sealed interface CfnLintRunner permits ContainerCfnLint, LocalCfnLint {

    /** Where the Dockerfile lives, relative to the repository root. */
    Path DOCKER_CONTEXT = Path.of("infra", "cfn-lint");

    /** Where {@code make tools} installs cfn-lint, relative to the repository root. */
    Path VENV_EXECUTABLE = Path.of(".venv", "bin", "cfn-lint");

    /** Lints the templates in one cfn-lint run. Findings carry the caller's paths. */
    CfnLintReport lint(List<Path> templates, CfnLintOptions options);

    /** Which runner this is and why it was chosen, for test output and logs. */
    String describe();

    /** The container runner when a Docker engine answers, else the {@code .venv} one. */
    static CfnLintRunner detect(Path repositoryRoot) {
        return detect(repositoryRoot, () -> DockerClientFactory.instance().isDockerAvailable());
    }

    /**
     * @throws CfnLintException naming both missing options when there is neither a Docker engine nor a
     *                          {@code .venv} cfn-lint
     */
    static CfnLintRunner detect(Path repositoryRoot, BooleanSupplier dockerAvailable) {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        Path dockerContext = root.resolve(DOCKER_CONTEXT);
        if (dockerAvailable.getAsBoolean()) {
            if (!Files.isRegularFile(dockerContext.resolve("Dockerfile"))) {
                throw new CfnLintException("A Docker engine is available but " + dockerContext.resolve("Dockerfile")
                        + " is missing; it defines the cfn-lint image.");
            }
            return new ContainerCfnLint(dockerContext);
        }
        Path executable = root.resolve(VENV_EXECUTABLE);
        if (Files.isExecutable(executable)) {
            return new LocalCfnLint(executable, "no Docker engine available");
        }
        throw new CfnLintException("cfn-lint is not available: no Docker engine is running (Testcontainers found"
                + " none) and " + executable + " does not exist. Run `make tools` to install the pinned cfn-lint"
                + " into .venv, or start a Docker engine to run it from " + dockerContext.resolve("Dockerfile") + ".");
    }
}
