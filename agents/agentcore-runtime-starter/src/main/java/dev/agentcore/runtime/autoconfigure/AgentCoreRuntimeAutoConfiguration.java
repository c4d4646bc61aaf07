package dev.agentcore.runtime.autoconfigure;

import dev.agentcore.runtime.core.AgentCoreApp;
import dev.agentcore.runtime.core.AgentCoreHealth;
import dev.agentcore.runtime.core.AgentCoreTasks;
import dev.agentcore.runtime.health.AsyncTaskBeanPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Serves the AgentCore Runtime HTTP contract with the framework-free core ({@code agentcore-runtime}): one
 * {@link AgentCoreApp} whose entry point is the {@link dev.agentcore.runtime.AgentCoreEntrypoint} method, whose
 * {@code /ws} handler is the {@link dev.agentcore.runtime.AgentCoreWebSocket} method and whose custom ping is the
 * {@link dev.agentcore.runtime.AgentCorePingHandler} method, configured from {@code agentcore.runtime.*} and
 * {@code server.*}. The contract itself (context, ping, headers, payloads, JSON and SSE, limits) is the core's:
 * no servlet container and no Spring MVC start.
 */
@AutoConfiguration
@EnableConfigurationProperties(AgentCoreRuntimeProperties.class)
public class AgentCoreRuntimeAutoConfiguration {

    static final AgentCoreApp.SettingNames PROPERTY_NAMES = new AgentCoreApp.SettingNames(
            "agentcore.runtime.max-request-size", "agentcore.runtime.max-request-bytes-in-flight");

    @Bean
    public AgentCoreApp.Builder agentCoreAppBuilder(AgentCoreRuntimeProperties properties) {
        return AgentCoreApp.builder()
                .maxRequestBytes(properties.maxRequestSize().toBytes())
                .maxRequestBytesInFlight(properties.maxRequestBytesInFlight().toBytes())
                .maxWebSocketMessageBytes(properties.maxWebsocketMessageSize().toBytes())
                .debugActions(properties.debugActions())
                .settingNames(PROPERTY_NAMES);
    }

    @Bean
    public AgentCoreTasks agentCoreTasks(AgentCoreApp.Builder builder) {
        return builder.tasks();
    }

    @Bean
    public AgentCoreHealth agentCoreHealth(AgentCoreApp.Builder builder) {
        return builder.health();
    }

    @Bean
    public AgentCoreServer agentCoreServer(AgentCoreApp.Builder builder, ConfigurableEnvironment environment) {
        return new AgentCoreServer(builder, environment);
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
