package dev.agentcore.agent.spring;

import dev.agentcore.agent.config.ModelFactory;
import dev.agentcore.agent.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A {@link Model} bean built from {@link AgentModelProperties}; declare your own {@code Model} to replace it. */
@AutoConfiguration
@EnableConfigurationProperties(AgentModelProperties.class)
public class AgentModelAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgentModelAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public Model agentModel(AgentModelProperties properties) {
        Model model;
        try {
            model = ModelFactory.create(properties.toSettings());
        } catch (IllegalArgumentException e) {
            // ModelFactory names the setting; say which property and environment variable that is.
            throw new AgentModelSettingsException(e);
        }
        log.info(ModelFactory.startupLine(properties.toSettings(), model));
        return model;
    }
}
