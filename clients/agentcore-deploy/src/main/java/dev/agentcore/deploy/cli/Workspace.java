package dev.agentcore.deploy.cli;

import dev.agentcore.deploy.aws.Target;
import dev.agentcore.infra.stacks.DeployPlan;
import dev.agentcore.infra.stacks.DeploymentEnvironment;
import dev.agentcore.infra.stacks.ImageSlot;
import dev.agentcore.infra.stacks.InfraConfigException;
import dev.agentcore.infra.stacks.Problem;
import dev.agentcore.infra.stacks.RuntimeManifest;
import dev.agentcore.infra.stacks.StackManifest;
import dev.agentcore.infra.stacks.StackOutputs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One repository and environment, read and checked: the deploy order, the environment file, the runtime manifest, the
 * plan that joins them, where outputs and the state file go, and the target to deploy to.
 */
public record Workspace(Path root, DeployPlan plan, RuntimeManifest runtimes, List<ImageSlot> images, StackOutputs outputs,
                        Path stateFile, Target target) {

    public static final int DEFAULT_AWS_PORT = 4566;
    public static final int DEFAULT_AGENTCORE_PORT = 4567;

    public static Workspace open(CommonOptions options) {
        Path root = options.root().orElseGet(() -> findRoot(Path.of("").toAbsolutePath()));
        Path envFile = root.resolve("infra/env/" + options.environment() + DeploymentEnvironment.SUFFIX);
        if (!Files.isRegularFile(envFile)) {
            throw new DeployException(ExitCode.USAGE, "no environment file " + root.relativize(envFile) + "; environments: "
                    + environments(root) + " (--env NAME)");
        }
        try {
            DeployPlan plan = DeployPlan.of(StackManifest.read(root.resolve(StackManifest.DEFAULT_LOCATION)),
                    DeploymentEnvironment.read(envFile));
            List<Problem> problems = plan.check();
            if (!problems.isEmpty()) {
                throw new InfraConfigException(problems);
            }
            RuntimeManifest runtimes = RuntimeManifest.read(root.resolve(RuntimeManifest.DEFAULT_LOCATION));
            List<ImageSlot> images = plan.images(runtimes);
            return new Workspace(root, plan, runtimes, images,
                    new StackOutputs(root.resolve(StackOutputs.DEFAULT_DIRECTORY)),
                    root.resolve(".agentcore/state.json"), target(options, root, plan.environment().region()));
        } catch (InfraConfigException e) {
            throw new DeployException(ExitCode.USAGE, "the deploy configuration has problems (nothing was deployed):\n  "
                    + e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private static Target target(CommonOptions options, Path root, String region) {
        if (options.target() == CommonOptions.TargetKind.aws) {
            return Target.aws(Region.of(region), options.awsEndpoint(), options.agentCoreEndpoint());
        }
        // The running local stack's ports (make local-up records them), else the defaults.
        int awsPort = DEFAULT_AWS_PORT;
        int agentCorePort = DEFAULT_AGENTCORE_PORT;
        Path localState = root.resolve(".agentcore/local/state.json");
        if (Files.isRegularFile(localState)) {
            try {
                JsonNode state = JsonMapper.builder().build().readTree(localState.toFile());
                awsPort = state.path("aws_port").asInt(awsPort);
                agentCorePort = state.path("agentcore_port").asInt(agentCorePort);
            } catch (RuntimeException unreadable) {
                // the defaults, as make local-up uses them
            }
        }
        URI aws = options.awsEndpoint().orElse(URI.create("http://127.0.0.1:" + awsPort));
        URI agentCore = options.agentCoreEndpoint().orElse(URI.create("http://127.0.0.1:" + agentCorePort));
        Path images = options.localImageDir().orElse(root.resolve(".agentcore/local/images"));
        return Target.local(Region.of(region), aws, agentCore, images);
    }

    static Path findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(StackManifest.DEFAULT_LOCATION))) {
                return dir;
            }
        }
        throw new DeployException(ExitCode.USAGE, "no " + StackManifest.DEFAULT_LOCATION + " in " + start
                + " or above: run from the repository, or pass --root DIR");
    }

    private static List<String> environments(Path root) {
        try (var files = Files.list(root.resolve("infra/env"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(DeploymentEnvironment.SUFFIX))
                    .map(n -> n.substring(0, n.length() - DeploymentEnvironment.SUFFIX.length())).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Every output of every deployed stack, by output name (the files under .agentcore/outputs). */
    public Map<String, String> allOutputs() {
        Map<String, String> all = new TreeMap<>();
        plan.order().forEach(stack -> outputs.read(plan.stackName(stack)).ifPresent(all::putAll));
        return all;
    }

    public Optional<URI> localCognitoBase() {
        return target.local() ? target.agentCoreEndpoint().map(e -> URI.create(e.toString().replaceAll("/$", "") + "/cognito"))
                : Optional.empty();
    }

    public String relative(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
