package dev.agentcore.infra.cfnlint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.MountableFile;

/**
 * cfn-lint in a throwaway container (Testcontainers), from the image that {@code infra/cfn-lint/Dockerfile}
 * builds. Templates are copied in, so this works with remote Docker engines too; the container runs cfn-lint
 * once and exits, and its stdout is the JSON report.
 */
final class ContainerCfnLint implements CfnLintRunner {

    private static final Pattern PIN = Pattern.compile("(?m)^cfn-lint==(\\S+)\\s*$");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Path dockerContext;
    private final String version;

    ContainerCfnLint(Path dockerContext) {
        this.dockerContext = dockerContext;
        this.version = pinnedVersion(dockerContext.resolve("requirements.txt"));
    }

    @Override
    public CfnLintReport lint(List<Path> templates, CfnLintOptions options) {
        Map<String, Path> hostPaths = new HashMap<>();
        List<String> containerPaths = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            // One directory per template keeps equal file names from different folders apart.
            String containerPath = "/templates/" + i + "/" + templates.get(i).getFileName();
            hostPaths.put(containerPath, templates.get(i));
            containerPaths.add(containerPath);
        }
        try (GenericContainer<?> container = new GenericContainer<>(image())) {
            for (int i = 0; i < templates.size(); i++) {
                container.withCopyFileToContainer(MountableFile.forHostPath(templates.get(i), 0644), containerPaths.get(i));
            }
            container.withCommand(options.arguments(containerPaths).toArray(String[]::new))
                    .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(TIMEOUT));
            try {
                container.start();
            } catch (RuntimeException e) {
                throw new CfnLintException("cfn-lint failed in its container (" + imageName() + "): "
                        + logsOf(container), e);
            }
            String output = container.getLogs(OutputFrame.OutputType.STDOUT);
            return new CfnLintReport(describe(), CfnLintJson.parse(output, name -> hostPaths.getOrDefault(name, Path.of(name))));
        }
    }

    @Override
    public String describe() {
        return "cfn-lint " + version + " in a container (Testcontainers, image " + imageName() + " built from "
                + dockerContext.resolve("Dockerfile") + ")";
    }

    private ImageFromDockerfile image() {
        // Kept after the run (deleteOnExit false), so the next run reuses Docker's layer cache.
        return new ImageFromDockerfile(imageName(), false).withFileFromPath(".", dockerContext);
    }

    private String imageName() {
        return "agentcore-blueprint/cfn-lint:" + version;
    }

    private static String logsOf(GenericContainer<?> container) {
        try {
            return container.getLogs().strip();
        } catch (RuntimeException e) {
            return "(no logs: " + e.getMessage() + ")";
        }
    }

    /** The cfn-lint version pinned in the image's requirements file. */
    static String pinnedVersion(Path requirements) {
        try {
            Matcher pin = PIN.matcher(Files.readString(requirements));
            if (!pin.find()) {
                throw new CfnLintException(requirements + " pins no cfn-lint version (expected a line cfn-lint==X.Y.Z)");
            }
            return pin.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + requirements, e);
        }
    }
}
