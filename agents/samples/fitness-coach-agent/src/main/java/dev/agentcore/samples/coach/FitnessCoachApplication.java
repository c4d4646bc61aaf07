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
        // One line per log record; a format given on the command line wins.
        System.setProperty("java.util.logging.SimpleFormatter.format",
                System.getProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n"));
        AgentCoreApp app;
        try {
            if (args.length > 0) {
                throw new IllegalArgumentException("it takes no arguments; its settings are environment variables, "
                        + "for example AGENT_MODEL_PROVIDER=offline SERVER_PORT=8080");
            }
            app = configured(System.getenv());
        } catch (IllegalArgumentException unusable) {
            // A setting is missing or wrong: say which in one line and do not start (no stack trace).
            System.err.println("fitness-coach-agent: " + unusable.getMessage());
            System.exit(1);
            return;
        }
        app.run();
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
