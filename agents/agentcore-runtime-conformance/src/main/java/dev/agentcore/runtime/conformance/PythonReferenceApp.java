package dev.agentcore.runtime.conformance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import dev.agentcore.testing.RepositoryFiles;

/**
 * The Python SDK's BedrockAgentCoreApp, run from the repository's .venv (installed by {@code make tools})
 * on a free loopback port. Missing tools are a failure that says how to install them, never a skip.
 */
public final class PythonReferenceApp implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int port;

    private PythonReferenceApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static PythonReferenceApp start(String script) throws Exception {
        Path python = RepositoryFiles.python();
        // Copied out: inside a jar the script has no path Python could open.
        Path source = Files.createTempFile("agentcore-reference-", ".py");
        source.toFile().deleteOnExit();
        try (var in = PythonReferenceApp.class.getResourceAsStream("/python/" + script)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference script python/" + script);
            }
            Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("python-reference", ".log");
        Process process = new ProcessBuilder(python.toString(), source.toString(), String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PythonReferenceApp app = new PythonReferenceApp(process, log, port);
        app.awaitPing();
        return app;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitPing() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Python reference exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> ping = client.send(HttpRequest.newBuilder(uri("/ping"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ping.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("The Python reference did not answer /ping within 60 s: " + Files.readString(log));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The reference app for one test class: {@code @RegisterExtension static final PerClass python = ...}. */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private final String script;
        private PythonReferenceApp app;

        public PerClass(String script) {
            this.script = script;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            app = start(script);
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            if (app != null) {
                app.close();
            }
        }

        public URI uri(String path) {
            return app.uri(path);
        }

        public int port() {
            return app.port;
        }
    }
}
