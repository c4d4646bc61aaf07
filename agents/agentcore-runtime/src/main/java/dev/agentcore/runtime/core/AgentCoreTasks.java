package dev.agentcore.runtime.core;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Background work that keeps the session busy, the Python SDK's {@code add_async_task} /
 * {@code complete_async_task} and {@code @app.async_task}: while any task is open, the automatic {@code /ping}
 * status is {@code HealthyBusy}.
 */
public final class AgentCoreTasks {

    private static final System.Logger log = System.getLogger(AgentCoreTasks.class.getName());

    /** One running task as {@link #info()} reports it. */
    public record RunningJob(String name, double duration) {
    }

    /** The snapshot the Python SDK calls {@code get_async_task_info()}. */
    public record TaskInfo(int activeCount, List<RunningJob> runningJobs) {
    }

    private record Task(String name, Instant started, Map<String, Object> metadata) {
    }

    private final Map<Long, Task> active = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    public AgentCoreTasks(Clock clock) {
        this.clock = clock;
    }

    /** Opens a task and returns its id for {@link #complete(long)}. */
    public long add(String name) {
        return add(name, Map.of());
    }

    /** Opens a task with metadata (null allowed, as the Python SDK's {@code metadata=None}). */
    public long add(String name, Map<String, Object> metadata) {
        long id = ids.incrementAndGet();
        Map<String, Object> copy = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        active.put(id, new Task(name, clock.instant(), copy));
        log.log(Level.INFO, "Async task started: {0} (ID: {1})", name, String.valueOf(id));
        return id;
    }

    /** Closes a task; {@code false} when no open task has that id. */
    public boolean complete(long taskId) {
        Task task = active.remove(taskId);
        if (task == null) {
            log.log(Level.WARNING, "Attempted to complete unknown task ID: {0}", String.valueOf(taskId));
            return false;
        }
        log.log(Level.INFO, "Async task completed: {0} (ID: {1}, Duration: {2}s)", task.name(), String.valueOf(taskId),
                String.format(Locale.ROOT, "%.2f", seconds(task)));
        return true;
    }

    /** Runs work as one task ({@code @app.async_task}): the session is busy until it returns or throws. */
    public <T> T run(String name, Callable<T> work) throws Exception {
        long id = add(name);
        try {
            return work.call();
        } finally {
            complete(id);
        }
    }

    /** Starts work on a virtual thread of its own as one task; the session is busy until it ends. */
    public Thread runInBackground(String name, Runnable work) {
        long id = add(name);
        return Thread.ofVirtual().name("agentcore-task-" + id).start(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.log(Level.ERROR, "Async task " + name + " failed: " + e.getMessage());
            } finally {
                complete(id);
            }
        });
    }

    public int activeCount() {
        return active.size();
    }

    public TaskInfo info() {
        List<RunningJob> jobs = active.values().stream().map(task -> new RunningJob(task.name(), seconds(task))).toList();
        return new TaskInfo(jobs.size(), jobs);
    }

    private double seconds(Task task) {
        return Duration.between(task.started(), clock.instant()).toNanos() / 1e9;
    }
}
