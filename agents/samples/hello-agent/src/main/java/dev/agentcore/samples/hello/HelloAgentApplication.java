package dev.agentcore.samples.hello;

import dev.agentcore.agent.config.ModelEnvironment;
import dev.agentcore.agent.model.Model;
import dev.agentcore.http.ListenAddress;
import dev.agentcore.runtime.core.AgentCoreApp;
import java.util.Map;

/**
 * The hello agent: {@code POST /invocations {"prompt": "..."}} streams the model's answer. A plain {@code main} on the
 * framework-free runtime core, configured by environment variables only: the model by {@code AGENT_MODEL_*}, where
 * it listens by {@code SERVER_ADDRESS} and {@code SERVER_PORT} (the names the Spring starters read).
 */
public final class HelloAgentApplication {

    private HelloAgentApplication() {
    }

    public static void main(String[] args) {
        AgentCoreApp.runFromEnvironment("hello-agent", args, HelloAgentApplication::configured);
    }

    /** The agent as {@code environment} configures it, built but not started. */
    static AgentCoreApp configured(Map<String, String> environment) {
        ListenAddress listen = ListenAddress.fromEnvironment(environment, AgentCoreApp.DEFAULT_PORT);
        return on(ModelEnvironment.of(environment).model()).host(listen.host()).port(listen.port()).build();
    }

    /** The agent on {@code model}, to be told where to listen. */
    static AgentCoreApp.Builder on(Model model) {
        return AgentCoreApp.builder().entrypoint(HelloAgent.Prompt.class, new HelloAgent(model)::invoke);
    }
}
