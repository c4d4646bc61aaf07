package dev.agentcore.mcp.echo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.agentcore.mcp.server.tools.TypedTools;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;

/** Stateless MCP server with the one tool {@code echo}, on {@code POST /mcp}, port 8000, all interfaces. */
@SpringBootApplication
public class EchoServerApplication {

    @Bean
    SyncToolSpecification echoTool(TypedTools tools) {
        return tools.tool(Echo.NAME, Echo.Arguments.class, Echo.Reply.class)
                .description(Echo.DESCRIPTION)
                .readOnly()
                .handledBy(Echo::echo);
    }

    public static void main(String[] args) {
        SpringApplication.run(EchoServerApplication.class, args);
    }
}
