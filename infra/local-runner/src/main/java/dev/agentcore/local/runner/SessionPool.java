package dev.agentcore.local.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sessions of runtimes, one process per (runtime id, version, session id) as AgentCore runs one microVM per session:
 * reused while alive, stopped after the runtime's idle timeout, at its maximum lifetime, on {@link #stop} (the
 * service's StopRuntimeSession) and on {@link #close}, which leaves no process behind. This is the runner's API: the
 * data plane acquires a lease per invocation and calls the lease's endpoint.
 */
public final class SessionPool implements AutoCloseable {

    /**
     * @param workDir where images are extracted and sessions get their home folder
     * @param logDir where each session writes its log, {@code <runtime id>-v<version>-<session id>.log}
     * @param maxSessions how many sessions may run at once
     * @param initializationLimit how long a new session has to answer its health check (AgentCore: 30 s)
     * @param reaperInterval how often idle and expired sessions are looked for
     * @param jdk the JDK that runs the images' java commands
     */
    public record Settings(Path workDir, Path logDir, int maxSessions, Duration initializationLimit,
            Duration reaperInterval, HostJdk jdk) {

        public Settings {
            Objects.requireNonNull(workDir, "workDir");
            Objects.requireNonNull(logDir, "logDir");
            if (maxSessions < 1) {
                throw new IllegalArgumentException("maxSessions must be at least 1");
            }
        }

        /** 16 sessions, AgentCore's 30 s initialization limit, a look every second, the host's JDK. */
        public static Settings defaults(Path workDir, Path logDir) {
            return new Settings(workDir, logDir, 16, Duration.ofSeconds(30), Duration.ofSeconds(1), HostJdk.find());
        }

        public Settings withMaxSessions(int value) {
            return new Settings(workDir, logDir, value, initializationLimit, reaperInterval, jdk);
        }

        public Settings withInitializationLimit(Duration value) {
            return new Settings(workDir, logDir, maxSessions, value, reaperInterval, jdk);
        }

        public Settings withReaperInterval(Duration value) {
            return new Settings(workDir, logDir, maxSessions, initializationLimit, value, jdk);
        }
    }

    /** A session that ended, and why; for the caller's logs and tests. */
    public record Ended(SessionKey key, String reason) {
    }

    private static final class Slot {
        SessionProcess process;
    }

    private final Settings settings;
    private final ImageCache images;
    private final Map<SessionKey, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper;
    private final Thread shutdownHook;
    private volatile Consumer<Ended> onEnded = ended -> { };
    private int running;
    private boolean closed;

    public SessionPool(ImageSource source, Settings settings) {
        this.settings = settings;
        this.images = new ImageCache(source, settings.workDir().resolve("images"));
        this.reaper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("local-runner-reaper")
                .factory());
        long interval = settings.reaperInterval().toMillis();
        reaper.scheduleWithFixedDelay(this::reap, interval, interval, TimeUnit.MILLISECONDS);
        // A JVM that exits without close() must not leave agents running.
        this.shutdownHook = new Thread(this::stopAll, "local-runner-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Called when a session ends (idle timeout, maximum lifetime, exit, stop, close). */
    public void onEnded(Consumer<Ended> listener) {
        this.onEnded = Objects.requireNonNull(listener);
    }

    /** Which runner sessions use. */
    public RunnerKind runner() {
        return RunnerKind.HOST_JDK_PROCESS;
    }

    /**
     * The image the URI names, as its config says, for CreateAgentRuntime's checks; {@code requireArm64} on it gives
     * the service's refusal.
     */
    public ContainerImage inspect(String containerUri) {
        return images.inspect(containerUri);
    }

    /**
     * The session's process, started (and waited for until healthy) when it does not run yet. Close the lease when
     * the invocation ends.
     *
     * @throws RunnerException one of its cases: the data plane maps each to the service's answer
     */
    public SessionLease acquire(SessionKey key, SessionLaunch launch) {
        Slot slot;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the session pool is closed");
            }
            slot = slots.computeIfAbsent(key, k -> new Slot());
        }
        synchronized (slot) {
            if (slot.process != null && slot.process.alive()) {
                slot.process.lease();
                return new SessionLease(key, slot.process, false);
            }
            if (slot.process != null) {
                retire(key, slot, "EXITED");
                return acquire(key, launch);
            }
            synchronized (this) {
                if (running >= settings.maxSessions()) {
                    slots.remove(key, slot);
                    throw new RunnerException.SessionLimitReached(settings.maxSessions());
                }
                running++;
            }
            SessionProcess process = null;
            try {
                PreparedImage image = images.prepare(launch.containerUri());
                process = SessionProcess.start(key, launch, image, settings.jdk(),
                        settings.logDir(), settings.workDir().resolve("sessions").resolve(key.label()));
                process.awaitHealthy(launch.protocol(), settings.initializationLimit());
            } catch (RuntimeException e) {
                if (process != null) {
                    process.stop();
                }
                synchronized (this) {
                    running--;
                }
                slots.remove(key, slot);
                throw e;
            }
            slot.process = process;
            process.lease();
            return new SessionLease(key, process, true);
        }
    }

    /** StopRuntimeSession: stops the session's process; false when none ran. */
    public boolean stop(SessionKey key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return false;
        }
        synchronized (slot) {
            return slot.process != null && retire(key, slot, "STOPPED");
        }
    }

    /** The sessions running now. */
    public List<SessionKey> sessions() {
        List<SessionKey> keys = new ArrayList<>();
        slots.forEach((key, slot) -> {
            SessionProcess process = slot.process;
            if (process != null && process.alive()) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** The process id of a running session, for diagnosis. */
    public Optional<Long> pid(SessionKey key) {
        Slot slot = slots.get(key);
        SessionProcess process = slot == null ? null : slot.process;
        return process == null || !process.alive() ? Optional.empty() : Optional.of(process.pid());
    }

    private void reap() {
        Instant now = Instant.now();
        slots.forEach((key, slot) -> {
            SessionProcess process = slot.process;
            SessionProcess.StopReason reason = process == null ? null : process.due(now);
            if (reason != null) {
                synchronized (slot) {
                    if (slot.process == process) {
                        retire(key, slot, reason.name());
                    }
                }
            }
        });
    }

    /** Stops the slot's process and forgets it; the caller holds the slot's lock. */
    private boolean retire(SessionKey key, Slot slot, String reason) {
        SessionProcess process = slot.process;
        if (process == null) {
            return false;
        }
        slot.process = null;
        slots.remove(key, slot);
        process.stop();
        synchronized (this) {
            running--;
        }
        onEnded.accept(new Ended(key, reason));
        return true;
    }

    private void stopAll() {
        List<Thread> stopping = new ArrayList<>();
        slots.forEach((key, slot) -> stopping.add(Thread.ofVirtual().start(() -> {
            synchronized (slot) {
                retire(key, slot, "CLOSED");
            }
        })));
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops every session and waits for their processes to end. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        reaper.shutdownNow();
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
    }
}
