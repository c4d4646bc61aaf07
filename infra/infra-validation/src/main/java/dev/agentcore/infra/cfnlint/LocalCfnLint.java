package dev.agentcore.infra.cfnlint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** cfn-lint as an installed executable, typically the repository's {@code .venv/bin/cfn-lint}. */
final class LocalCfnLint implements CfnLintRunner {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Path executable;
    private final String reason;
    private String version; // asked of the executable once, on first use

    LocalCfnLint(Path executable, String reason) {
        this.executable = executable;
        this.reason = reason;
    }

    @Override
    public CfnLintReport lint(List<Path> templates, CfnLintOptions options) {
        List<String> paths = templates.stream().map(path -> path.toAbsolutePath().normalize().toString()).toList();
        String output = run(options.arguments(paths));
        return new CfnLintReport(describe(), CfnLintJson.parse(output, Path::of));
    }

    @Override
    public String describe() {
        return "local cfn-lint " + version() + " at " + executable + " (" + reason + ")";
    }

    private String version() {
        if (version == null) {
            version = run(List.of("--version")).strip().replaceFirst("^cfn-lint\\s+", "");
        }
        return version;
    }

    private String run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CfnLintException(executable + " did not finish within " + TIMEOUT.toMinutes() + " minutes");
            }
            if (process.exitValue() != 0) {
                // With --non-zero-exit-code none, findings never fail the process: this is cfn-lint itself failing.
                throw new CfnLintException(executable + " exited with " + process.exitValue() + ": "
                        + stderr.join().strip());
            }
            return stdout;
        } catch (IOException e) {
            throw new CfnLintException("could not start " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CfnLintException("interrupted while waiting for " + executable, e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
