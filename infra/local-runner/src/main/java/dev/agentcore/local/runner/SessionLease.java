package dev.agentcore.local.runner;

import java.net.URI;
import java.nio.file.Path;

/**
 * A session in use by one request. While any lease is open the session is not idle; closing the lease starts its
 * idle clock again, as the end of an invocation does on AgentCore.
 */
public final class SessionLease implements AutoCloseable {

    private final SessionKey key;
    private final SessionProcess process;
    private final boolean started;
    private boolean closed;

    SessionLease(SessionKey key, SessionProcess process, boolean started) {
        this.key = key;
        this.process = process;
        this.started = started;
    }

    public SessionKey key() {
        return key;
    }

    /** Where the session listens, such as {@code http://127.0.0.1:41234}: append {@code /invocations} or {@code /mcp}. */
    public URI endpoint() {
        return process.endpoint();
    }

    public int port() {
        return process.port();
    }

    /** Whether this lease started the session (a cold start), rather than reusing a running one. */
    public boolean started() {
        return started;
    }

    public RunnerKind runner() {
        return RunnerKind.HOST_JDK_PROCESS;
    }

    /** The session's log: its standard output and error. */
    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            process.release();
        }
    }
}
