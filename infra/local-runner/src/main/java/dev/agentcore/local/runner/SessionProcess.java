package dev.agentcore.local.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One session's process: the image's java command on the host's JDK, on a port of its own. */
final class SessionProcess {

    static final String LOOPBACK = "127.0.0.1";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 30;
    private static final String MCP_INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"local-runner","version":"0.1.0"}}}""";

    private final SessionKey key;
    private final Process process;
    private final int port;
    private final Path logFile;
    private final Instant started;
    private final Lifecycle lifecycle;
    private int leases;
    private Instant lastActivity;
    private boolean stopped;

    private SessionProcess(SessionKey key, Process process, int port, Path logFile, Lifecycle lifecycle) {
        this.key = key;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.started = Instant.now();
        this.lifecycle = lifecycle;
        this.lastActivity = started;
    }

    static SessionProcess start(SessionKey key, SessionLaunch launch, PreparedImage image, HostJdk jdk,
            Path logDir, Path homeDir) {
        int port = freePort();
        List<String> command = command(image, jdk);
        Path logFile = logDir.resolve(key.label() + ".log");
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(homeDir);
            Files.writeString(logFile, "# local-runner: runner " + RunnerKind.HOST_JDK_PROCESS + ", image "
                    + launch.containerUri() + " (" + image.image().digest() + "), port " + port + "\n# "
                    + String.join(" ", command) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(image.workingDir().orElse(homeDir).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            environment(builder.environment(), launch, image, jdk, homeDir, port);
            return new SessionProcess(key, builder.start(), port, logFile, launch.lifecycle());
        } catch (IOException e) {
            throw new RunnerException.StartFailed("cannot start session " + key.label() + ": " + e.getMessage(), e);
        }
    }

    /** The image's java command as a session runs it: the host JDK's launcher, then the image's rewritten arguments. */
    static List<String> command(PreparedImage image, HostJdk jdk) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(image.javaArguments());
        return List.copyOf(command);
    }

    /**
     * A clean environment, so that nothing of the host's (its own AWS credentials above all) leaks into the session:
     * the image's variables, then the runtime's, then what AgentCore sets, which win.
     */
    static void environment(Map<String, String> env, SessionLaunch launch, PreparedImage image, HostJdk jdk,
            Path homeDir, int port) {
        env.clear();
        env.put("PATH", jdk.home().resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", homeDir.toString());
        env.putAll(image.environment());
        env.putAll(launch.environmentVariables());
        env.put("JAVA_HOME", jdk.home().toString());
        env.put("AWS_REGION", launch.region());
        env.put("AWS_DEFAULT_REGION", launch.region());
        launch.credentials().ifPresent(credentials -> {
            env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
            credentials.sessionToken().ifPresent(token -> env.put("AWS_SESSION_TOKEN", token));
        });
        env.put("DOCKER_CONTAINER", "1");
        // The session's own port instead of the contract's 8080/8000: Spring Boot reads SERVER_PORT over
        // application.properties, the lean mains through ListenAddress; PORT for servers that read that.
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("PORT", Integer.toString(port));
        // DOCKER_CONTAINER makes a server bind all interfaces, as in a microVM; on a developer's host the
        // unauthenticated agent stays on loopback, where the data plane calls it.
        env.put("SERVER_ADDRESS", LOOPBACK);
    }

    /** Waits until the session answers its health check; stops it and throws when it exits or runs out of time. */
    void awaitHealthy(ServerProtocol protocol, Duration limit) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(limit);
        try {
            while (true) {
                if (!process.isAlive()) {
                    int code = process.waitFor();
                    throw new RunnerException.ExitedEarly(key.label(), code, logTail());
                }
                if (healthy(client, protocol)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    stop();
                    throw new RunnerException.InitializationTimeout(key.label(), limit, logTail());
                }
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new RunnerException.StartFailed("interrupted while session " + key.label() + " started", e);
        } finally {
            client.close();
        }
    }

    private boolean healthy(HttpClient client, ServerProtocol protocol) throws InterruptedException {
        HttpRequest request = switch (protocol) {
            case HTTP -> HttpRequest.newBuilder(endpoint().resolve("/ping")).GET().timeout(Duration.ofSeconds(2))
                    .build();
            case MCP -> HttpRequest.newBuilder(endpoint().resolve("/mcp")).timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(MCP_INITIALIZE)).build();
        };
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return protocol == ServerProtocol.HTTP ? response.statusCode() == 200
                    : response.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        }
    }

    URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    synchronized void lease() {
        leases++;
        lastActivity = Instant.now();
    }

    synchronized void release() {
        leases = Math.max(0, leases - 1);
        lastActivity = Instant.now();
    }

    /** Why the pool should stop this session now, or null. */
    synchronized StopReason due(Instant now) {
        if (!process.isAlive()) {
            return StopReason.EXITED;
        }
        if (!now.isBefore(started.plus(lifecycle.maxLifetime()))) {
            return StopReason.MAX_LIFETIME;
        }
        if (leases == 0 && !now.isBefore(lastActivity.plus(lifecycle.idleTimeout()))) {
            return StopReason.IDLE_TIMEOUT;
        }
        return null;
    }

    /** Stops the process and everything it started: SIGTERM, then SIGKILL after a grace period. */
    void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle child : tree) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - 16_384);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new RunnerException.StartFailed("no free port on " + LOOPBACK + ": " + e.getMessage(), e);
        }
    }

    /** Why a session ended. */
    enum StopReason { EXITED, MAX_LIFETIME, IDLE_TIMEOUT, STOPPED, CLOSED }
}
