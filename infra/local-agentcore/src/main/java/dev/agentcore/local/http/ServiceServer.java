package dev.agentcore.local.http;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on virtual threads, dispatching through a {@link Router}. Every answer carries an
 * {@code x-amzn-RequestId}; a handler's {@link AwsErrorException} becomes the AWS error it holds, any other exception
 * a 500 InternalServerException (logged, never shown to the client).
 */
public final class ServiceServer implements AutoCloseable {

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on unless told otherwise; the data plane streams answers in
        // small chunks, and each then waits for the client's delayed ACK (~40 ms on Linux): +47 ms at p50, measured
        // by make bench-local. Read once, when the JDK's server first starts; an explicit -D setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * What AWS's front door answers a request that no route matches, signed or not: 403
     * MissingAuthenticationTokenException "Missing Authentication Token" (API Gateway's behaviour, reported for
     * AgentCore's endpoints too in CopilotKit/CopilotKit#6920).
     */
    public static final AwsError NO_ROUTE = AwsError.of(403, "MissingAuthenticationTokenException",
            "Missing Authentication Token");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router;
    private final PrintStream log;

    private ServiceServer(HttpServer server, ExecutorService executor, Router router, PrintStream log) {
        this.server = server;
        this.executor = executor;
        this.router = router;
        this.log = log;
    }

    /** Binds {@code address} (port 0: a free port) and starts serving {@code router}'s routes. */
    public static ServiceServer start(InetSocketAddress address, Router router, PrintStream log) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        ServiceServer service = new ServiceServer(server, executor, router, log);
        server.createContext("/", service::dispatch);
        server.start();
        return service;
    }

    /**
     * The JDK server underneath, for a part that brings its own handlers under a path prefix of its own (local-oauth's
     * token endpoint at {@code /cognito/}): the longest matching context wins, so it takes nothing of the routes'.
     */
    public HttpServer httpServer() {
        return server;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port} as clients reach it. */
    public URI endpoint() {
        var address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort());
    }

    private void dispatch(HttpExchange exchange) {
        try (exchange) {
            exchange.getResponseHeaders().set(Response.REQUEST_ID_HEADER, requestId());
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            var match = router.match(method, path);
            Response response;
            if (match.isEmpty()) {
                log.println("local-agentcore: no route for " + method + " " + path + "; answered 403 " + NO_ROUTE.type());
                response = Response.error(NO_ROUTE);
            } else {
                response = answer(match.get().route(), new Request(exchange, match.get().labels()));
            }
            response.send(exchange);
        } catch (IOException e) {
            // The client went away while we wrote: nothing left to answer.
            log.println("local-agentcore: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + ": " + e);
        }
    }

    /**
     * A request id in UUID form. Not {@code UUID.randomUUID()}: its SecureRandom costs the first request a seeding,
     * and a request id needs no secrecy.
     */
    private static String requestId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (2L << 62)).toString();
    }

    private Response answer(Router.Route route, Request request) {
        try {
            return route.handler().handle(request);
        } catch (AwsErrorException e) {
            return Response.error(e.error());
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError too: a broken classpath answers 500 and says so in the log, not an empty reply.
            log.println("local-agentcore: " + route.operation() + " failed: " + e);
            e.printStackTrace(log);
            return Response.error(AwsError.of(500, "InternalServerException",
                    "The local AgentCore failed to process " + route.operation() + ": " + e.getClass().getSimpleName()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** For tests and logs: the routes served, method and template. */
    public Map<String, String> describeRoutes() {
        var out = new java.util.TreeMap<String, String>();
        router.routes().forEach(r -> out.put(r.method() + " " + r.path(), r.operation()));
        return out;
    }
}
