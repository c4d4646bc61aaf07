package dev.agentcore.infra.stacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.agentcore.core.text.Similarity;

/**
 * The deploy order applied to one environment and the runtimes manifest: which stacks, in which order, under which
 * CloudFormation names, with which capabilities, and each parameter's value and source. Entries of the order with
 * {@code forEach} become one stack per runtime (or per named endpoint) of {@code runtimes.json}.
 *
 * <p>A parameter's value comes from exactly one place: the layout ({@code infra/stacks.json}), the runtime's entry in
 * {@code runtimes.json} ({@link RuntimeParameter}), the environment file (the stack's section, or its group's), or
 * the output of the same name of an earlier stack in scope: a shared stack, or a stack of the same runtime (a
 * runtime's stack takes its own repository, never another runtime's). A parameter with none of those uses the
 * template default; without a default it is missing. {@link #check()} proves this for every stack before anything
 * is deployed (outputs are known by name from the templates); {@link #parameters} resolves real values at deploy time.
 */
public final class DeployPlan {

    /** The output of a per-runtime stack that names the runtime's image repository. */
    public static final String REPOSITORY_URI_OUTPUT = "RepositoryUri";
    /** The parameter of a per-runtime stack that takes the runtime's image tag. */
    public static final String IMAGE_TAG_PARAMETER = "ImageTag";

    private final StackManifest manifest;
    private final DeploymentEnvironment environment;
    private final Optional<RuntimeManifest> runtimes;
    private final Map<String, CloudFormationTemplate> templates;
    private final List<StackDefinition> order;

    private DeployPlan(StackManifest manifest, DeploymentEnvironment environment, Optional<RuntimeManifest> runtimes,
            Map<String, CloudFormationTemplate> templates, List<StackDefinition> order) {
        this.manifest = manifest;
        this.environment = environment;
        this.runtimes = runtimes;
        this.templates = templates;
        this.order = List.copyOf(order);
    }

    /** The plan with the runtimes manifest {@code stacks.json} names (its {@code "runtimes"}), if it names one. */
    public static DeployPlan of(StackManifest manifest, DeploymentEnvironment environment) {
        return of(manifest, environment, manifest.runtimes().map(RuntimeManifest::read));
    }

    /** The plan for these runtimes. Reads every template; reports all unreadable ones at once. */
    public static DeployPlan of(StackManifest manifest, DeploymentEnvironment environment, RuntimeManifest runtimes) {
        return of(manifest, environment, Optional.of(runtimes));
    }

    private static DeployPlan of(StackManifest manifest, DeploymentEnvironment environment,
            Optional<RuntimeManifest> runtimes) {
        Map<String, CloudFormationTemplate> templates = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (StackDefinition stack : manifest.stacks()) {
            try {
                templates.put(stack.group(), CloudFormationTemplate.read(stack.template()));
            } catch (InfraConfigException e) {
                problems.addAll(e.problems());
            }
        }
        List<StackDefinition> order = new ArrayList<>();
        for (StackDefinition stack : manifest.stacks()) {
            if (stack.scope() == StackScope.SHARED) {
                order.add(stack);
            } else if (runtimes.isEmpty()) {
                problems.add(new Problem(manifest.file(), "stacks[" + manifest.stacks().indexOf(stack) + "].forEach",
                        "a per-" + stack.scope().name().toLowerCase(java.util.Locale.ROOT) + " stack needs the runtimes manifest"));
            } else {
                for (RuntimeSpec runtime : runtimes.get().runtimes()) {
                    if (stack.scope() == StackScope.RUNTIME) {
                        order.add(stack.forRuntime(runtime));
                    } else {
                        runtime.endpoints().keySet().forEach(endpoint -> order.add(stack.forEndpoint(runtime, endpoint)));
                    }
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (StackDefinition stack : order) {
            if (!names.add(stack.name())) {
                problems.add(new Problem(runtimes.map(RuntimeManifest::file).orElse(manifest.file()), "runtimes",
                        "two stacks would be named '" + stack.name() + "'; rename a runtime or an endpoint"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        return new DeployPlan(manifest, environment, runtimes, templates, order);
    }

    /** Every stack to deploy, in order: per-runtime stacks expanded, {@code ecr-hello-agent} before {@code runtime-hello-agent}. */
    public List<StackDefinition> order() {
        return order;
    }

    public DeploymentEnvironment environment() {
        return environment;
    }

    /** The runtimes manifest this plan deploys, if its order has per-runtime stacks. */
    public Optional<RuntimeManifest> runtimes() {
        return runtimes;
    }

    /** The stack of that name ({@code runtime-mcp-echo}), if the plan has one. */
    public Optional<StackDefinition> stack(String name) {
        return order.stream().filter(stack -> stack.name().equals(name)).findFirst();
    }

    /** The stacks deployed for one runtime, in order. */
    public List<StackDefinition> stacksOf(String runtimeName) {
        return order.stream()
                .filter(stack -> stack.runtime().map(r -> r.name().value().equals(runtimeName)).orElse(false))
                .toList();
    }

    public String stackName(StackDefinition stack) {
        return environment.stackName(stack);
    }

    public CloudFormationTemplate template(StackDefinition stack) {
        return templates.get(stack.group());
    }

    /** CAPABILITY_IAM or CAPABILITY_NAMED_IAM when the template has IAM resources. */
    public Optional<String> capability(StackDefinition stack) {
        return template(stack).requiredCapability();
    }

    /**
     * Where each runtime's image enters this plan: the runtime's stack whose template outputs
     * {@value #REPOSITORY_URI_OUTPUT} (its ECR repository) and its stack whose template takes
     * {@value #IMAGE_TAG_PARAMETER}.
     *
     * @throws InfraConfigException listing every runtime that this plan does not deploy, or whose repository output or
     *                              tag parameter is missing
     */
    public List<ImageSlot> images(RuntimeManifest manifestRuntimes) {
        List<ImageSlot> slots = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (RuntimeSpec runtime : manifestRuntimes.runtimes()) {
            String name = runtime.name().value();
            List<StackDefinition> stacks = stacksOf(name);
            if (stacks.isEmpty()) {
                problems.add(new Problem(manifestRuntimes.file(), name, "this plan deploys no stack for this runtime"
                        + runtimes.map(r -> " (it deploys the runtimes of " + r.file() + ": " + r.names() + ")").orElse("")));
                continue;
            }
            Optional<StackDefinition> repository = stacks.stream()
                    .filter(stack -> template(stack).outputs().contains(REPOSITORY_URI_OUTPUT)).findFirst();
            Optional<StackDefinition> tag = stacks.stream()
                    .filter(stack -> template(stack).parameters().containsKey(IMAGE_TAG_PARAMETER)).findFirst();
            if (repository.isEmpty()) {
                problems.add(new Problem(manifestRuntimes.file(), name, "none of its stacks " + names(stacks)
                        + " outputs " + REPOSITORY_URI_OUTPUT + " for this runtime's image repository"));
            }
            if (tag.isEmpty()) {
                problems.add(new Problem(manifestRuntimes.file(), name, "none of its stacks " + names(stacks)
                        + " takes a parameter " + IMAGE_TAG_PARAMETER + " for this runtime's image tag"));
            }
            if (repository.isPresent() && tag.isPresent()) {
                slots.add(new ImageSlot(runtime, repository.get().name(), REPOSITORY_URI_OUTPUT, tag.get().name(),
                        IMAGE_TAG_PARAMETER));
            }
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        return slots;
    }

    private static List<String> names(List<StackDefinition> stacks) {
        return stacks.stream().map(StackDefinition::name).toList();
    }

    /** Everything that would stop a deployment of this environment, found without deploying anything. */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        for (String section : environment.parameters().keySet()) {
            if (stack(section).isEmpty() && manifest.stack(section).isEmpty()) {
                problems.add(new Problem(environment.file(), "parameters." + section, "no stack or stack group of that name in "
                        + manifest.file() + " (groups: " + manifest.stacks().stream().map(StackDefinition::name).toList() + ")"));
            }
        }
        for (StackDefinition stack : order()) {
            problems.addAll(resolve(stack, null).problems());
        }
        return problems;
    }

    /**
     * The parameters to deploy a stack with, outputs of earlier stacks read from {@code outputs}.
     *
     * @throws InfraConfigException listing every parameter that is missing, ambiguous or invalid
     */
    public List<ResolvedParameter> parameters(String stackName, StackOutputs outputs) {
        Resolution resolution = resolve(required(stackName), outputs);
        if (!resolution.problems().isEmpty()) {
            throw new InfraConfigException(resolution.problems());
        }
        return resolution.parameters();
    }

    /**
     * The parameters a deployment of this stack will use, as far as they are known before anything is deployed:
     * chained outputs appear as {@code <output of STACK>}. For a dry run.
     *
     * @throws InfraConfigException listing every parameter that is missing, ambiguous or invalid
     */
    public List<ResolvedParameter> plannedParameters(String stackName) {
        Resolution resolution = resolve(required(stackName), null);
        if (!resolution.problems().isEmpty()) {
            throw new InfraConfigException(resolution.problems());
        }
        return resolution.parameters();
    }

    private StackDefinition required(String stackName) {
        return stack(stackName).orElseThrow(() -> new InfraConfigException(new Problem(manifest.file(), "stacks",
                "no stack named '" + stackName + "'" + Similarity.closest(stackName, names(order))
                        .map(c -> " (did you mean " + c + "?)").orElse(""))));
    }

    private record Resolution(List<ResolvedParameter> parameters, List<Problem> problems) {
    }

    /** Where a value was written, for the problems that name it. */
    private record Origin(Path file, String where) {
    }

    /** With {@code outputs} null, outputs are known only by name (the static check). */
    private Resolution resolve(StackDefinition stack, StackOutputs outputs) {
        CloudFormationTemplate template = template(stack);
        int index = manifest.stacks().indexOf(manifest.stack(stack.group()).orElseThrow());
        String fixedAt = "stacks[" + index + "].parameters";
        List<Problem> problems = new ArrayList<>();
        undeclared(stack.parameters().keySet(), template, manifest.file(), fixedAt, problems);
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        sections.put(stack.group(), environment.parameters().getOrDefault(stack.group(), Map.of()));
        if (!stack.name().equals(stack.group())) {
            sections.put(stack.name(), environment.parameters().getOrDefault(stack.name(), Map.of()));
        }
        sections.forEach((section, values) -> undeclared(values.keySet(), template, environment.file(),
                "parameters." + section, problems));
        String section = "parameters." + stack.name();

        List<ResolvedParameter> resolved = new ArrayList<>();
        for (TemplateParameter parameter : template.parameters().values()) {
            String name = parameter.name();
            List<ResolvedParameter> sources = new ArrayList<>();
            List<Origin> origins = new ArrayList<>();
            if (stack.parameters().containsKey(name)) {
                sources.add(new ResolvedParameter(name, stack.parameters().get(name), ResolvedParameter.Source.MANIFEST,
                        manifest.file().toString()));
                origins.add(new Origin(manifest.file(), fixedAt + "." + name));
            }
            Optional<RuntimeParameter> fromRuntime = RuntimeParameter.named(name);
            if (fromRuntime.isPresent() && stack.runtime().isPresent()) {
                Optional<String> value = fromRuntime.get().value(stack.runtime().get(), stack.endpoint());
                if (value.isPresent()) {
                    Path file = runtimes.orElseThrow().file();
                    sources.add(new ResolvedParameter(name, value.get(), ResolvedParameter.Source.MANIFEST, file.toString()));
                    origins.add(new Origin(file, stack.runtime().get().name().value() + "." + fromRuntime.get().field()));
                }
            }
            sections.forEach((at, values) -> {
                if (values.containsKey(name)) {
                    sources.add(new ResolvedParameter(name, values.get(name), ResolvedParameter.Source.ENVIRONMENT,
                            environment.file().toString()));
                    origins.add(new Origin(environment.file(), "parameters." + at + "." + name));
                }
            });
            chained(stack, name, outputs, problems).ifPresent(source -> {
                sources.add(source);
                origins.add(new Origin(environment.file(), section + "." + name));
            });

            if (sources.size() > 1) {
                problems.add(new Problem(environment.file(), section + "." + name, "set in more than one place ("
                        + sources.stream().map(source -> source.source() + " " + source.from()).toList()
                        + "); a parameter's value must come from one place"));
            } else if (sources.isEmpty() && parameter.hasDefault()) {
                resolved.add(new ResolvedParameter(name, parameter.defaultValue().orElseThrow(),
                        ResolvedParameter.Source.DEFAULT, template.file().toString()));
            } else if (sources.isEmpty()) {
                problems.add(new Problem(environment.file(), section + "." + name, "missing: " + template.file()
                        + " requires it (no default), and no earlier stack outputs it" + laterProvider(stack, name)));
            } else {
                ResolvedParameter source = sources.getFirst();
                Origin origin = origins.getFirst();
                boolean known = outputs != null || source.source() != ResolvedParameter.Source.OUTPUT;
                if (known) {
                    parameter.violation(source.value()).ifPresent(violation -> problems.add(new Problem(origin.file(),
                            origin.where(), violation + " (from " + source.source().name().toLowerCase(java.util.Locale.ROOT)
                                    + " " + source.from() + ")")));
                }
                resolved.add(source);
            }
        }
        return new Resolution(resolved, problems);
    }

    /** The value of the same-named output of the one earlier stack in scope that has it. */
    private Optional<ResolvedParameter> chained(StackDefinition stack, String name, StackOutputs outputs,
            List<Problem> problems) {
        List<StackDefinition> providers = order.subList(0, order.indexOf(stack)).stream()
                .filter(stack::sees)
                .filter(earlier -> template(earlier).outputs().contains(name))
                .toList();
        if (providers.isEmpty()) {
            return Optional.empty();
        }
        if (providers.size() > 1) {
            problems.add(new Problem(template(stack).file(), "Parameters." + name, "outputs of several earlier stacks"
                    + " have this name (" + names(providers)
                    + "); rename the parameter or an output so the chain is unambiguous"));
            return Optional.empty();
        }
        StackDefinition provider = providers.getFirst();
        String providerStack = stackName(provider);
        if (outputs == null) {
            return Optional.of(new ResolvedParameter(name, "<output of " + providerStack + ">",
                    ResolvedParameter.Source.OUTPUT, providerStack));
        }
        Optional<Map<String, String>> deployed = outputs.read(providerStack);
        if (deployed.isEmpty()) {
            problems.add(new Problem(outputs.fileOf(providerStack), "", "stack " + stack.name() + " needs " + name
                    + " from stack " + provider.name() + ", which has no outputs yet: deploy " + providerStack + " first"));
            return Optional.empty();
        }
        String value = deployed.get().get(name);
        if (value == null) {
            problems.add(new Problem(outputs.fileOf(providerStack), name, "missing; stack " + stack.name()
                    + " needs it (redeploy " + providerStack + " to refresh its outputs)"));
            return Optional.empty();
        }
        return Optional.of(new ResolvedParameter(name, value, ResolvedParameter.Source.OUTPUT, providerStack));
    }

    private String laterProvider(StackDefinition stack, String name) {
        return order.subList(order.indexOf(stack) + 1, order.size()).stream()
                .filter(stack::sees)
                .filter(later -> template(later).outputs().contains(name))
                .findFirst()
                .map(later -> "; stack " + later.name() + " outputs it but deploys later: move it earlier in "
                        + manifest.file())
                .orElse("");
    }

    private static void undeclared(Set<String> names, CloudFormationTemplate template, Path file, String where,
            List<Problem> problems) {
        for (String name : names) {
            if (!template.parameters().containsKey(name)) {
                problems.add(new Problem(file, where + "." + name, template.file() + " declares no such parameter"
                        + Similarity.closest(name, template.parameters().keySet()).map(c -> " (did you mean " + c + "?)").orElse("")));
            }
        }
    }
}
