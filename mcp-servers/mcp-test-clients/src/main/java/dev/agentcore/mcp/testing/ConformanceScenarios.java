package dev.agentcore.mcp.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server scenarios of the conformance suite that a server leaves out for what it is rather than for a bug, each with
 * the reason, to pass to {@link ConformanceReport#assertPassed} as {@code leftOut}.
 */
public final class ConformanceScenarios {

    private static final String STATELESS =
            "a stateless server answers each POST with one JSON response and keeps no session: ";

    private ConformanceScenarios() {
    }

    /** The scenarios that need a stateful session, which no stateless server (AgentCore's default MCP mode) has. */
    public static Map<String, String> needingASession() {
        return Map.ofEntries(
                Map.entry("logging-set-level", STATELESS + "no session to hold a log level, so the SDK's stateless server "
                        + "neither declares the logging capability nor handles logging/setLevel"),
                Map.entry("tools-call-with-logging", STATELESS + "log notifications during a call need an SSE response stream"),
                Map.entry("tools-call-with-progress", STATELESS + "progress notifications need an SSE response stream"),
                Map.entry("tools-call-sampling", STATELESS + "sampling/createMessage is a server-to-client request"),
                Map.entry("tools-call-elicitation", STATELESS + "elicitation/create is a server-to-client request"),
                Map.entry("elicitation-sep1034-defaults", STATELESS + "elicitation/create is a server-to-client request"),
                Map.entry("elicitation-sep1330-enums", STATELESS + "elicitation/create is a server-to-client request"),
                Map.entry("server-sse-polling", STATELESS + "SSE polling and resumption need a session id (SEP-1699); "
                        + "the suite only warns without one"),
                Map.entry("server-sse-multiple-streams", STATELESS + "needs a session id for concurrent SSE streams "
                        + "(SEP-1699); the suite only warns without one"),
                Map.entry("resources-subscribe", STATELESS + "no session to send resources/updated on; subscribe is "
                        + "not declared"),
                Map.entry("resources-unsubscribe", STATELESS + "no session to send resources/updated on; subscribe is "
                        + "not declared"));
    }

    /**
     * The scenarios that call the suite's fixture tools, resources and prompts by name ({@code test_*},
     * {@code test://...}): only mcp-conformance-fixture has them.
     *
     * @param why the reason, for the server at hand
     */
    public static Map<String, String> callingFixtureFeatures(String why) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("completion-complete", why + " (completes test_prompt_with_arguments)");
        for (String scenario : new String[] {"json-schema-2020-12",
                "tools-call-simple-text", "tools-call-image", "tools-call-audio", "tools-call-embedded-resource",
                "tools-call-mixed-content", "tools-call-error",
                "resources-read-text", "resources-read-binary", "resources-templates-read",
                "prompts-get-simple", "prompts-get-with-args", "prompts-get-embedded-resource", "prompts-get-with-image"}) {
            out.put(scenario, why);
        }
        return Map.copyOf(out);
    }

    /** The scenarios of all the parts together; a scenario in two parts is a mistake. */
    @SafeVarargs
    public static Map<String, String> leftOut(Map<String, String>... parts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> part : parts) {
            part.forEach((scenario, reason) -> {
                if (out.putIfAbsent(scenario, reason) != null) {
                    throw new IllegalArgumentException(scenario + " is left out twice");
                }
            });
        }
        return Map.copyOf(out);
    }
}
