package dev.agentcore.deploy.cli;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.state.StateFile;
import dev.agentcore.core.state.StateFileException;
import dev.agentcore.deploy.diagnosis.DeployFailure;
import dev.agentcore.deploy.images.BuiltImage;
import dev.agentcore.deploy.images.ImageDestination;
import dev.agentcore.deploy.images.JibBuilds;
import dev.agentcore.deploy.output.Console;
import dev.agentcore.deploy.runtimes.DeployedState;
import dev.agentcore.deploy.runtimes.Runtimes;
import dev.agentcore.deploy.runtimes.SmokeCalls;
import dev.agentcore.deploy.stacks.StackDeployer;
import dev.agentcore.deploy.stacks.StackOutcome;
import dev.agentcore.infra.stacks.ImageSlot;
import dev.agentcore.infra.stacks.InfraConfigException;
import dev.agentcore.infra.stacks.Problem;
import dev.agentcore.infra.stacks.ResolvedParameter;
import dev.agentcore.infra.stacks.RuntimeSpec;
import dev.agentcore.infra.stacks.StackDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code deploy}: images, stacks in infra/stacks.json order, MMDSv2, readiness, state, smoke calls, policy-lint. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy the environment: build and push each runtime's image (Jib, linux/arm64), deploy the stacks"
                + " of infra/stacks.json in order through change sets, require MMDSv2 on every runtime, wait until"
                + " runtimes and endpoints are READY, write .agentcore/state.json, call each runtime once, lint.")
public final class DeployCommand implements Callable<Integer> {

    private static final String RUNTIME_TYPE = "AWS::BedrockAgentCore::Runtime";

    @Mixin
    CommonOptions common;

    @Option(names = "--only", split = ",", paramLabel = "STACK|RUNTIME",
            description = "Deploy only these stacks (names of infra/stacks.json) or runtimes (names of runtimes.json:"
                    + " its image, and the stacks that take its repository and tag).")
    List<String> only = List.of();

    @Option(names = "--dry-run", description = "Show what would change (change sets of existing stacks, then deleted);"
            + " build, push and create nothing.")
    boolean dryRun;

    @Option(names = "--no-lint", description = "Skip policy-lint before and after the deploy (grants are then not checked"
            + " against the runtime names this deploy uses, nor against the runtimes it made).")
    boolean noLint;

    @Option(names = "--no-smoke", description = "Skip the smoke call to each runtime after the deploy.")
    boolean noSmoke;

    private final Console console;

    public DeployCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Workspace workspace = Workspace.open(common);
        try (Session session = new Session(workspace, console, common.poll())) {
            return deploy(session, started);
        }
    }

    private record Selection(List<StackDefinition> stacks, List<ImageSlot> images) {
    }

    private int deploy(Session session, long started) {
        Workspace ws = session.workspace();
        Selection selection = select(ws);
        console.line("deploy " + ws.plan().environment().name() + " to " + ws.target().describe()
                + (dryRun ? " (dry run: nothing is built, pushed or created)" : ""));
        console.detail("stacks: " + selection.stacks().stream().map(StackDefinition::name).toList());
        console.detail("images: " + selection.images().stream().map(s -> s.runtime().name().value()).toList());

        // Before anything is created: who deploys where, the names, the grants, the images.
        var identity = session.identity();
        console.line("as " + identity.arn() + " (account " + identity.account() + ") in " + ws.target().region().id());
        console.detail("runtime names checked (" + dev.agentcore.core.runtime.RuntimeName.PATTERN + "): "
                + ws.runtimes().names());
        if (noLint) {
            console.warn("--no-lint: policy-lint does not check the templates' grants against the runtime names before"
                    + " the deploy, nor against the deployed runtimes after it");
        } else {
            lintBefore(session, identity.account(), dev.agentcore.core.arn.PrincipalArn.parse(identity.arn())
                    .map(dev.agentcore.core.arn.PrincipalArn::partition).orElse("aws"));
        }
        Map<String, BuiltImage> images = dryRun ? Map.of() : buildImages(ws, selection.images());

        Map<StackOutcome, List<String>> outcomes = new EnumMap<>(StackOutcome.class);
        StackDeployer deployer = session.stacks();
        Runtimes runtimes = session.runtimes();
        ImageDestination destination = ws.target().local() ? new ImageDestination.LocalStore(ws.target().localImageStore().orElseThrow())
                : new ImageDestination.Ecr(session.clients().ecr(), new JibBuilds(ws.root(), JibBuilds.Base.POM));
        for (StackDefinition stack : selection.stacks()) {
            String stackName = ws.plan().stackName(stack);
            console.step(stack.name() + " (" + stackName + ")");
            Optional<Map<String, String>> parameters = parameters(ws, stack, deployer, images, destination);
            StackOutcome outcome;
            if (parameters.isEmpty()) {
                console.detail("would deploy with: " + ws.plan().plannedParameters(stack.name()).stream()
                        .filter(p -> p.source() != ResolvedParameter.Source.DEFAULT)
                        .map(p -> p.name() + "=" + p.value()).collect(Collectors.joining(", ")));
                outcome = StackOutcome.PLANNED;
            } else {
                outcome = deployer.deploy(stackName, stack.template(), parameters.get(), ws.plan().capability(stack), dryRun);
            }
            outcomes.computeIfAbsent(outcome, o -> new ArrayList<>()).add(stack.name());
            console.detail(outcome.describe());
            if (outcome != StackOutcome.PLANNED) {
                ws.outputs().write(stackName, deployer.outputs(stackName));
                requireMmdsV2(session, runtimes, stackName);
            }
        }
        if (dryRun) {
            console.line("dry run: nothing was built, pushed or created");
            return ExitCode.OK.status();
        }

        console.step("runtimes");
        List<String> notReady = awaitRuntimes(ws, runtimes);
        StateFile state = DeployedState.read(runtimes, ws.runtimes().runtimes(), ws.target().region().id(),
                identity.account(), ws.allOutputs(), ws.localCognitoBase());
        try {
            state.write(ws.stateFile());
        } catch (StateFileException e) {
            throw new DeployException(ExitCode.FAILED, "cannot write " + ws.relative(ws.stateFile()) + ": " + e.getMessage());
        }
        console.detail("wrote " + ws.relative(ws.stateFile()) + " (" + state.runtimes().size() + " runtimes) and outputs in "
                + ws.relative(ws.outputs().directory()));
        List<String> problems = new ArrayList<>(notReady);
        if (!noSmoke && notReady.isEmpty()) {
            console.step("smoke calls");
            problems.addAll(smoke(session, state));
        }
        boolean lintErrors = false;
        if (!noLint && state.runtimes().size() < ws.runtimes().runtimes().size()) {
            console.detail("policy-lint against the deployed runtimes skipped: " + state.runtimes().size() + " of "
                    + ws.runtimes().runtimes().size() + " runtimes of runtimes.json are deployed (grants for the others"
                    + " would match nothing yet)");
        } else if (!noLint) {
            console.step("policy-lint --runtimes " + ws.relative(ws.stateFile()));
            Lint.Outcome lint = Lint.run(ws.root(), templates(ws), ws.stateFile());
            lintErrors = lint.errors();
            console.detail(lint.errors() ? "" : "no errors");
            if (lint.errors()) {
                console.line(lint.report());
            }
        }
        summary(outcomes, started);
        if (!problems.isEmpty()) {
            problems.forEach(console::error);
            return ExitCode.FAILED.status();
        }
        if (lintErrors) {
            console.error("policy-lint found errors in the templates against the deployed runtimes (above): a grant"
                    + " that matches no runtime; fix the template and deploy again");
            return ExitCode.LINT.status();
        }
        return ExitCode.OK.status();
    }

    private Selection select(Workspace ws) {
        if (only.isEmpty()) {
            return new Selection(ws.plan().order(), ws.images());
        }
        Set<String> stacks = new LinkedHashSet<>();
        List<ImageSlot> images = new ArrayList<>();
        for (String name : only) {
            Optional<ImageSlot> slot = ws.images().stream().filter(s -> s.runtime().name().value().equals(name)).findFirst();
            if (ws.plan().order().stream().anyMatch(s -> s.name().equals(name))) {
                stacks.add(name);
            } else if (slot.isPresent()) {
                images.add(slot.get());
                stacks.add(slot.get().repositoryStack());
                stacks.add(slot.get().tagStack());
            } else {
                List<String> known = new ArrayList<>(ws.plan().order().stream().map(StackDefinition::name).toList());
                known.addAll(ws.runtimes().names().stream().map(Object::toString).toList());
                throw new DeployException(ExitCode.USAGE, "--only " + name + ": no stack or runtime of that name"
                        + dev.agentcore.core.text.Similarity.closest(name, known).map(c -> " (did you mean " + c + "?)")
                        .orElse("") + "; stacks and runtimes: " + known);
            }
        }
        // An image goes with the stack that takes its tag: deploying that stack pushes it.
        for (ImageSlot slot : ws.images()) {
            if (stacks.contains(slot.tagStack()) && !images.contains(slot)) {
                images.add(slot);
            }
        }
        return new Selection(ws.plan().order().stream().filter(s -> stacks.contains(s.name())).toList(), images);
    }

    private void lintBefore(Session session, String account, String partition) {
        Workspace ws = session.workspace();
        // The runtimes this deploy will have: the deployed ones by their ids, the new ones by name (a placeholder id).
        Map<String, String> deployedIds = new LinkedHashMap<>();
        try {
            session.runtimes().byName().forEach((name, runtime) -> deployedIds.put(name, runtime.agentRuntimeId()));
        } catch (AwsServiceException | software.amazon.awssdk.core.exception.SdkClientException e) {
            // nothing deployed yet, or the control plane not reachable: every runtime is planned
        }
        ObjectNode file = JsonMapper.builder().build().createObjectNode();
        ArrayNode list = file.putArray("agentRuntimes");
        String region = ws.target().region().id();
        for (RuntimeSpec runtime : ws.runtimes().runtimes()) {
            String id = deployedIds.getOrDefault(runtime.name().value(), runtime.name().value() + "-0000000000");
            list.addObject().put("agentRuntimeName", runtime.name().value()).put("agentRuntimeId", id)
                    .put("agentRuntimeArn", new RuntimeArn(partition, region, account, id).toString());
        }
        try {
            Path planned = Files.createTempFile("agentcore-deploy-runtimes", ".json");
            try {
                Files.writeString(planned, file.toString());
                Lint.Outcome lint = Lint.run(ws.root(), templates(ws), planned);
                if (lint.errors()) {
                    console.line(lint.report());
                    throw new DeployException(ExitCode.LINT, "policy-lint found errors in the templates against the"
                            + " runtimes of " + ws.relative(ws.runtimes().file()) + " (above); nothing was created."
                            + " Fix the grants (or, knowingly, deploy with --no-lint)");
                }
                console.detail("policy-lint: no errors in " + templates(ws).size() + " templates against runtimes "
                        + ws.runtimes().names());
            } finally {
                Files.deleteIfExists(planned);
            }
        } catch (IOException e) {
            throw new DeployException(ExitCode.FAILED, "cannot write a temporary runtimes file for policy-lint: "
                    + e.getMessage());
        }
    }

    private static List<Path> templates(Workspace ws) {
        return ws.plan().order().stream().map(StackDefinition::template).distinct().toList();
    }

    /** Builds every selected image, refusing one that is not arm64 before anything is created. */
    private Map<String, BuiltImage> buildImages(Workspace ws, List<ImageSlot> slots) {
        if (slots.isEmpty()) {
            return Map.of();
        }
        console.step("images");
        JibBuilds jib = new JibBuilds(ws.root(), ws.target().local() ? JibBuilds.Base.SCRATCH : JibBuilds.Base.POM);
        Map<String, BuiltImage> built = new LinkedHashMap<>();
        for (BuiltImage image : jib.build(slots.stream().map(ImageSlot::runtime).toList(), console::detail)) {
            if (!image.arm64()) {
                throw new DeployException(ExitCode.FAILED, dev.agentcore.deploy.diagnosis.DeployDiagnosisRules.diagnose(
                        DeployFailure.of("image of " + image.runtime().name(), "", "Architecture incompatible for uri '"
                                + image.archive() + "' (" + image.architecture() + "). Supported architectures: [arm64]",
                                ws.target().region().id())).render().stripTrailing() + "\n  nothing was created");
            }
            console.detail(image.runtime().name() + ": " + image.digest() + " (" + image.architecture() + "), tag "
                    + image.tag());
            built.put(image.runtime().name().value(), image);
        }
        return built;
    }

    /**
     * The stack's parameters: the plan's (outputs of earlier stacks read from disk), template defaults left out, and
     * each image tag this stack takes set to the tag pushed now (or kept as deployed). Empty in a dry run when an
     * earlier stack has no outputs yet.
     */
    private Optional<Map<String, String>> parameters(Workspace ws, StackDefinition stack, StackDeployer deployer,
                                                     Map<String, BuiltImage> images, ImageDestination destination) {
        List<ResolvedParameter> resolved;
        try {
            resolved = ws.plan().parameters(stack.name(), ws.outputs());
        } catch (InfraConfigException e) {
            if (dryRun) {
                return Optional.empty();
            }
            throw new DeployException(ExitCode.USAGE, "cannot resolve the parameters of " + stack.name() + ":\n  "
                    + e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        }
        Map<String, String> values = new LinkedHashMap<>();
        resolved.stream().filter(p -> p.source() != ResolvedParameter.Source.DEFAULT)
                .forEach(p -> values.put(p.name(), p.value()));
        Optional<Stack> deployed = Optional.empty();
        for (ImageSlot slot : ws.images()) {
            if (!slot.tagStack().equals(stack.name())) {
                continue;
            }
            BuiltImage image = images.get(slot.runtime().name().value());
            if (image == null) {
                // Not deployed now: keep the tag the stack runs, if it runs one.
                if (deployed.isEmpty()) {
                    deployed = deployer.describe(ws.plan().stackName(stack));
                }
                deployed.flatMap(s -> s.parameters().stream().filter(p -> p.parameterKey().equals(slot.tagParameter()))
                        .findFirst()).ifPresent(p -> values.put(slot.tagParameter(), p.parameterValue()));
                continue;
            }
            String repositoryStack = ws.plan().order().stream().filter(s -> s.name().equals(slot.repositoryStack()))
                    .findFirst().map(ws.plan()::stackName).orElseThrow();
            String repositoryUri = ws.outputs().read(repositoryStack).map(o -> o.get(slot.repositoryUriOutput()))
                    .orElseThrow(() -> new DeployException(ExitCode.USAGE, "the image of " + slot.runtime().name()
                            + " goes to the repository " + repositoryStack + " outputs as " + slot.repositoryUriOutput()
                            + ", and it has no outputs yet: deploy " + slot.repositoryStack() + " first"));
            if (dryRun) {
                console.detail("would push " + slot.runtime().name() + " to " + repositoryUri);
            } else {
                var pushed = destination.push(image, repositoryUri);
                console.detail("image " + repositoryUri + ":" + image.tag() + (pushed == ImageDestination.Pushed.SENT
                        ? " pushed" : " already there"));
            }
            values.put(slot.tagParameter(), image.tag());
        }
        return Optional.of(values);
    }

    /** After a stack: every runtime it holds requires MMDSv2 (checked every time: a stack update may reset it). */
    private void requireMmdsV2(Session session, Runtimes runtimes, String stackName) {
        List<StackResourceSummary> resources = new ArrayList<>();
        session.clients().cloudFormation().listStackResourcesPaginator(r -> r.stackName(stackName))
                .stackResourceSummaries().forEach(resources::add);
        for (StackResourceSummary resource : resources) {
            if (!RUNTIME_TYPE.equals(resource.resourceType()) || resource.physicalResourceId() == null) {
                continue;
            }
            try {
                Runtimes.MmdsV2 how = runtimes.requireMmdsV2(resource.physicalResourceId());
                console.detail("MMDSv2 required on " + resource.physicalResourceId() + (how == Runtimes.MmdsV2.ALREADY_REQUIRED
                        ? ": already required by its latest version"
                        : ": set through the control-plane API (UpdateAgentRuntime; CloudFormation's runtime schema has"
                        + " no MetadataConfiguration yet)"));
            } catch (AwsServiceException e) {
                throw session.diagnosed(e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode(),
                        "UpdateAgentRuntime of " + resource.physicalResourceId(), e, ExitCode.FAILED);
            }
        }
    }

    private List<String> awaitRuntimes(Workspace ws, Runtimes runtimes) {
        List<String> problems = new ArrayList<>();
        var deployed = runtimes.byName();
        for (RuntimeSpec spec : ws.runtimes().runtimes()) {
            var runtime = deployed.get(spec.name().value());
            if (runtime == null) {
                continue;
            }
            try {
                var ready = runtimes.awaitRuntime(runtime.agentRuntimeId());
                List<String> endpoints = runtimes.awaitEndpoints(runtime.agentRuntimeId());
                problems.addAll(endpoints);
                console.detail(String.format(Locale.ROOT, "%-24s %-30s v%-4s %s", spec.name(), ready.agentRuntimeId(),
                        ready.agentRuntimeVersion(), endpoints.isEmpty() ? "READY, endpoints READY" : "READY"));
            } catch (DeployException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** How long a smoke call denied to the execution role is retried after a deploy. */
    private static final Duration IAM_SETTLING = Duration.ofSeconds(15);

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> smoke(Session session, StateFile state) {
        Workspace ws = session.workspace();
        SmokeCalls calls = session.smokeCalls();
        List<String> failures = new ArrayList<>();
        for (var runtime : state.runtimes()) {
            SmokeCalls.Result result = calls.call(runtime, state.cognitoSettings(), "DEFAULT");
            // IAM applies a changed role policy within seconds (AWS documents it as eventually consistent; the local
            // AgentCore keeps policies 5 s): a denial to the execution role right after the deploy changed it is retried.
            long until = System.nanoTime() + IAM_SETTLING.toNanos();
            while (!result.healthy() && result.detail().contains("/BedrockAgentCore-") && System.nanoTime() < until) {
                console.detail(String.format(Locale.ROOT, "%-24s %s", runtime.name(),
                        "denied to the execution role; IAM may still be applying the new policy: calling again in 2 s"));
                sleep(Duration.ofSeconds(2));
                result = calls.call(runtime, state.cognitoSettings(), "DEFAULT");
            }
            console.detail(String.format(Locale.ROOT, "%-24s %s %s", runtime.name(), result.healthy() ? "ok  " : "FAIL",
                    result.detail()));
            if (!result.healthy()) {
                failures.add("smoke call to " + runtime.name() + " failed: " + result.detail() + "; next: "
                        + DeployFailureHint.of(result.detail(), ws.target().region().id()));
            }
        }
        return failures;
    }

    private void summary(Map<StackOutcome, List<String>> outcomes, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean nothing = outcomes.keySet().stream().allMatch(o -> o == StackOutcome.NO_CHANGES);
        if (nothing) {
            console.line(String.format(Locale.ROOT, "no changes: every stack is as deployed; nothing was created or"
                    + " updated (%.1f s)", seconds));
            return;
        }
        console.line(String.format(Locale.ROOT, "deployed in %.1f s: %s", seconds, outcomes.entrySet().stream()
                .map(e -> e.getKey().describe() + " " + e.getValue()).collect(Collectors.joining("; "))));
    }
}
