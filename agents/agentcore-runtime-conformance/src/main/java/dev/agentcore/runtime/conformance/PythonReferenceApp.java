package dev.agentcore.runtime.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import dev.agentcore.testing.LoopbackProcess;
import dev.agentcore.testing.RepositoryFiles;

/**
 * The Python SDK's BedrockAgentCoreApp, run from the repository's .venv (installed by {@code make tools})
 * on a free loopback port. Missing tools are a failure that says how to install them, never a skip.
 */
public final class PythonReferenceApp implements AutoCloseable {

    private final LoopbackProcess process;
    public final int port;

    private PythonReferenceApp(LoopbackProcess process) {
        this.process = process;
        this.port = process.port();
    }

    public static PythonReferenceApp start(String script) throws Exception {
        // Copied out: inside a jar the script has no path Python could open.
        Path source = Files.createTempFile("agentcore-reference-", ".py");
        source.toFile().deleteOnExit();
        try (var in = PythonReferenceApp.class.getResourceAsStream("/python/" + script)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference script python/" + script);
            }
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        HttpClient client = HttpClient.newHttpClient();
        return new PythonReferenceApp(LoopbackProcess.start("The Python reference",
                List.of(RepositoryFiles.python().toString(), source.toString(), "{port}"),
                port -> pingAnswers(client, port), Duration.ofSeconds(60)));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static boolean pingAnswers(HttpClient client, int port) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        process.close();
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
