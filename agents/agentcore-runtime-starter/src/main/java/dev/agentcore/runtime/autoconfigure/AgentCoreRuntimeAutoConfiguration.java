package dev.agentcore.runtime.autoconfigure;

import dev.agentcore.runtime.AgentCoreHealth;
import dev.agentcore.runtime.AgentCoreTasks;
import dev.agentcore.runtime.edges.ContractPath;
import dev.agentcore.runtime.edges.ErrorEndpoint;
import dev.agentcore.runtime.edges.TomcatEdges;
import dev.agentcore.runtime.edges.TraceRefusal;
import dev.agentcore.runtime.health.AsyncTaskBeanPostProcessor;
import dev.agentcore.runtime.health.PingEndpoint;
import dev.agentcore.runtime.invocation.InvocationEndpoint;
import dev.agentcore.runtime.websocket.WebSocketEndpoint;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;
import tools.jackson.databind.ObjectMapper;

/**
 * Serves the AgentCore Runtime HTTP contract: {@code POST /invocations} calls the
 * {@link dev.agentcore.runtime.AgentCoreEntrypoint} method and {@code GET /ping} reports
 * {@link AgentCoreHealth}, and {@code /ws} the {@link dev.agentcore.runtime.AgentCoreWebSocket} method. Every
 * bean here can be replaced by declaring one of the same type (or, for the {@code /ws} mapping, name).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@EnableConfigurationProperties(AgentCoreRuntimeProperties.class)
public class AgentCoreRuntimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public AgentCoreTasks agentCoreTasks() {
        return new AgentCoreTasks(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    public AgentCoreHealth agentCoreHealth(AgentCoreTasks tasks) {
        return new AgentCoreHealth(tasks, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    public InvocationEndpoint agentCoreInvocationEndpoint(ObjectMapper mapper, AgentCoreHealth health,
            AgentCoreTasks tasks, AgentCoreRuntimeProperties properties) {
        return new InvocationEndpoint(mapper, health, tasks,
                new InvocationEndpoint.Settings(properties.maxRequestSize().toBytes(),
                        properties.maxRequestBytesInFlight().toBytes(), properties.debugActions()));
    }

    @Bean
    @ConditionalOnMissingBean
    public PingEndpoint agentCorePingEndpoint(AgentCoreHealth health, ObjectMapper mapper) {
        return new PingEndpoint(health, mapper, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    public ErrorEndpoint agentCoreErrorEndpoint() {
        return new ErrorEndpoint();
    }

    @Bean
    public RouterFunction<ServerResponse> agentCoreRoutes(InvocationEndpoint invocations, PingEndpoint ping,
            ErrorEndpoint errors) {
        return RouterFunctions.route()
                .POST(ContractPath.INVOCATIONS.path(), invocations::handle)
                .GET(ContractPath.PING.path(), ping::handle)
                // Starlette answers HEAD wherever it answers GET; the servlet container drops the body.
                .HEAD(ContractPath.PING.path(), ping::handle)
                // Other methods on the contract's paths: 405 with Allow, as the reference answers.
                .route(RequestPredicates.path(ContractPath.INVOCATIONS.path()),
                        request -> methodNotAllowed(ContractPath.INVOCATIONS.allow()))
                .route(RequestPredicates.path(ContractPath.PING.path()),
                        request -> methodNotAllowed(ContractPath.PING.allow()))
                // Errors the container forwards, and /error itself, answered as Starlette answers them.
                .route(RequestPredicates.path("/error"), errors::handle)
                .build();
    }

    private static ServerResponse methodNotAllowed(String allow) {
        return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, allow)
                .contentType(MediaType.TEXT_PLAIN).body("Method Not Allowed");
    }

    /** Tomcat's own answers (error reports, TRACE) made the application's. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatConfiguration {

        @Bean
        public TomcatEdges agentCoreTomcatEdges() {
            return new TomcatEdges();
        }

        @Bean
        public FilterRegistrationBean<TraceRefusal> agentCoreTraceRefusal() {
            FilterRegistrationBean<TraceRefusal> registration = new FilterRegistrationBean<>(new TraceRefusal());
            registration.setName("agentCoreTraceRefusal");
            registration.addUrlPatterns("/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** {@code /ws}, on the same port as the HTTP endpoints, as the contract has it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebSocketHandler.class)
    static class WebSocketConfiguration {

        @Bean
        @ConditionalOnMissingBean
        public WebSocketEndpoint agentCoreWebSocketEndpoint(AgentCoreRuntimeProperties properties) {
            return new WebSocketEndpoint(new WebSocketEndpoint.Settings(properties.maxWebsocketMessageSize().toBytes()));
        }

        @Bean
        @ConditionalOnMissingBean(name = "agentCoreWebSocketHandlerMapping")
        public WebSocketHandlerMapping agentCoreWebSocketHandlerMapping(WebSocketEndpoint endpoint) {
            WebSocketHttpRequestHandler upgrade = new WebSocketHttpRequestHandler(endpoint, new DefaultHandshakeHandler());
            upgrade.getHandshakeInterceptors().add(endpoint);
            WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
            mapping.setUrlMap(Map.of("/ws", upgrade));
            // Only upgrade requests match: a plain GET /ws falls through to 404, as Starlette answers it.
            mapping.setWebSocketUpgradeMatch(true);
            // Ahead of the router functions and annotated controllers, as @EnableWebSocket orders its mapping.
            mapping.setOrder(1);
            return mapping;
        }
    }

    @Bean
    public static AnnotatedHandlerScanner agentCoreHandlerScanner(ApplicationContext context) {
        return new AnnotatedHandlerScanner(context);
    }

    @Bean
    public static AsyncTaskBeanPostProcessor agentCoreAsyncTaskBeanPostProcessor(ObjectProvider<AgentCoreTasks> tasks) {
        return new AsyncTaskBeanPostProcessor(tasks);
    }
}
