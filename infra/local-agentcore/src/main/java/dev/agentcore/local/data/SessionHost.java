package dev.agentcore.local.data;

import java.util.Objects;

/**
 * A session's container, held for one invocation: the data plane closes it once the answer has streamed back, so the
 * runner does not count the session idle (and stop it) while an answer is still on its way.
 */
public final class SessionHost implements AutoCloseable {

    private final ContainerAddress address;
    private final Runnable release;
    private boolean closed;

    private SessionHost(ContainerAddress address, Runnable release) {
        this.address = Objects.requireNonNull(address, "address");
        this.release = Objects.requireNonNull(release, "release");
    }

    /** A container held until {@link #close()}, which runs {@code release} once. */
    public static SessionHost leased(ContainerAddress address, Runnable release) {
        return new SessionHost(address, release);
    }

    /** A container with nothing to release (one that runs on its own, as in tests). */
    public static SessionHost unleased(ContainerAddress address) {
        return new SessionHost(address, () -> { });
    }

    public ContainerAddress address() {
        return address;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
