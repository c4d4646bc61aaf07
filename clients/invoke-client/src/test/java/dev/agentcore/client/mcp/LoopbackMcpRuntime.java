package dev.agentcore.client.mcp;

import dev.agentcore.core.arn.RuntimeArn;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server (the MCP Java SDK's stateless servlet transport) on loopback, behind a filter that plays the
 * AgentCore front door: it checks the invoke path, the qualifier, the session header and the authentication, and
 * answers as AgentCore does when they are wrong. The same server is also mounted at /mcp, as a local container.
 */
public final class LoopbackMcpRuntime implements AutoCloseable {

    public enum Auth { BEARER, SIGV4 }

    public final RuntimeArn arn;
    public final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    public volatile Auth auth = Auth.BEARER;
    public volatile String acceptedToken;
    /** When set, the front door answers every call with this status and JSON body (a failing container, say). */
    public volatile Map.Entry<Integer, String> forcedAnswer;
    /** How many of the next POSTs are answered 409 RetryableConflictException (the session busy). */
    public final java.util.concurrent.atomic.AtomicInteger busyAnswers = new java.util.concurrent.atomic.AtomicInteger();
    /** How many POSTs reached the front door. */
    public final java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();

    /** Tomcat's start-up and shutdown chatter is noise in test output; held here so the setting is not collected. */
    private static final java.util.logging.Logger TOMCAT_LOG = quiet(java.util.logging.Logger.getLogger("org.apache"));

    private final Tomcat tomcat = new Tomcat();
    private final List<McpStatelessSyncServer> servers;
    private final int port;

    public LoopbackMcpRuntime(RuntimeArn arn) throws IOException, LifecycleException {
        this.arn = arn;
        Path base = Files.createTempDirectory("mcp-loopback");
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setEncodedSolidusHandling("passthrough"); // the invoke path carries %2F in the encoded ARN
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());

        HttpServletStatelessServerTransport invokePath = HttpServletStatelessServerTransport.builder()
                .messageEndpoint("/invocations").build();
        HttpServletStatelessServerTransport containerPath = HttpServletStatelessServerTransport.builder()
                .messageEndpoint("/mcp").build();
        servers = List.of(server(invokePath), server(containerPath));
        Tomcat.addServlet(context, "agentcore", invokePath);
        context.addServletMappingDecoded("/runtimes/*", "agentcore");
        Tomcat.addServlet(context, "container", containerPath);
        context.addServletMappingDecoded("/mcp", "container");

        FilterDef gate = new FilterDef();
        gate.setFilterName("agentcore-front-door");
        gate.setFilter((Filter) (request, response, chain) -> {
            if (frontDoor((HttpServletRequest) request, (HttpServletResponse) response)) {
                chain.doFilter(request, response);
            }
        });
        context.addFilterDef(gate);
        FilterMap map = new FilterMap();
        map.setFilterName("agentcore-front-door");
        map.addURLPattern("/runtimes/*");
        context.addFilterMap(map);

        tomcat.start();
        port = connector.getLocalPort();
    }

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static McpStatelessSyncServer server(HttpServletStatelessServerTransport transport) {
        McpSchema.Tool echo = McpSchema.Tool.builder("echo", Map.of("type", "object",
                        "properties", Map.of("text", Map.of("type", "string")), "required", List.of("text")))
                .description("Echoes the text back").build();
        return McpServer.sync(transport)
                .serverInfo("loopback-echo", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(new McpStatelessServerFeatures.SyncToolSpecification(echo, (ctx, call) ->
                        McpSchema.CallToolResult.builder()
                                .content(List.of(new McpSchema.TextContent("echo: " + call.arguments().get("text"))))
                                .build()))
                .build();
    }

    private boolean frontDoor(HttpServletRequest request, HttpServletResponse response) throws IOException {
        lastHeaders.clear();
        request.getHeaderNames().asIterator().forEachRemaining(n -> lastHeaders.put(n.toLowerCase(), request.getHeader(n)));
        if ("POST".equals(request.getMethod())) {
            posts.incrementAndGet();
            if (busyAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return reject(response, 409, "RetryableConflictException",
                        "{\"message\":\"Session operation in progress, please retry\"}");
            }
        }
        if (forcedAnswer != null) {
            return reject(response, forcedAnswer.getKey(), null, forcedAnswer.getValue());
        }
        if (!request.getRequestURI().equals("/runtimes/" + arn.urlEncoded() + "/invocations")) {
            return reject(response, 404, "ResourceNotFoundException", "{\"message\":\"Runtime not found\"}");
        }
        if (!"DEFAULT".equals(request.getParameter("qualifier"))) {
            return reject(response, 404, "ResourceNotFoundException", "{\"message\":\"Endpoint not found\"}");
        }
        String session = request.getHeader("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id");
        if (session == null || session.length() < 33) {
            return reject(response, 400, "ValidationException", "{\"message\":\"runtimeSessionId must be at least 33 characters\"}");
        }
        String authorization = request.getHeader("Authorization");
        boolean sigV4 = authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 Credential=");
        if ((auth == Auth.BEARER && sigV4) || (auth == Auth.SIGV4 && authorization != null && !sigV4)) {
            return reject(response, 403, "AccessDeniedException", "{\"message\":\"Authorization method mismatch. The agent "
                    + "is configured for a different authorization method than what was used in your request. (OAuth or SigV4)\"}");
        }
        if (auth == Auth.SIGV4) {
            boolean scoped = sigV4 && authorization.contains("/" + arn.region() + "/bedrock-agentcore/aws4_request")
                    && request.getHeader("X-Amz-Date") != null;
            return scoped || reject(response, 403, "AccessDeniedException", "{\"message\":\"Missing Authentication Token\"}");
        }
        if (authorization == null || !authorization.equals("Bearer " + acceptedToken)) {
            response.setHeader("WWW-Authenticate", "Bearer resource_metadata=\"http://127.0.0.1:" + port + "/runtimes/"
                    + arn.urlEncoded() + "/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT\"");
            return reject(response, 401, "UnauthorizedException",
                    "{\"message\":\"OAuth authorization failed: Claim 'client_id' value mismatch with configuration\"}");
        }
        return true;
    }

    private static boolean reject(HttpServletResponse response, int status, String type, String body) throws IOException {
        response.setStatus(status);
        if (type != null) {
            response.setHeader("x-amzn-ErrorType", type);
        }
        response.setHeader("x-amzn-RequestId", "loopback-" + status);
        response.setContentType("application/json");
        response.getWriter().write(body);
        return false;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws LifecycleException {
        servers.forEach(McpStatelessSyncServer::close);
        tomcat.stop();
        tomcat.destroy();
    }
}
