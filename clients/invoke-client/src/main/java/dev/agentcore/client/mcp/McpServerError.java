package dev.agentcore.client.mcp;

import dev.agentcore.client.report.CauseRule;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.RuleFamily;
import java.util.List;

/**
 * An MCP server that answered a request with a JSON-RPC error: the call reached the server, which refused it.
 *
 * @param code    the JSON-RPC error code, 0 when the SDK gave none
 * @param runtime how the runtime was named on the command line, for the next step; null with --local
 */
public record McpServerError(int code, String message, String runtime) {

    /** JSON-RPC 2.0's codes: unknown method, invalid params (MCP's unknown tool and bad arguments), internal error. */
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    public static McpServerError of(McpCallException e, String runtime) {
        return new McpServerError(e.code(), e.getMessage(), runtime);
    }

    public Diagnosis diagnosis() {
        return new Diagnosis(FailureCategory.OTHER, "the MCP server answered with an error"
                + (code == 0 ? "" : " " + code) + ": " + message, RULES.causes(this), List.of());
    }

    String listTools() {
        return "`agentcore-invoke mcp tools " + (runtime == null ? "--local URL" : runtime) + " --raw`";
    }

    static final CauseRule<McpServerError> INVALID_PARAMS_RULE = CauseRule.<McpServerError>rule("AC560",
                    "An unknown tool or arguments the tool's schema refuses")
            .summary("MCP servers answer -32602 (invalid params) for a tool name they do not have and for arguments "
                    + "that do not match the tool's input schema.")
            .applies("JSON-RPC -32602")
            .when(e -> e.code() == INVALID_PARAMS)
            .cause("The server has no tool of that name, or the arguments do not match the tool's input schema")
            .next(e -> "List the tools and their input schemas with " + e.listTools())
            .build();

    static final CauseRule<McpServerError> METHOD_NOT_FOUND_RULE = CauseRule.<McpServerError>rule("AC561",
                    "The server does not offer that MCP method")
            .summary("-32601 (method not found): the server did not declare the capability, like a server without "
                    + "tools asked for tools/list.")
            .applies("JSON-RPC -32601")
            .when(e -> e.code() == METHOD_NOT_FOUND)
            .cause("The MCP server does not implement the method the client called")
            .next("Check the capabilities the server declares at initialize (run with --verbose), and that the "
                    + "runtime is the MCP server you meant")
            .build();

    static final CauseRule<McpServerError> TOOL_FAILED_RULE = CauseRule.<McpServerError>rule("AC562",
                    "The server failed while handling the request")
            .summary("-32603 (internal error): the server's own code threw; its log says why.")
            .applies("JSON-RPC -32603")
            .when(e -> e.code() == INTERNAL_ERROR)
            .cause("The MCP server's code failed while handling the request")
            .next(e -> e.runtime() == null ? "Read the server's output" : "Read the runtime's log group "
                    + "(/aws/bedrock-agentcore/runtimes/<runtime id>-<endpoint>)")
            .build();

    static final CauseRule<McpServerError> OTHER_RULE = CauseRule.<McpServerError>rule("AC569",
                    "Another JSON-RPC error")
            .summary("The fallback when no rule above applied: a code of the server's own, or none.")
            .applies("any other JSON-RPC error")
            .fallback()
            .cause("The request reached the server, which refused it (an unknown tool, invalid arguments, or a failing tool)")
            .next(e -> "List the tools and their input schemas with " + e.listTools())
            .build();

    public static final RuleFamily<McpServerError> RULES = new RuleFamily<>("Errors an MCP server answers",
            "a JSON-RPC error from an MCP server reached through the runtime: its code and message",
            List.of(INVALID_PARAMS_RULE, METHOD_NOT_FOUND_RULE, TOOL_FAILED_RULE, OTHER_RULE));
}
