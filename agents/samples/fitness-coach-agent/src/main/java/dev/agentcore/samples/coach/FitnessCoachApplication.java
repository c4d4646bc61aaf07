package dev.agentcore.samples.coach;

import dev.agentcore.agent.config.ModelEnvironment;
import dev.agentcore.agent.model.Model;
import dev.agentcore.http.ListenAddress;
import dev.agentcore.runtime.core.AgentCoreApp;
import java.util.Map;

/**
 * The fitness coach: an agent with tools, streaming every step of its tool loop. A plain {@code main} on the
 * framework-free runtime core, configured by environment variables only: the model by {@code AGENT_MODEL_*}, where
 * it listens by {@code SERVER_ADDRESS} and {@code SERVER_PORT}.
 */
public final class FitnessCoachApplication {

    private FitnessCoachApplication() {
    }

    public static void main(String[] args) {
        AgentCoreApp.runFromEnvironment("fitness-coach-agent", args, FitnessCoachApplication::configured);
    }

    /** The coach as {@code environment} configures it, built but not started. */
    static AgentCoreApp configured(Map<String, String> environment) {
        ListenAddress listen = ListenAddress.fromEnvironment(environment, AgentCoreApp.DEFAULT_PORT);
        return on(ModelEnvironment.of(environment).model()).host(listen.host()).port(listen.port()).build();
    }

    /** The coach on {@code model}, to be told where to listen. */
    static AgentCoreApp.Builder on(Model model) {
        FitnessCoach coach = new FitnessCoach(model, new TrainingCalculators());
        return AgentCoreApp.builder().entrypoint(FitnessCoach.Prompt.class, coach::invoke);
    }
}
