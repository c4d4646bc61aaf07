package dev.agentcore.cli;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.invoke.RetryPolicy;
import dev.agentcore.client.mcp.McpCallException;
import dev.agentcore.client.mcp.McpRuntimeClient;
import dev.agentcore.client.mcp.McpServerError;
import dev.agentcore.client.report.DiagnosedException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The MCP subcommands (`mcp tools`, `mcp call`) and the session they share. */
final class McpCommand {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private McpCommand() {
    }

    /** Connects, runs the operation, and turns every failure into a diagnosis. */
    static <T> T session(String runtime, ConnectionOptions options, Environment env, McpOperation<T> operation)
            throws Exception {
        try (Connection c = Connection.open(runtime, options, ServerProtocol.MCP, "/mcp", env)) {
            try (McpRuntimeClient client = McpRuntimeClient.builder(c.target, c.mcpAuthenticator()).sessionId(c.sessionId)
                    .customHeaders(c.headers).timeout(c.timeout).retries(RetryPolicy.busySessions(), c.retryNotices())
                    .connect()) {
                return operation.run(client);
            } catch (InvocationFailure failure) {
                throw new DiagnosedException(c.diagnose(failure), failure);
            } catch (McpCallException e) {
                throw new DiagnosedException(McpServerError.of(e, runtime).diagnosis(), e);
            }
        }
    }

    @FunctionalInterface
    interface McpOperation<T> {
        T run(McpRuntimeClient client) throws Exception;
    }

    @Command(name = "tools", mixinStandardHelpOptions = true, description = "List the tools of an MCP runtime.",
            footer = {"%nExample:", "  agentcore-invoke mcp tools mcp_echo --qualifier dev", "", ExitCode.HELP})
    static final class Tools extends OutputCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "RUNTIME",
                description = "Runtime ARN, or a runtime name or id from .agentcore/state.json (not needed with --local).")
        String runtime;

        @Mixin
        ConnectionOptions connection;

        Tools(Environment env) {
            super(env);
        }

        @Override
        public Integer call() throws Exception {
            List<McpSchema.Tool> tools = session(runtime, connection, env, McpRuntimeClient::listTools);
            if (output.raw) {
                env.out().println(JSON.writeValueAsString(tools));
            } else {
                tools.forEach(t -> env.out().println(t.name() + (t.description() == null ? "" : "  - " + t.description())));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "call", mixinStandardHelpOptions = true, description = "Call a tool of an MCP runtime and print its result.",
            footer = {"%nExamples:", "  agentcore-invoke mcp call mcp_echo echo --arg text=hello",
                    "  # values that parse as JSON are sent as JSON (here: numbers)",
                    "  agentcore-invoke mcp call mcp_echo add --arg a=1 --arg b=2",
                    "", ExitCode.HELP})
    static final class Call extends OutputCommand {
        @Parameters(index = "0", paramLabel = "RUNTIME",
                description = "Runtime ARN, or a runtime name or id from .agentcore/state.json (with --local: the tool name).")
        String runtime;

        @Parameters(index = "1", arity = "0..1", paramLabel = "TOOL", description = "The tool to call.")
        String tool;

        @Option(names = {"-a", "--arg"}, paramLabel = "NAME=VALUE",
                description = "A tool argument, repeatable; a value that parses as JSON (number, true, [..], {..}) is sent as JSON.")
        Map<String, String> args = new LinkedHashMap<>();

        @Option(names = "--args", paramLabel = "JSON", description = "All arguments as one JSON object.")
        String argsJson;

        @Mixin
        ConnectionOptions connection;

        Call(Environment env) {
            super(env);
        }

        @Override
        public Integer call() throws Exception {
            if (connection.local != null && tool == null) {
                tool = runtime;
                runtime = null;
            }
            if (tool == null) {
                throw new UsageException("which tool? `agentcore-invoke mcp tools " + runtime + "` lists them");
            }
            Map<String, Object> arguments = arguments();
            McpSchema.CallToolResult result = session(runtime, connection, env, c -> c.callTool(tool, arguments));
            print(result);
            if (Boolean.TRUE.equals(result.isError())) {
                env.err().println("error: tool " + tool + " reported an error (isError=true)");
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        }

        private Map<String, Object> arguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            if (argsJson != null) {
                try {
                    arguments.putAll(JSON.readValue(argsJson, new TypeReference<Map<String, Object>>() { }));
                } catch (JacksonException e) {
                    throw new UsageException("--args is not a JSON object: " + e.getOriginalMessage());
                }
            }
            args.forEach((name, value) -> arguments.put(name, jsonOrText(value)));
            return arguments;
        }

        private static Object jsonOrText(String value) {
            try {
                return JSON.readValue(value, Object.class);
            } catch (JacksonException notJson) {
                return value;
            }
        }

        private void print(McpSchema.CallToolResult result) {
            if (output.raw) {
                env.out().println(JSON.writeValueAsString(result));
                return;
            }
            for (McpSchema.Content content : result.content()) {
                env.out().println(content instanceof McpSchema.TextContent text ? text.text() : JSON.writeValueAsString(content));
            }
            if (result.structuredContent() != null && result.content().isEmpty()) {
                env.out().println(JSON.writeValueAsString(result.structuredContent()));
            }
        }
    }
}
