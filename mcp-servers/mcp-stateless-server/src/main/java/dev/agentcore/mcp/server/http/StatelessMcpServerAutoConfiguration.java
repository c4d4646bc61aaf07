package dev.agentcore.mcp.server.http;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import dev.agentcore.mcp.server.tools.TypedTools;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;

/**
 * Serves every tool, resource, resource template, prompt and completion bean as one stateless MCP server over
 * streamable HTTP ({@code POST /mcp}, JSON responses, no session), the way AgentCore Runtime calls MCP servers.
 * Each piece is a bean the application may replace.
 */
@AutoConfiguration
@EnableConfigurationProperties(McpServerProperties.class)
public class StatelessMcpServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    McpJsonMapper mcpJsonMapper() {
        return McpJsonDefaults.getMapper();
    }

    @Bean
    @ConditionalOnMissingBean
    TypedTools typedTools(McpJsonMapper json) {
        return new TypedTools(json);
    }

    @Bean
    @ConditionalOnMissingBean
    HttpServletStatelessServerTransport mcpTransport(McpJsonMapper json, McpServerProperties properties) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(new JsonRpcErrorMapper(json))
                .messageEndpoint(properties.endpoint())
                .maxRequestSize((int) properties.maxRequestSize().toBytes())
                .securityValidator(securityValidator(properties))
                .build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, McpJsonMapper json,
            McpServerProperties properties, ObjectProvider<SyncToolSpecification> tools,
            ObjectProvider<SyncResourceSpecification> resources,
            ObjectProvider<SyncResourceTemplateSpecification> resourceTemplates,
            ObjectProvider<SyncPromptSpecification> prompts,
            ObjectProvider<SyncCompletionSpecification> completions) {
        List<SyncToolSpecification> toolList = tools.orderedStream().toList();
        List<SyncResourceSpecification> resourceList = resources.orderedStream().toList();
        List<SyncResourceTemplateSpecification> templateList = resourceTemplates.orderedStream().toList();
        List<SyncPromptSpecification> promptList = prompts.orderedStream().toList();
        List<SyncCompletionSpecification> completionList = completions.orderedStream().toList();

        ServerCapabilities.Builder capabilities = ServerCapabilities.builder();
        if (!toolList.isEmpty()) {
            capabilities.tools(false);
        }
        if (!resourceList.isEmpty() || !templateList.isEmpty()) {
            // No subscriptions: a stateless server has no session to send updates on.
            capabilities.resources(false, false);
        }
        if (!promptList.isEmpty()) {
            capabilities.prompts(false);
        }
        if (!completionList.isEmpty()) {
            capabilities.completions();
        }
        return McpServer.sync(new InvalidParamsTransport(transport))
                .serverInfo(properties.name(), properties.version())
                .instructions(properties.instructions())
                .jsonMapper(json)
                .capabilities(capabilities.build())
                .requestTimeout(properties.requestTimeout())
                .validateToolInputs(true)
                .jsonSchemaValidator(new BoundedSchemaValidator(McpJsonDefaults.getSchemaValidator()))
                // Run handlers on the servlet thread that already waits for them; no hop to a Reactor scheduler.
                .immediateExecution(true)
                .tools(toolList)
                .resources(resourceList)
                .resourceTemplates(templateList)
                .prompts(promptList)
                .completions(completionList)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport,
            McpStatelessSyncServer server) {
        // Mapped as the default servlet so that every request, whatever its path, passes McpEndpointFilter.
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration = new ServletRegistrationBean<>(transport, "/");
        registration.setName("mcp");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<McpEndpointFilter> mcpEndpointFilter(HttpServletStatelessServerTransport transport,
            McpJsonMapper json, McpServerProperties properties) {
        McpEndpointFilter filter = new McpEndpointFilter(properties.endpoint(),
                (int) properties.maxRequestSize().toBytes(), properties.requestBodyTimeout(),
                transport.protocolVersions(), json);
        FilterRegistrationBean<McpEndpointFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("mcpEndpointFilter");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static ServerTransportSecurityValidator securityValidator(McpServerProperties properties) {
        if (!properties.validatesHostAndOrigin()) {
            return ServerTransportSecurityValidator.NOOP;
        }
        return DefaultServerTransportSecurityValidator.builder()
                .allowedHosts(properties.allowedHosts())
                .allowedOrigins(properties.allowedOrigins())
                .build();
    }
}
