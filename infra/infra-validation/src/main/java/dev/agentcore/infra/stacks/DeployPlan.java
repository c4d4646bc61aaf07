package dev.agentcore.infra.stacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.agentcore.core.text.Similarity;

/**
 * The deploy order applied to one environment: which stacks, in which order, under which CloudFormation names,
 * with which capabilities, and each parameter's value and source.
 *
 * <p>A parameter's value comes from exactly one place: the manifest (fixed by the layout), the environment file,
 * or the output of the same name of an earlier stack. A parameter with none of those uses the template default;
 * without a default it is missing. {@link #check()} proves this for every stack before anything is deployed
 * (outputs are known by name from the templates); {@link #parameters} resolves real values at deploy time.
 */
public final class DeployPlan {

    private final StackManifest manifest;
    private final DeploymentEnvironment environment;
    private final Map<String, CloudFormationTemplate> templates;

    private DeployPlan(StackManifest manifest, DeploymentEnvironment environment,
            Map<String, CloudFormationTemplate> templates) {
        this.manifest = manifest;
        this.environment = environment;
        this.templates = templates;
    }

    /** Reads every template of the manifest; reports all unreadable ones at once. */
    public static DeployPlan of(StackManifest manifest, DeploymentEnvironment environment) {
        Map<String, CloudFormationTemplate> templates = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (StackDefinition stack : manifest.stacks()) {
            try {
                templates.put(stack.name(), CloudFormationTemplate.read(stack.template()));
            } catch (InfraConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        return new DeployPlan(manifest, environment, templates);
    }

    public List<StackDefinition> order() {
        return manifest.stacks();
    }

    public DeploymentEnvironment environment() {
        return environment;
    }

    public String stackName(StackDefinition stack) {
        return environment.stackName(stack);
    }

    public CloudFormationTemplate template(StackDefinition stack) {
        return templates.get(stack.name());
    }

    /** CAPABILITY_IAM or CAPABILITY_NAMED_IAM when the template has IAM resources. */
    public Optional<String> capability(StackDefinition stack) {
        return template(stack).requiredCapability();
    }

    /**
     * Where each runtime's image enters this plan. The layout's convention: for runtime {@code foo_bar}, the stack
     * {@code ecr} outputs {@code FooBarRepositoryUri} and the stack {@code runtimes} takes {@code FooBarImageTag}.
     *
     * @throws InfraConfigException listing every runtime whose repository output or tag parameter is missing
     */
    public List<ImageSlot> images(RuntimeManifest runtimes) {
        List<ImageSlot> slots = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (RuntimeSpec runtime : runtimes.runtimes()) {
            String prefix = pascalCase(runtime.name().value());
            ImageSlot slot = new ImageSlot(runtime, "ecr", prefix + "RepositoryUri", "runtimes", prefix + "ImageTag");
            Optional<StackDefinition> repositoryStack = manifest.stack(slot.repositoryStack());
            if (repositoryStack.isEmpty() || !template(repositoryStack.get()).outputs().contains(slot.repositoryUriOutput())) {
                problems.add(new Problem(runtimes.file(), runtime.name().value(), "stack '" + slot.repositoryStack()
                        + "' has no output " + slot.repositoryUriOutput() + " for this runtime's image repository"));
            }
            Optional<StackDefinition> tagStack = manifest.stack(slot.tagStack());
            if (tagStack.isEmpty() || !template(tagStack.get()).parameters().containsKey(slot.tagParameter())) {
                problems.add(new Problem(runtimes.file(), runtime.name().value(), "stack '" + slot.tagStack()
                        + "' takes no parameter " + slot.tagParameter() + " for this runtime's image tag"));
            }
            slots.add(slot);
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        return slots;
    }

    /** {@code fitness_mcp_server} becomes {@code FitnessMcpServer}: how templates name a runtime's parameters. */
    static String pascalCase(String runtimeName) {
        StringBuilder out = new StringBuilder();
        for (String part : runtimeName.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** Everything that would stop a deployment of this environment, found without deploying anything. */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        for (String section : environment.parameters().keySet()) {
            if (manifest.stack(section).isEmpty()) {
                problems.add(new Problem(environment.file(), "parameters." + section, "no stack of that name in "
                        + manifest.file() + " (stacks: " + order().stream().map(StackDefinition::name).toList() + ")"));
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
        StackDefinition stack = manifest.stack(stackName).orElseThrow(() -> new InfraConfigException(new Problem(
                manifest.file(), "stacks", "no stack named '" + stackName + "'")));
        Resolution resolution = resolve(stack, outputs);
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
        StackDefinition stack = manifest.stack(stackName).orElseThrow(() -> new InfraConfigException(new Problem(
                manifest.file(), "stacks", "no stack named '" + stackName + "'")));
        Resolution resolution = resolve(stack, null);
        if (!resolution.problems().isEmpty()) {
            throw new InfraConfigException(resolution.problems());
        }
        return resolution.parameters();
    }

    private record Resolution(List<ResolvedParameter> parameters, List<Problem> problems) {
    }

    /** With {@code outputs} null, outputs are known only by name (the static check). */
    private Resolution resolve(StackDefinition stack, StackOutputs outputs) {
        CloudFormationTemplate template = template(stack);
        Map<String, String> fromEnvironment = environment.parametersOf(stack);
        String section = "parameters." + stack.name();
        List<Problem> problems = new ArrayList<>();
        undeclared(stack.parameters().keySet(), template, manifest.file(),
                "stacks[" + order().indexOf(stack) + "].parameters", problems);
        undeclared(fromEnvironment.keySet(), template, environment.file(), section, problems);

        List<ResolvedParameter> resolved = new ArrayList<>();
        for (TemplateParameter parameter : template.parameters().values()) {
            String name = parameter.name();
            List<ResolvedParameter> sources = new ArrayList<>();
            if (stack.parameters().containsKey(name)) {
                sources.add(new ResolvedParameter(name, stack.parameters().get(name), ResolvedParameter.Source.MANIFEST,
                        manifest.file().toString()));
            }
            if (fromEnvironment.containsKey(name)) {
                sources.add(new ResolvedParameter(name, fromEnvironment.get(name), ResolvedParameter.Source.ENVIRONMENT,
                        environment.file().toString()));
            }
            chained(stack, name, outputs, problems).ifPresent(sources::add);

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
                boolean known = outputs != null || source.source() != ResolvedParameter.Source.OUTPUT;
                if (known) {
                    boolean fixed = source.source() == ResolvedParameter.Source.MANIFEST;
                    parameter.violation(source.value()).ifPresent(violation -> problems.add(new Problem(
                            fixed ? manifest.file() : environment.file(),
                            (fixed ? "stacks[" + order().indexOf(stack) + "].parameters" : section) + "." + name,
                            violation + " (from " + source.source().name().toLowerCase() + " " + source.from() + ")")));
                }
                resolved.add(source);
            }
        }
        return new Resolution(resolved, problems);
    }

    /** The value of the same-named output of the one earlier stack that has it. */
    private Optional<ResolvedParameter> chained(StackDefinition stack, String name, StackOutputs outputs,
            List<Problem> problems) {
        List<StackDefinition> providers = order().subList(0, order().indexOf(stack)).stream()
                .filter(earlier -> template(earlier).outputs().contains(name))
                .toList();
        if (providers.isEmpty()) {
            return Optional.empty();
        }
        if (providers.size() > 1) {
            problems.add(new Problem(template(stack).file(), "Parameters." + name, "outputs of several earlier stacks"
                    + " have this name (" + providers.stream().map(StackDefinition::name).toList()
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
        return order().subList(order().indexOf(stack) + 1, order().size()).stream()
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
