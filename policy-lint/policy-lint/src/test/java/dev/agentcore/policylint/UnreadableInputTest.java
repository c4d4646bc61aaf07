package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input policy-lint cannot read is an input error (exit 2) that names the path, never a file quietly left out:
 * otherwise a lint that skipped a template could pass. Permissions do not bind root, so the chmod cases assert what
 * really happens for the user running the test (as root: the file is read and linted); the broken link and the FIFO
 * are unreadable for everyone and always run.
 */
class UnreadableInputTest {

    static final Duration BOUND = Duration.ofSeconds(30);
    static final Set<PosixFilePermission> NONE = Set.of();

    @TempDir
    Path dir;
    Path infra;

    @BeforeEach
    void layout() throws IOException {
        infra = Files.createDirectories(dir.resolve("infra"));
        Files.copy(LintRun.fixture("corpus/agentcore-runtime-stack.yaml"), infra.resolve("clean.yaml"));
    }

    private LintRun lint(Path... paths) {
        return assertTimeoutPreemptively(BOUND, () -> LintRun.run(LintRun.withoutConfig(dir).paths(paths)));
    }

    private static boolean canList(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private static boolean canRead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    @Test
    void anUnreadableDirectoryIsAnInputErrorNamingIt() throws IOException {
        Path locked = Files.createDirectories(infra.resolve("locked"));
        Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), locked.resolve("agent.yaml"));
        Files.setPosixFilePermissions(locked, NONE);
        try {
            LintRun r = lint(Path.of("infra"));
            if (!canList(locked)) {
                assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
                assertThat(r.err()).contains("infra/locked: cannot read the directory: permission denied");
                assertThat(LintRun.run(LintRun.withoutConfig(dir).paths(Path.of("infra/locked"))).err())
                        .contains("infra/locked: cannot read the directory: permission denied");
            } else {
                // Running as root: mode 000 does not stop reading, so the directory is linted like any other.
                assertThat(r.out()).contains("infra/locked/agent.yaml:61:140: error PL100").contains("in 2 templates checked");
                assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableFileIsAnInputErrorNamingIt() throws IOException {
        Path locked = Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), infra.resolve("locked.yaml"));
        Files.setPosixFilePermissions(locked, NONE);
        try {
            LintRun r = lint(Path.of("infra"));
            if (!canRead(locked)) {
                assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
                assertThat(r.err()).contains("infra/locked.yaml: cannot read the file: permission denied");
            } else {
                assertThat(r.out()).contains("infra/locked.yaml:61:140: error PL100");
                assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aBrokenSymbolicLinkIsAnInputErrorNamingIt() throws IOException {
        Files.createSymbolicLink(infra.resolve("generated.yaml"), infra.resolve("removed-since.yaml"));
        LintRun walked = lint(Path.of("infra"));
        assertThat(walked.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(walked.err()).contains("infra/generated.yaml: cannot read: broken symbolic link");
        assertThat(walked.out()).contains("in 1 template checked");
        LintRun named = lint(Path.of("infra/generated.yaml"));
        assertThat(named.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(named.err()).contains("infra/generated.yaml: cannot read: broken symbolic link");
    }

    @Test
    void aFifoIsAnInputErrorAndIsNeverOpened() throws Exception {
        Path fifo = infra.resolve("stream.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).as("mkfifo").isZero();
        // Opening a FIFO for reading blocks until a writer comes: a finder that read it would hang (the bound fails).
        LintRun walked = lint(Path.of("infra"));
        assertThat(walked.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(walked.err()).contains("infra/stream.yaml: cannot read: not a regular file");
        LintRun named = lint(Path.of("infra/stream.yaml"));
        assertThat(named.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(named.err()).contains("infra/stream.yaml: cannot read: not a regular file or directory");
    }

    @Test
    void aSymbolicLinkToATemplateIsLintedUnderItsOwnName() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path seed = Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), elsewhere.resolve("agent.yaml"));
        Files.createSymbolicLink(infra.resolve("agent.yaml"), seed);
        LintRun r = lint(Path.of("infra"));
        assertThat(r.out()).contains("infra/agent.yaml:61:140: error PL100").contains("in 2 templates checked");
        assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
    }

    @Test
    void whatIsSkippedOrExcludedIsNotReadAndNotReported() throws IOException {
        Path modules = Files.createDirectories(infra.resolve("node_modules"));
        Files.createSymbolicLink(modules.resolve("gone.json"), modules.resolve("nowhere.json"));
        Path legacy = Files.createDirectories(infra.resolve("legacy"));
        Files.createSymbolicLink(legacy.resolve("gone.yaml"), legacy.resolve("nowhere.yaml"));
        Files.createSymbolicLink(infra.resolve("notes.txt"), infra.resolve("nowhere.txt"));
        LintRun r = assertTimeoutPreemptively(BOUND, () -> LintRun.run(LintRun.withoutConfig(dir).paths(Path.of("infra"))
                .excludes(java.util.List.of("infra/legacy/**"))));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitStatus.OK);
    }
}
