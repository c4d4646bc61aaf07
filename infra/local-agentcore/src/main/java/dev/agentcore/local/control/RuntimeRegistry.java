package dev.agentcore.local.control;

import static dev.agentcore.local.control.ControlPlaneException.Kind.CONFLICT;
import static dev.agentcore.local.control.ControlPlaneException.Kind.NOT_FOUND;
import static dev.agentcore.local.control.ControlPlaneException.Kind.VALIDATION;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.arn.RuntimeEndpointArn;
import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeId;
import dev.agentcore.core.runtime.RuntimeName;

/**
 * The runtimes, versions and endpoints of one account in one region, with AgentCore's rules: ids {@code name-} plus
 * ten letters or digits, version 1 on create and one more per update, a DEFAULT endpoint made with the runtime that
 * follows its latest version, named endpoints pinned to the version they name. Create, update and delete are
 * accepted at once (CREATING, UPDATING, DELETING) and finish asynchronously after the configured delay, so clients
 * poll as they do on AWS.
 *
 * <p>Thread-safe: every change happens under one lock and every read returns an immutable snapshot. The control
 * plane's wire layer calls the operations; the data plane calls {@link #resolve(RuntimeArn, Qualifier)}.
 */
public final class RuntimeRegistry implements AutoCloseable {

    /**
     * Where the registry lives and how it behaves.
     *
     * @param partition         the ARN partition ({@code aws})
     * @param provisioningDelay how long CREATING, UPDATING and DELETING last before the next state
     * @param changes           told every snapshot after each change (the state file writer), under the lock
     */
    public record Settings(String partition, String region, String accountId, Duration provisioningDelay,
                           InstantSource clock, Provisioner provisioner, RandomGenerator random,
                           Consumer<Collection<AgentRuntime>> changes) {

        public static Settings of(String region, String accountId) {
            return new Settings("aws", region, accountId, Duration.ofMillis(500), InstantSource.system(),
                    Provisioner.ACCEPT_ALL, RandomGenerator.getDefault(), all -> { });
        }

        public Settings withProvisioningDelay(Duration delay) {
            return new Settings(partition, region, accountId, delay, clock, provisioner, random, changes);
        }

        public Settings withClock(InstantSource newClock) {
            return new Settings(partition, region, accountId, provisioningDelay, newClock, provisioner, random, changes);
        }

        public Settings withProvisioner(Provisioner newProvisioner) {
            return new Settings(partition, region, accountId, provisioningDelay, clock, newProvisioner, random, changes);
        }

        public Settings withChanges(Consumer<Collection<AgentRuntime>> newChanges) {
            return new Settings(partition, region, accountId, provisioningDelay, clock, provisioner, random, newChanges);
        }
    }

    private final Settings settings;
    private final Map<RuntimeId, AgentRuntime> runtimes = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler;

    private RuntimeRegistry(Settings settings) {
        this.settings = settings;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("local-agentcore-provisioning").factory());
    }

    /** An empty registry. */
    public static RuntimeRegistry create(Settings settings) {
        return restore(settings, List.of());
    }

    /** A registry holding {@code saved} (read back from the state file); unfinished work is resumed. */
    public static RuntimeRegistry restore(Settings settings, Collection<AgentRuntime> saved) {
        RuntimeRegistry registry = new RuntimeRegistry(settings);
        synchronized (registry) {
            for (AgentRuntime runtime : saved) {
                registry.runtimes.put(runtime.id(), runtime);
            }
            registry.runtimes.values().forEach(registry::resume);
        }
        return registry;
    }

    public String region() {
        return settings.region();
    }

    public String accountId() {
        return settings.accountId();
    }

    // ---------------------------------------------------------------- runtimes

    /** CreateAgentRuntime: version 1 and the DEFAULT endpoint, both CREATING. */
    public synchronized AgentRuntime create(RuntimeName name, RuntimeConfiguration configuration,
                                            Map<String, String> tags) {
        if (runtimes.values().stream().anyMatch(r -> r.name().equals(name))) {
            // AWS's text, quoted in two independent deploy guides (see the module README).
            throw new ControlPlaneException(CONFLICT, "An agent with the specified name already exists");
        }
        RuntimeId id;
        do {
            id = RuntimeId.generate(name, settings.random());
        } while (runtimes.containsKey(id));
        RuntimeArn arn = new RuntimeArn(settings.partition(), settings.region(), settings.accountId(), id.value());
        Instant now = now();
        RuntimeVersion first = new RuntimeVersion(1, configuration, now, ResourceStatus.CREATING, Optional.empty());
        RuntimeEndpoint defaultEndpoint = new RuntimeEndpoint(arn.endpoint(Qualifier.DEFAULT), endpointId(Qualifier.DEFAULT),
                OptionalInt.empty(), 1, ResourceStatus.CREATING, Optional.empty(), Optional.empty(), now, now);
        AgentRuntime runtime = new AgentRuntime(arn, name, now, now, List.of(first), List.of(defaultEndpoint), tags, false);
        put(runtime);
        scheduleProvisioning(id, 1);
        return runtime;
    }

    /** UpdateAgentRuntime: a new version with {@code configuration}, UPDATING; DEFAULT moves to it once READY. */
    public synchronized AgentRuntime update(RuntimeId id, RuntimeConfiguration configuration) {
        AgentRuntime runtime = live(id);
        if (runtime.status().inProgress()) {
            // Local wording: AWS's text for an update during CREATING/UPDATING is not recorded.
            throw new ControlPlaneException(CONFLICT, "Agent '" + id + "' is " + runtime.status()
                    + "; wait until it is READY (or failed) before updating it.");
        }
        int number = runtime.latest().number() + 1;
        Instant now = now();
        List<RuntimeVersion> versions = new ArrayList<>(runtime.versions());
        versions.add(new RuntimeVersion(number, configuration, now, ResourceStatus.UPDATING, Optional.empty()));
        List<RuntimeEndpoint> endpoints = runtime.endpoints().stream()
                .map(e -> e.isDefault() ? moved(e, number, ResourceStatus.UPDATING, now) : e).toList();
        AgentRuntime updated = new AgentRuntime(runtime.arn(), runtime.name(), runtime.createdAt(), now, versions,
                endpoints, runtime.tags(), false);
        put(updated);
        scheduleProvisioning(id, number);
        return updated;
    }

    /** DeleteAgentRuntime: DELETING now (endpoints too), gone after the delay. */
    public synchronized AgentRuntime delete(RuntimeId id) {
        AgentRuntime runtime = require(id);
        if (runtime.deleting()) {
            return runtime;
        }
        Instant now = now();
        List<RuntimeEndpoint> endpoints = runtime.endpoints().stream()
                .map(e -> withStatus(e, ResourceStatus.DELETING, Optional.empty(), now)).toList();
        AgentRuntime deleting = new AgentRuntime(runtime.arn(), runtime.name(), runtime.createdAt(), now,
                runtime.versions(), endpoints, runtime.tags(), true);
        put(deleting);
        later(() -> finishDeletion(id));
        return deleting;
    }

    /**
     * DeleteAgentRuntime with {@code version}: removes one version that neither is the latest nor is served by an
     * endpoint. (Local wording for both refusals: AWS's text is not recorded.)
     */
    public synchronized RuntimeVersion deleteVersion(RuntimeId id, int number) {
        AgentRuntime runtime = live(id);
        RuntimeVersion version = runtime.version(number).orElseThrow(() -> versionNotFound(id, number));
        if (number == runtime.latest().number()) {
            throw new ControlPlaneException(CONFLICT, "Version " + number + " is the latest version of agent '" + id
                    + "'; delete the runtime to delete it.");
        }
        for (RuntimeEndpoint e : runtime.endpoints()) {
            if (e.targetVersion() == number || e.liveVersion().equals(OptionalInt.of(number))) {
                throw new ControlPlaneException(CONFLICT, "Version " + number + " of agent '" + id
                        + "' is used by endpoint '" + e.name() + "'; point the endpoint at another version first.");
            }
        }
        List<RuntimeVersion> versions = runtime.versions().stream().filter(v -> v.number() != number).toList();
        put(new AgentRuntime(runtime.arn(), runtime.name(), runtime.createdAt(), now(), versions, runtime.endpoints(),
                runtime.tags(), false));
        return version.withStatus(ResourceStatus.DELETING, Optional.empty());
    }

    /** The runtime with {@code id}, or ResourceNotFoundException. */
    public synchronized AgentRuntime get(RuntimeId id) {
        return require(id);
    }

    public synchronized Optional<AgentRuntime> find(RuntimeId id) {
        return Optional.ofNullable(runtimes.get(id));
    }

    /** The runtime with this ARN, when it is one of this region and account. */
    public synchronized Optional<AgentRuntime> find(RuntimeArn arn) {
        return ours(arn) ? find(arn.id()) : Optional.empty();
    }

    /** {@code version} of the runtime, or ResourceNotFoundException. */
    public synchronized RuntimeVersion version(RuntimeId id, int number) {
        return require(id).version(number).orElseThrow(() -> versionNotFound(id, number));
    }

    /** Every runtime, by id. */
    public synchronized List<AgentRuntime> runtimes() {
        return runtimes.values().stream().sorted(Comparator.comparing(r -> r.id().value())).toList();
    }

    // ---------------------------------------------------------------- endpoints

    /** CreateAgentRuntimeEndpoint: pinned to {@code version} (the latest when absent), CREATING. */
    public synchronized RuntimeEndpoint createEndpoint(RuntimeId id, Qualifier name, OptionalInt version,
                                                       Optional<String> description) {
        AgentRuntime runtime = live(id);
        if (runtime.endpoint(name.value()).isPresent()) {
            // Local wording: AWS's text for a taken endpoint name is not recorded.
            throw new ControlPlaneException(CONFLICT, "An endpoint with the specified name already exists");
        }
        // Without a version AWS's API reference does not say which; the latest is what the console offers.
        int target = version.orElse(runtime.latest().number());
        runtime.version(target).orElseThrow(() -> versionNotFound(id, target));
        Instant now = now();
        RuntimeEndpoint endpoint = new RuntimeEndpoint(runtime.arn().endpoint(name), endpointId(name),
                OptionalInt.empty(), target, ResourceStatus.CREATING, Optional.empty(), description, now, now);
        List<RuntimeEndpoint> endpoints = new ArrayList<>(runtime.endpoints());
        endpoints.add(endpoint);
        put(withEndpoints(runtime, endpoints));
        scheduleEndpoint(id, name.value(), target);
        return endpoint;
    }

    /** UpdateAgentRuntimeEndpoint: moves a named endpoint to {@code version}, UPDATING until it serves it. */
    public synchronized RuntimeEndpoint updateEndpoint(RuntimeId id, Qualifier name, OptionalInt version,
                                                       Optional<String> description) {
        AgentRuntime runtime = live(id);
        RuntimeEndpoint endpoint = runtime.endpoint(name.value()).orElseThrow(() -> endpointNotFound(id, name));
        if (endpoint.isDefault()) {
            // Local wording: the DEFAULT endpoint follows the latest version (AWS's devguide); it is not moved by hand.
            throw new ControlPlaneException(VALIDATION, "The DEFAULT endpoint always points to the latest version of"
                    + " the agent runtime; update the agent runtime instead.");
        }
        if (endpoint.status().inProgress()) {
            throw new ControlPlaneException(CONFLICT, "Endpoint '" + name + "' of agent '" + id + "' is "
                    + endpoint.status() + "; wait until it is READY (or failed) before updating it.");
        }
        int target = version.orElse(endpoint.targetVersion());
        runtime.version(target).orElseThrow(() -> versionNotFound(id, target));
        Instant now = now();
        RuntimeEndpoint moving = new RuntimeEndpoint(endpoint.arn(), endpoint.id(), endpoint.liveVersion(), target,
                ResourceStatus.UPDATING, Optional.empty(), description.or(endpoint::description), endpoint.createdAt(), now);
        put(withEndpoints(runtime, replace(runtime.endpoints(), moving)));
        scheduleEndpoint(id, name.value(), target);
        return moving;
    }

    /** DeleteAgentRuntimeEndpoint: DELETING, gone after the delay. DEFAULT goes only with its runtime. */
    public synchronized RuntimeEndpoint deleteEndpoint(RuntimeId id, Qualifier name) {
        AgentRuntime runtime = live(id);
        RuntimeEndpoint endpoint = runtime.endpoint(name.value()).orElseThrow(() -> endpointNotFound(id, name));
        if (endpoint.isDefault()) {
            throw new ControlPlaneException(VALIDATION, "The DEFAULT endpoint cannot be deleted; it is deleted with"
                    + " the agent runtime.");
        }
        RuntimeEndpoint deleting = withStatus(endpoint, ResourceStatus.DELETING, Optional.empty(), now());
        put(withEndpoints(runtime, replace(runtime.endpoints(), deleting)));
        later(() -> finishEndpointDeletion(id, name.value()));
        return deleting;
    }

    /** GetAgentRuntimeEndpoint, or ResourceNotFoundException. */
    public synchronized RuntimeEndpoint endpoint(RuntimeId id, Qualifier name) {
        return require(id).endpoint(name.value()).orElseThrow(() -> endpointNotFound(id, name));
    }

    /** The runtime's endpoints, by name. */
    public synchronized List<RuntimeEndpoint> endpoints(RuntimeId id) {
        return require(id).endpoints().stream().sorted(Comparator.comparing(RuntimeEndpoint::name)).toList();
    }

    // ---------------------------------------------------------------- data plane

    /** Where an invocation of {@code arn} with {@code qualifier} goes. */
    public synchronized Resolution resolve(RuntimeArn arn, Qualifier qualifier) {
        if (!ours(arn)) {
            return new Resolution.RuntimeNotFound(arn.toString());
        }
        return resolve(arn.id(), qualifier);
    }

    /** Where an invocation of the runtime {@code id} (of this account) with {@code qualifier} goes. */
    public synchronized Resolution resolve(RuntimeId id, Qualifier qualifier) {
        AgentRuntime runtime = runtimes.get(id);
        if (runtime == null) {
            return new Resolution.RuntimeNotFound(id.value());
        }
        Optional<RuntimeEndpoint> endpoint = runtime.endpoint(qualifier.value());
        if (endpoint.isEmpty()) {
            return new Resolution.EndpointNotFound(runtime, qualifier);
        }
        RuntimeEndpoint e = endpoint.get();
        if (runtime.deleting() || e.status() == ResourceStatus.DELETING || e.liveVersion().isEmpty()) {
            return new Resolution.NotReady(runtime, e);
        }
        return runtime.version(e.liveVersion().getAsInt())
                .<Resolution>map(v -> new Resolution.Found(runtime, e, v))
                .orElseGet(() -> new Resolution.NotReady(runtime, e));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    // ---------------------------------------------------------------- transitions

    private void scheduleProvisioning(RuntimeId id, int number) {
        later(() -> Thread.ofVirtual().name("provision-" + id + "-v" + number).start(() -> provision(id, number)));
    }

    private void provision(RuntimeId id, int number) {
        RuntimeVersion version;
        synchronized (this) {
            AgentRuntime runtime = runtimes.get(id);
            if (runtime == null || runtime.deleting()) {
                return;
            }
            Optional<RuntimeVersion> v = runtime.version(number).filter(x -> x.status().inProgress());
            if (v.isEmpty()) {
                return;
            }
            version = v.get();
        }
        Optional<String> failure;
        try {
            failure = settings.provisioner().provision(id, version);
        } catch (RuntimeException e) {
            failure = Optional.of("Provisioning failed: " + e.getMessage());
        }
        finishProvisioning(id, number, failure);
    }

    private synchronized void finishProvisioning(RuntimeId id, int number, Optional<String> failure) {
        AgentRuntime runtime = runtimes.get(id);
        if (runtime == null || runtime.deleting() || runtime.version(number).isEmpty()) {
            return;
        }
        RuntimeVersion version = runtime.version(number).get();
        ResourceStatus outcome = failure.isPresent()
                ? (version.status() == ResourceStatus.CREATING ? ResourceStatus.CREATE_FAILED : ResourceStatus.UPDATE_FAILED)
                : ResourceStatus.READY;
        List<RuntimeVersion> versions = runtime.versions().stream()
                .map(v -> v.number() == number ? v.withStatus(outcome, failure) : v).toList();
        Instant now = now();
        List<RuntimeEndpoint> endpoints = runtime.endpoints().stream().map(e -> {
            if (!e.isDefault() || e.targetVersion() != number) {
                return e;
            }
            return failure.isPresent()
                    ? withStatus(e, e.liveVersion().isEmpty() ? ResourceStatus.CREATE_FAILED : ResourceStatus.UPDATE_FAILED,
                            failure, now)
                    : serving(e, number, now);
        }).toList();
        put(new AgentRuntime(runtime.arn(), runtime.name(), runtime.createdAt(), runtime.lastUpdatedAt(), versions,
                endpoints, runtime.tags(), false));
    }

    private void scheduleEndpoint(RuntimeId id, String name, int target) {
        later(() -> finishEndpoint(id, name, target));
    }

    /** A named endpoint serves its target once that version is READY; it fails when the version did. */
    private synchronized void finishEndpoint(RuntimeId id, String name, int target) {
        AgentRuntime runtime = runtimes.get(id);
        if (runtime == null || runtime.deleting()) {
            return;
        }
        Optional<RuntimeEndpoint> found = runtime.endpoint(name)
                .filter(e -> e.targetVersion() == target && e.status().inProgress() && e.status() != ResourceStatus.DELETING);
        Optional<RuntimeVersion> version = runtime.version(target);
        if (found.isEmpty() || version.isEmpty()) {
            return;
        }
        RuntimeEndpoint e = found.get();
        RuntimeVersion v = version.get();
        if (v.status().inProgress()) {
            scheduleEndpoint(id, name, target);
            return;
        }
        Instant now = now();
        RuntimeEndpoint next = v.status() == ResourceStatus.READY ? serving(e, target, now)
                : withStatus(e, e.status() == ResourceStatus.CREATING ? ResourceStatus.CREATE_FAILED : ResourceStatus.UPDATE_FAILED,
                        Optional.of("Version " + target + " is " + v.status() + v.failureReason().map(r -> ": " + r).orElse("")),
                        now);
        put(withEndpoints(runtime, replace(runtime.endpoints(), next)));
    }

    private synchronized void finishEndpointDeletion(RuntimeId id, String name) {
        AgentRuntime runtime = runtimes.get(id);
        if (runtime == null || runtime.deleting()) {
            return;
        }
        List<RuntimeEndpoint> endpoints = runtime.endpoints().stream()
                .filter(e -> !(e.name().equals(name) && e.status() == ResourceStatus.DELETING)).toList();
        put(withEndpoints(runtime, endpoints));
    }

    private void finishDeletion(RuntimeId id) {
        synchronized (this) {
            AgentRuntime runtime = runtimes.get(id);
            if (runtime == null || !runtime.deleting()) {
                return;
            }
            runtimes.remove(id);
            settings.changes().accept(List.copyOf(runtimes.values()));
        }
        settings.provisioner().retire(id);
    }

    /** Picks up what a restart interrupted. */
    private void resume(AgentRuntime runtime) {
        if (runtime.deleting()) {
            later(() -> finishDeletion(runtime.id()));
            return;
        }
        runtime.versions().stream().filter(v -> v.status().inProgress())
                .forEach(v -> scheduleProvisioning(runtime.id(), v.number()));
        for (RuntimeEndpoint e : runtime.endpoints()) {
            if (e.status() == ResourceStatus.DELETING) {
                later(() -> finishEndpointDeletion(runtime.id(), e.name()));
            } else if (e.status().inProgress() && !e.isDefault()) {
                scheduleEndpoint(runtime.id(), e.name(), e.targetVersion());
            }
        }
    }

    private void later(Runnable task) {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(task, settings.provisioningDelay().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    // ---------------------------------------------------------------- helpers

    private AgentRuntime require(RuntimeId id) {
        AgentRuntime runtime = runtimes.get(id);
        if (runtime == null) {
            throw ControlPlaneException.runtimeNotFound(id.value());
        }
        return runtime;
    }

    /** The runtime, refused while it is being deleted (local wording). */
    private AgentRuntime live(RuntimeId id) {
        AgentRuntime runtime = require(id);
        if (runtime.deleting()) {
            throw new ControlPlaneException(CONFLICT, "Agent '" + id + "' is being deleted.");
        }
        return runtime;
    }

    private void put(AgentRuntime runtime) {
        runtimes.put(runtime.id(), runtime);
        settings.changes().accept(List.copyOf(runtimes.values()));
    }

    private boolean ours(RuntimeArn arn) {
        return arn.partition().equals(settings.partition()) && arn.region().equals(settings.region())
                && arn.accountId().equals(settings.accountId());
    }

    private Instant now() {
        // Microseconds: what the SDKs' ISO-8601 parsers (Python's datetime included) keep exactly.
        return settings.clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String endpointId(Qualifier name) {
        return RuntimeId.generate(RuntimeName.of(name.value()), settings.random()).value();
    }

    private static ControlPlaneException versionNotFound(RuntimeId id, int number) {
        // Local wording: AWS's text for an unknown version is not recorded.
        return new ControlPlaneException(NOT_FOUND, "Version '" + number + "' of agent '" + id + "' was not found.");
    }

    private static ControlPlaneException endpointNotFound(RuntimeId id, Qualifier name) {
        // Local wording, in the style of AWS's text for an unknown agent.
        return new ControlPlaneException(NOT_FOUND, "Endpoint '" + name + "' of agent '" + id
                + "' was not found. Please check the endpoint name and try again.");
    }

    private static AgentRuntime withEndpoints(AgentRuntime r, List<RuntimeEndpoint> endpoints) {
        return new AgentRuntime(r.arn(), r.name(), r.createdAt(), r.lastUpdatedAt(), r.versions(), endpoints, r.tags(),
                r.deleting());
    }

    private static List<RuntimeEndpoint> replace(List<RuntimeEndpoint> endpoints, RuntimeEndpoint replacement) {
        return endpoints.stream().map(e -> e.name().equals(replacement.name()) ? replacement : e).toList();
    }

    private static RuntimeEndpoint moved(RuntimeEndpoint e, int target, ResourceStatus status, Instant now) {
        return new RuntimeEndpoint(e.arn(), e.id(), e.liveVersion(), target, status, Optional.empty(), e.description(),
                e.createdAt(), now);
    }

    private static RuntimeEndpoint serving(RuntimeEndpoint e, int version, Instant now) {
        return new RuntimeEndpoint(e.arn(), e.id(), OptionalInt.of(version), version, ResourceStatus.READY,
                Optional.empty(), e.description(), e.createdAt(), now);
    }

    private static RuntimeEndpoint withStatus(RuntimeEndpoint e, ResourceStatus status, Optional<String> reason,
                                              Instant now) {
        return new RuntimeEndpoint(e.arn(), e.id(), e.liveVersion(), e.targetVersion(), status, reason, e.description(),
                e.createdAt(), now);
    }

    /** For an endpoint ARN: the registry's answer for its runtime and name. */
    public Resolution resolve(RuntimeEndpointArn endpoint) {
        return resolve(endpoint.runtime(), endpoint.qualifier());
    }
}
