package dev.agentcore.mcp.server;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.agentcore.mcp.server.tools.TypedTools;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.Locale;

/** A server with two tools: {@code upper}, and {@code slow}, which takes half a second and counts its completions. */
@SpringBootApplication
public class TestMcpServerApplication {

    record Text(String text) {
    }

    record Done(int completed) {
    }

    public record Nothing() {
    }

    private final AtomicInteger slowCallsCompleted = new AtomicInteger();

    public int slowCallsCompleted() {
        return slowCallsCompleted.get();
    }

    @Bean
    SyncToolSpecification upper(TypedTools tools) {
        return tools.tool("upper", Text.class, Text.class).description("Upper-cases text")
                .handledBy(text -> new Text(text.text().toUpperCase(Locale.ROOT)));
    }

    @Bean
    SyncToolSpecification slow(TypedTools tools) {
        return tools.tool("slow", Nothing.class, Done.class).description("Takes half a second")
                .handledBy(nothing -> {
                    try {
                        Thread.sleep(500);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new Done(slowCallsCompleted.incrementAndGet());
                });
    }
}
