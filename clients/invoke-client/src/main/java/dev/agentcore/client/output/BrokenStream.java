package dev.agentcore.client.output;

import dev.agentcore.client.report.CauseRule;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.RuleFamily;
import dev.agentcore.client.runtime.InvocationTarget;
import java.util.List;
import java.util.Locale;

/**
 * An answer that began with 200 and could not be read to its end. The status cannot say so any more; the
 * problem, and how far the answer got, are the failure.
 *
 * @param detail what the reader saw ("nothing arrived for 3s (the idle limit)", "line 3: '...' is not an SSE field")
 * @param events the events printed before it broke (0 for a body that is no event stream)
 * @param bytes  the bytes read before it broke
 */
public record BrokenStream(Problem problem, String detail, int events, long bytes, InvocationTarget target) {

    /** Why the answer could not be read to its end. */
    public enum Problem {
        /** Nothing arrived for longer than the idle limit. */
        STALLED(FailureCategory.NETWORK),
        /** The connection closed, or the body's framing broke, before the body was complete. */
        TRUNCATED(FailureCategory.NETWORK),
        /** Content-Type text/event-stream, but a line that is no SSE field. */
        NOT_AN_EVENT_STREAM(FailureCategory.OTHER),
        /** A line or an event longer than the reader holds. */
        EVENT_TOO_LONG(FailureCategory.OTHER),
        /** A body larger than the client reads. */
        TOO_LARGE(FailureCategory.OTHER);

        private final FailureCategory category;

        Problem(FailureCategory category) {
            this.category = category;
        }
    }

    public Diagnosis diagnosis() {
        return new Diagnosis(problem.category, "the answer from " + target.describe() + " broke off after " + progress()
                + ": " + detail, RULES.causes(this), List.of());
    }

    private String progress() {
        return (events == 1 ? "1 event" : events + " events") + " (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)";
    }

    /** Where the agent's side of the story is: its log group, or the container's own output. */
    private static String agentLog(BrokenStream s) {
        return s.target().direct() ? "the container's output" : "the log group " + s.target().arn().logGroup(s.target().qualifier());
    }

    static final CauseRule<BrokenStream> STALLED = CauseRule.<BrokenStream>rule("AC191", "The answer stopped arriving")
            .summary("A stream that sends nothing for longer than the idle limit (--idle-timeout, 120 s by "
                    + "default; --timeout bounds only the wait for the first byte) is ended: an agent stuck in a model or tool call, or a connection that died without closing.")
            .applies("a 200 answer that went silent")
            .when(s -> s.problem() == Problem.STALLED)
            .cause(s -> "Nothing more came after " + s.progress() + ": the agent may be stuck (a model or tool call that "
                    + "hangs), or the connection died without closing")
            .next(s -> "Read " + agentLog(s) + "; if the agent rightly pauses longer between events (long tool calls), "
                    + "raise --idle-timeout or have it send keep-alive comments (': ping')")
            .conclusive()
            .build();

    static final CauseRule<BrokenStream> TRUNCATED = CauseRule.<BrokenStream>rule("AC192", "The answer broke off before its end")
            .summary("The connection closed, or the chunked framing broke, in the middle of the body: the agent's "
                    + "process died or was recycled mid-answer, or a proxy cut the connection.")
            .applies("a 200 answer whose body ended early")
            .when(s -> s.problem() == Problem.TRUNCATED)
            .cause(s -> "The body ended before it was complete, after " + s.progress() + ": the agent's process may "
                    + "have died or been recycled mid-answer, or a proxy cut the connection")
            .next(s -> "Retry; if it repeats, read " + agentLog(s) + " for a crash at that time")
            .conclusive()
            .build();

    static final CauseRule<BrokenStream> NOT_AN_EVENT_STREAM = CauseRule.<BrokenStream>rule("AC193",
                    "The answer is labelled text/event-stream but is not one")
            .summary("Server-sent events are 'data:' lines ended by a blank line; a body of anything else under that "
                    + "Content-Type (an HTML error page, a JSON document) is refused rather than printed as nothing.")
            .applies("a 200 text/event-stream answer with a line that is no SSE field")
            .when(s -> s.problem() == Problem.NOT_AN_EVENT_STREAM)
            .cause(s -> "The agent, or a proxy in front of it, wrote something other than server-sent events under "
                    + "Content-Type text/event-stream (" + s.detail() + ")")
            .next("See the bytes with --raw; an agent streams with 'data: <json>' lines each ended by a blank line "
                    + "(the Python SDK writes them for a generator), and answers anything else as application/json")
            .conclusive()
            .build();

    static final CauseRule<BrokenStream> EVENT_TOO_LONG = CauseRule.<BrokenStream>rule("AC194",
                    "An event longer than the client holds")
            .summary("A line, or the data of one event, is bounded (8 Mi characters) so that a stream without line "
                    + "breaks cannot fill the heap.")
            .applies("a 200 text/event-stream answer with an over-long line or event")
            .when(s -> s.problem() == Problem.EVENT_TOO_LONG)
            .cause(s -> "The stream sent " + s.detail() + ": a huge event, or a body without line breaks")
            .next("Have the agent send large output as several events; --raw copies the bytes without holding an event")
            .conclusive()
            .build();

    static final CauseRule<BrokenStream> TOO_LARGE = CauseRule.<BrokenStream>rule("AC195", "The answer is larger than the client reads")
            .summary("The client reads at most " + String.format(Locale.ROOT, "%,d", ResponseLimits.AGENTCORE_PAYLOAD_LIMIT)
                    + " bytes of an answer, AgentCore's own payload limit: an endless body ends there instead of running forever.")
            .applies("a 200 answer past the size limit")
            .when(s -> s.problem() == Problem.TOO_LARGE)
            .cause(s -> "The answer passed the limit (" + s.detail() + "): an endless body, or a result that belongs elsewhere")
            .next("Return a reference (an S3 object, a URL) instead of the data, or stream less")
            .conclusive()
            .build();

    public static final RuleFamily<BrokenStream> RULES = new RuleFamily<>("Answers that broke off after they began",
            "a 200 answer that could not be read to its end: the problem, what the reader saw, how far it got, and the runtime called",
            List.of(STALLED, TRUNCATED, NOT_AN_EVENT_STREAM, EVENT_TOO_LONG, TOO_LARGE));
}
