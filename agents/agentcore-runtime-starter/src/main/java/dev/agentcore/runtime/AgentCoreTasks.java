package dev.agentcore.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work that keeps the session busy, the counterpart of the Python SDK's
 * {@code add_async_task} / {@code complete_async_task}. While any task is open, the automatic
 * {@code /ping} status is {@code HealthyBusy}.
 */
public final class AgentCoreTasks {

    private static final Logger log = LoggerFactory.getLogger(AgentCoreTasks.class);

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

    /** Opens a task with metadata and returns its id for {@link #complete(long)}. */
    public long add(String name, Map<String, Object> metadata) {
        long id = ids.incrementAndGet();
        // Null metadata, or null values in it, are allowed, as the Python SDK's metadata=None is.
        Map<String, Object> copy = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        active.put(id, new Task(name, clock.instant(), copy));
        log.info("Async task started: {} (ID: {})", name, id);
        return id;
    }

    /** Closes a task; {@code false} when no open task has that id. */
    public boolean complete(long taskId) {
        Task task = active.remove(taskId);
        if (task == null) {
            log.warn("Attempted to complete unknown task ID: {}", taskId);
            return false;
        }
        log.info("Async task completed: {} (ID: {}, Duration: {}s)", task.name(), taskId,
                String.format(Locale.ROOT, "%.2f", seconds(task)));
        return true;
    }

    public int activeCount() {
        return active.size();
    }

    public TaskInfo info() {
        List<RunningJob> jobs = active.values().stream()
                .map(task -> new RunningJob(task.name(), seconds(task)))
                .toList();
        return new TaskInfo(jobs.size(), jobs);
    }

    private double seconds(Task task) {
        return Duration.between(task.started(), clock.instant()).toNanos() / 1e9;
    }
}
