package dev.agentcore.mcp.fitness;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import dev.agentcore.mcp.fitness.guides.CoachingPrompts;
import dev.agentcore.mcp.fitness.guides.FitnessResources;
import dev.agentcore.mcp.fitness.tools.TrainingTools;
import dev.agentcore.mcp.fitness.tools.Vo2MaxTools;
import dev.agentcore.mcp.server.tools.TypedTools;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;

/** Stateless MCP server of fitness calculators, resources and coaching prompts on {@code POST /mcp}, port 8000. */
@SpringBootApplication
@Import(FitnessServerApplication.Features.class)
public class FitnessServerApplication {

    /** Registers each tool, resource, template, prompt and completion as the bean the MCP auto-configuration serves. */
    static final class Features implements BeanRegistrar {

        @Override
        public void register(BeanRegistry registry, Environment environment) {
            McpJsonMapper json = McpJsonDefaults.getMapper();
            TypedTools tools = new TypedTools(json);
            FitnessResources resources = new FitnessResources(json);
            Vo2MaxTools.all(tools).forEach(tool -> register(registry, "tool:" + tool.tool().name(), SyncToolSpecification.class, tool));
            TrainingTools.all(tools).forEach(tool -> register(registry, "tool:" + tool.tool().name(), SyncToolSpecification.class, tool));
            resources.resources().forEach(resource -> register(registry, "resource:" + resource.resource().uri(),
                    SyncResourceSpecification.class, resource));
            resources.templates().forEach(template -> register(registry, "template:" + template.resourceTemplate().uriTemplate(),
                    SyncResourceTemplateSpecification.class, template));
            CoachingPrompts.prompts().forEach(prompt -> register(registry, "prompt:" + prompt.prompt().name(),
                    SyncPromptSpecification.class, prompt));
            CoachingPrompts.completions().forEach(completion -> register(registry,
                    "completion:" + completion.referenceKey().identifier(), SyncCompletionSpecification.class, completion));
        }

        private static <T> void register(BeanRegistry registry, String name, Class<T> type, T feature) {
            registry.registerBean(name, type, spec -> spec.supplier(context -> feature));
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(FitnessServerApplication.class, args);
    }
}
