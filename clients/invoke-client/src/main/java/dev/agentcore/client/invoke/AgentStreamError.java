package dev.agentcore.client.invoke;

import dev.agentcore.client.report.CauseRule;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.RuleFamily;
import dev.agentcore.client.runtime.InvocationTarget;
import java.util.List;

/**
 * An agent that answered 200 and then reported an error inside its stream: the status cannot say it any more, so
 * the error event is the failure.
 *
 * @param error the error the stream carried
 */
public record AgentStreamError(String error, InvocationTarget target) {

    public Diagnosis diagnosis() {
        return new Diagnosis(FailureCategory.RUNTIME_ERROR, "the agent reported an error in its stream: " + error,
                RULES.causes(this), List.of());
    }

    static final CauseRule<AgentStreamError> HANDLER_FAILED = CauseRule.<AgentStreamError>rule("AC570",
                    "The agent failed after it started streaming")
            .summary("Once the first event is sent the status is 200; a handler that fails later can only say so "
                    + "in the stream, and its stack trace is in the container's log.")
            .applies("an error event in a 200 stream")
            .cause("The agent's handler raised an error after it started streaming")
            .next(e -> e.target().direct() ? "Read the container's output"
                    : "Read the log group " + e.target().arn().logGroup(e.target().qualifier()))
            .build();

    public static final RuleFamily<AgentStreamError> RULES = new RuleFamily<>("Errors inside an agent's answer",
            "an error event in the stream of an answer that began with 200: the error and the runtime called",
            List.of(HANDLER_FAILED));
}
