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

import dev.agentcore.policylint.source.Disk;

/**
 * An input policy-lint cannot read is an input error (exit 2) that names the path, never a file quietly left out:
 * otherwise a lint that skipped a template could pass. Permissions do not bind root: the chmod cases check whether they
 * took effect and, when they did not (running as root), make the same read fail through {@link FaultyDisk}, so every
 * case asserts the refusal whoever runs it. The broken link and the FIFO are unreadable for everyone.
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
        return lint(Disk.REAL, paths);
    }

    private LintRun lint(Disk disk, Path... paths) {
        return assertTimeoutPreemptively(BOUND, () -> LintRun.run(LintRun.withoutConfig(dir).paths(paths), disk));
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
            boolean enforced = !canList(locked);
            Disk disk = enforced ? Disk.REAL : new FaultyDisk(FaultyDisk.Fault.LIST, locked);
            LintRun r = lint(disk, Path.of("infra"));
            assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
            assertThat(r.err()).contains("infra/locked: cannot read the directory: permission denied");
            assertThat(r.out()).contains("in 1 template checked");
            assertThat(lint(disk, Path.of("infra/locked")).err()).contains("infra/locked: cannot read the directory: permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileInADirectoryWithoutSearchPermissionIsPermissionDeniedNotNoSuchFile() throws IOException {
        Path locked = Files.createDirectories(infra.resolve("locked"));
        Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), locked.resolve("agent.yaml"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--------")); // listable, not searchable
        try {
            boolean enforced = !Files.isReadable(locked.resolve("agent.yaml")) && !Files.exists(locked.resolve("agent.yaml"));
            Disk disk = enforced ? Disk.REAL : new FaultyDisk(FaultyDisk.Fault.EXAMINE_BELOW, locked);
            LintRun named = lint(disk, Path.of("infra/locked/agent.yaml"));
            assertThat(named.status()).isEqualTo(ExitStatus.INPUT_ERROR);
            assertThat(named.err()).contains("infra/locked/agent.yaml: cannot read: permission denied").doesNotContain("no such file");
            LintRun walked = lint(disk, Path.of("infra"));
            assertThat(walked.status()).isEqualTo(ExitStatus.INPUT_ERROR);
            assertThat(walked.err()).contains("infra/locked/agent.yaml: cannot read: permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableFileIsAnInputErrorNamingIt() throws IOException {
        Path locked = Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), infra.resolve("locked.yaml"));
        Files.setPosixFilePermissions(locked, NONE);
        try {
            Disk disk = !canRead(locked) ? Disk.REAL : new FaultyDisk(FaultyDisk.Fault.READ, locked);
            LintRun r = lint(disk, Path.of("infra"));
            assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
            assertThat(r.err()).contains("infra/locked.yaml: cannot read the file: permission denied");
            assertThat(r.out()).contains("in 1 template checked");
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
    void symbolicLinksToATemplateAndToADirectoryAreFollowedAndLintedUnderTheirOwnNames() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path seed = Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), elsewhere.resolve("agent.yaml"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), other.resolve("agent.yaml"));
        Files.createSymbolicLink(infra.resolve("agent.yaml"), seed);
        Files.createSymbolicLink(infra.resolve("shared"), other);
        LintRun r = lint(Path.of("infra"));
        assertThat(r.out()).contains("infra/agent.yaml:61:140: error PL100").contains("infra/shared/agent.yaml:61:140: error PL100")
                .contains("in 3 templates checked");
        assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
    }

    @Test
    void symbolicLinkLoopsEndAndWhatTheyReachTwiceIsLintedOnce() throws IOException {
        Path sub = Files.createDirectories(infra.resolve("sub"));
        Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), sub.resolve("agent.yaml"));
        Files.createSymbolicLink(sub.resolve("loop"), infra);            // back to an enclosing directory
        Files.createSymbolicLink(infra.resolve("again"), sub);           // a second name for a directory
        Files.createSymbolicLink(infra.resolve("same.yaml"), sub.resolve("agent.yaml")); // a second name for a file
        LintRun r = lint(Path.of("infra"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("infra/again/agent.yaml:61:140: error PL100").contains("in 2 templates checked")
                .doesNotContain("infra/sub/agent.yaml:").doesNotContain("same.yaml:");
        assertThat(r.passedOver()).contains("infra/sub: the same directory as infra/again, already taken")
                .contains("infra/again/loop: the same directory as infra (a symbolic link loop), already taken")
                .contains("infra/same.yaml: the same file as infra/again/agent.yaml, already taken");
        assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
    }

    @Test
    void aLoopOfLinksNamedAsATemplateIsAnInputError() throws IOException {
        Files.createSymbolicLink(infra.resolve("a.yaml"), infra.resolve("b.yaml"));
        Files.createSymbolicLink(infra.resolve("b.yaml"), infra.resolve("a.yaml"));
        LintRun r = lint(Path.of("infra"));
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.err()).contains("infra/a.yaml: cannot read: too many levels of symbolic links")
                .contains("infra/b.yaml: cannot read: too many levels of symbolic links");
    }

    @Test
    void whatIsNotACandidateIsNotReadAndIsListedAsPassedOver() throws IOException {
        Files.writeString(infra.resolve("README.md"), "# infra\n");
        Files.write(infra.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        Files.copy(LintRun.fixture("corpus/docker-compose.yaml"), infra.resolve("docker-compose.yaml"));
        Files.copy(LintRun.fixture("corpus/broken-but-not-a-template.yaml"), infra.resolve("broken.yaml"));
        Files.createDirectories(infra.resolve("node_modules"));
        LintRun r = lint(Path.of("infra"));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitStatus.OK);
        assertThat(r.passedOver()).contains("infra/README.md: not a YAML, JSON or .template file")
                .contains("infra/logo.png: not a YAML, JSON or .template file")
                .contains("infra/node_modules: skipped directory")
                .contains("infra/docker-compose.yaml: it holds no CloudFormation template or IAM policy")
                .contains("infra/broken.yaml: it does not parse (");
    }

    @Test
    void aFileNamedThatHoldsNoTemplateIsAnInputErrorUnlessAHookAsksToPassItOver() throws IOException {
        Files.copy(LintRun.fixture("corpus/docker-compose.yaml"), infra.resolve("docker-compose.yaml"));
        Files.copy(LintRun.fixture("corpus/broken-but-not-a-template.yaml"), infra.resolve("broken.yaml"));
        Files.copy(LintRun.fixture("rules/plain-policy.json"), infra.resolve("policy.json"));
        LintRun named = LintRun.run(LintRun.withoutConfig(dir).paths(Path.of("infra/docker-compose.yaml"),
                Path.of("infra/broken.yaml"), Path.of("infra/policy.json")));
        assertThat(named.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(named.err()).contains("infra/docker-compose.yaml: named to be checked, but it holds no CloudFormation "
                + "template or IAM policy").contains("infra/broken.yaml: named to be checked, but it does not parse (")
                .doesNotContain("policy.json");
        assertThat(named.out()).contains("in 1 template");

        LintRun hook = LintRun.run(LintRun.withoutConfig(dir).namedNonTemplates(NamedNonTemplates.PASSED_OVER)
                .paths(Path.of("infra/docker-compose.yaml"), Path.of("infra/broken.yaml")));
        assertThat(hook.err()).isEmpty();
        assertThat(hook.status()).isEqualTo(ExitStatus.OK);
        assertThat(hook.passedOver()).contains("infra/docker-compose.yaml: it holds no CloudFormation template or IAM policy");
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
