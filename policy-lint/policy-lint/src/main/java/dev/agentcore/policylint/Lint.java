package dev.agentcore.policylint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.agentcore.policylint.config.Config;
import dev.agentcore.policylint.config.ConfigException;
import dev.agentcore.policylint.config.ConfigSource;
import dev.agentcore.policylint.config.Globs;
import dev.agentcore.policylint.rule.Severity;
import dev.agentcore.policylint.runtime.AgentRuntime;
import dev.agentcore.policylint.runtime.LiveRuntimes;
import dev.agentcore.policylint.runtime.ManifestRuntimes;
import dev.agentcore.policylint.runtime.RuntimeFiles;
import dev.agentcore.policylint.runtime.RuntimeSet;
import dev.agentcore.policylint.runtime.RuntimeSourceException;
import dev.agentcore.policylint.source.Disk;

/**
 * Runs a {@link LintRequest} in-process, as the command does: reads the configuration, gathers the runtimes (files,
 * then the live listing), merges the request with the configuration (the request wins) and lints with {@link Linter}.
 * The command line and in-process callers (the infrastructure tests) share it.
 */
public final class Lint {

    private Lint() {
    }

    public static LintOutcome run(LintRequest request) {
        return run(request, Disk.REAL);
    }

    /** As {@link #run(LintRequest)}, finding and reading the inputs through {@code disk} (tests inject failures). */
    static LintOutcome run(LintRequest request, Disk disk) {
        Path cwd = request.workingDirectory();
        Config config;
        RuntimeSet runtimes;
        try {
            config = loadConfig(request.config(), cwd);
            runtimes = loadRuntimes(request, config);
        } catch (ConfigException | RuntimeSourceException e) {
            return new LintOutcome.Refused(e.getMessage());
        }
        Severity failOn = request.failOn().orElse(config.failOn() != null ? config.failOn() : Severity.ERROR);
        List<Path> targets = !request.paths().isEmpty() ? request.paths() : !config.paths().isEmpty() ? config.paths() : List.of(cwd);
        try {
            Globs.excludes(request.excludes());
        } catch (Globs.Invalid e) {
            return new LintOutcome.Refused("--exclude " + e.getMessage());
        }
        List<String> excludes = new ArrayList<>(config.excludes());
        excludes.addAll(request.excludes());
        Linter.Result result = new Linter(disk).run(new Linter.Options(targets, excludes, runtimes, config, cwd, request.namedNonTemplates()));
        return new LintOutcome.Linted(result, failOn);
    }

    private static Config loadConfig(ConfigSource source, Path cwd) throws ConfigException {
        // instanceof, not a switch on types: such a switch spins a class at its first run, which the AOT cache does not keep
        // (Linter, Resolver, TemplateContext and UnsubstitutedVariable do the same on the path of every run).
        if (source instanceof ConfigSource.File named) {
            Path file = cwd.resolve(named.path());
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(named.path() + ": no such configuration file");
            }
            return Config.read(file, FileFinder.display(file, cwd));
        }
        if (source instanceof ConfigSource.Nearest) {
            var found = Config.find(cwd);
            return found.isPresent() ? Config.read(found.get(), FileFinder.display(found.get(), cwd)) : Config.empty();
        }
        return Config.empty(); // ConfigSource.None
    }

    private static RuntimeSet loadRuntimes(LintRequest request, Config config) throws RuntimeSourceException {
        List<AgentRuntime> all = new ArrayList<>();
        List<Path> files = new ArrayList<>(config.runtimes());
        request.runtimeFiles().forEach(r -> files.add(request.workingDirectory().resolve(r)));
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new RuntimeSourceException(file + ": no such runtimes file");
            }
            all.addAll(RuntimeFiles.read(file));
        }
        List<String> planned = new ArrayList<>();
        for (Path manifest : request.manifests()) {
            Path file = request.workingDirectory().resolve(manifest);
            if (!Files.isRegularFile(file)) {
                throw new RuntimeSourceException(file + ": no such runtimes manifest");
            }
            planned.addAll(ManifestRuntimes.names(file));
        }
        boolean live = request.live() || config.live();
        if (live) {
            all.addAll(LiveRuntimes.fetch(request.region().orElse(config.region())));
        }
        return files.isEmpty() && !live && request.manifests().isEmpty() ? RuntimeSet.unknown() : RuntimeSet.of(all, planned);
    }
}
