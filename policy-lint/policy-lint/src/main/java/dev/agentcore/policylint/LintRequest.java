package dev.agentcore.policylint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.agentcore.policylint.config.ConfigSource;
import dev.agentcore.policylint.rule.Severity;

/**
 * One lint as the command runs it: what to lint, against which runtimes, with which configuration. Relative paths are
 * resolved against the working directory; what the request leaves out comes from the configuration file, then the
 * defaults (the working directory, no runtimes, fail on errors). Built with {@link #in(Path)}.
 */
public record LintRequest(Path workingDirectory, List<Path> paths, List<String> excludes, List<Path> runtimeFiles,
        List<Path> manifests, boolean live, Optional<String> region, ConfigSource config, Optional<Severity> failOn,
        NamedNonTemplates namedNonTemplates) {

    public LintRequest {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        runtimeFiles = List.copyOf(runtimeFiles);
        manifests = List.copyOf(manifests);
    }

    /** A request linting from {@code workingDirectory}, with the nearest configuration file and nothing else set. */
    public static Builder in(Path workingDirectory) {
        return new Builder(workingDirectory);
    }

    public static final class Builder {
        private final Path workingDirectory;
        private final List<Path> paths = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final List<Path> runtimeFiles = new ArrayList<>();
        private final List<Path> manifests = new ArrayList<>();
        private boolean live;
        private NamedNonTemplates namedNonTemplates = NamedNonTemplates.REFUSED;
        private String region;
        private ConfigSource config = ConfigSource.nearest();
        private Severity failOn;

        private Builder(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
        }

        /** Files or directories to lint (directories are walked); none: the configuration's paths, else the working directory. */
        public Builder paths(List<Path> more) {
            paths.addAll(more);
            return this;
        }

        public Builder paths(Path... more) {
            return paths(List.of(more));
        }

        /** Globs of files to skip, relative to the working directory; added to the configuration's. */
        public Builder excludes(List<String> globs) {
            excludes.addAll(globs);
            return this;
        }

        /** Files listing the actual runtimes (list-agent-runtimes or get-agent-runtime output, the state file). */
        public Builder runtimeFiles(List<Path> files) {
            runtimeFiles.addAll(files);
            return this;
        }

        public Builder runtimeFiles(Path... files) {
            return runtimeFiles(List.of(files));
        }

        /**
         * Runtimes manifests ({@code runtimes.json}): the names of the runtimes a deployment will create, so grants
         * can be checked before anything is deployed.
         */
        public Builder manifests(List<Path> files) {
            manifests.addAll(files);
            return this;
        }

        public Builder manifests(Path... files) {
            return manifests(List.of(files));
        }

        /** Also list the runtimes through the AWS API. */
        public Builder live(boolean value) {
            live = value;
            return this;
        }

        /** The region for the live listing; unset: the configuration's, else the SDK's region chain. */
        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder config(ConfigSource source) {
            config = source;
            return this;
        }

        /** The lowest severity that fails the lint; unset: the configuration's, else {@link Severity#ERROR}. */
        public Builder failOn(Severity severity) {
            failOn = severity;
            return this;
        }

        /** What becomes of a file named in {@link #paths} that holds no template or policy; unset: {@code REFUSED}. */
        public Builder namedNonTemplates(NamedNonTemplates value) {
            namedNonTemplates = value;
            return this;
        }

        public LintRequest build() {
            return new LintRequest(workingDirectory, paths, excludes, runtimeFiles, manifests, live, Optional.ofNullable(region), config,
                    Optional.ofNullable(failOn), namedNonTemplates);
        }
    }
}
