package dev.agentcore.cli;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.client.invoke.AgentStreamError;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.invoke.InvocationRequest;
import dev.agentcore.client.invoke.InvocationResponse;
import dev.agentcore.client.invoke.Invoker;
import dev.agentcore.client.output.BrokenStreamException;
import dev.agentcore.client.output.ResponsePrinter;
import dev.agentcore.client.report.DiagnosedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Invoke an agent runtime (HTTP protocol) and print the answer as it streams.",
        footer = {"%nExamples:",
                "  # a runtime named in .agentcore/state.json (OAuth or SigV4, as the state file says)",
                "  agentcore-invoke agent hello_agent '{\"prompt\": \"Hello\"}'",
                "  # any runtime by ARN and endpoint, SigV4 with your AWS credentials",
                "  ARN=arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345",
                "  agentcore-invoke agent \"$ARN\" --prompt Hi --qualifier dev",
                "  # OAuth with Cognito client credentials (domain and client id from the state file)",
                "  AGENTCORE_CLIENT_SECRET=... agentcore-invoke agent hello_agent --prompt Hi",
                "  # one conversation, one session",
                "  export AGENTCORE_SESSION_ID=$(agentcore-invoke session-id)",
                "  # a runtime container on this machine, no AWS",
                "  agentcore-invoke agent --local http://localhost:8080 --prompt Hi",
                "  # a conversation: one prompt a line, one session, one cached token",
                "  agentcore-invoke agent hello_agent --chat",
                "  # payload from standard input, response bytes untouched",
                "  echo '{\"prompt\":\"Hi\"}' | agentcore-invoke agent hello_agent - --raw",
                "", ExitCode.HELP})
final class AgentCommand extends OutputCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUNTIME",
            description = "Runtime ARN, or a runtime name or id from .agentcore/state.json (not needed with --local).")
    String runtime;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PAYLOAD",
            description = "The payload: JSON text, @FILE to read a file (the file's bytes, sent as they are), or - for standard input.")
    String payload;

    @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "Send {\"prompt\": TEXT} as the payload.")
    String prompt;

    @Option(names = "--chat",
            description = "Read prompts from standard input, one a line, and send each as {\"prompt\": LINE} on one "
                    + "session with one cached token; a failed turn is diagnosed and the chat goes on. Ends at end of input.")
    boolean chat;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "Payload content type (default application/json).")
    String contentType = "application/json";

    @Option(names = "--accept", paramLabel = "TYPES", description = "Accept header (default: application/json, text/event-stream).")
    String accept = InvocationRequest.DEFAULT_ACCEPT;

    @Mixin
    ConnectionOptions connection;

    AgentCommand(Environment env) {
        super(env);
    }

    @Override
    public Integer call() throws Exception {
        if (connection.local != null && runtime != null && payload == null && prompt == null && !runtime.startsWith("arn:")) {
            payload = runtime; // with --local the only positional is the payload
            runtime = null;
        }
        if (chat) {
            if (payload != null || prompt != null) {
                throw new UsageException("--chat reads its prompts from standard input; drop PAYLOAD and --prompt");
            }
            return chat();
        }
        byte[] body = payload();
        try (Connection c = Connection.open(runtime, connection, ServerProtocol.HTTP, "/invocations", env)) {
            turn(c, c.invoker(), body);
        }
        return ExitCode.OK;
    }

    /** One invocation: print the answer as it streams; a failure or an agent error becomes a diagnosis. */
    private void turn(Connection c, Invoker invoker, byte[] body) throws Exception {
        InvocationRequest request = InvocationRequest.builder(c.target).payload(body).contentType(contentType)
                .accept(accept).sessionId(c.sessionId).customHeaders(c.headers).timeout(c.timeout)
                .idleTimeout(c.idleTimeout).build();
        ResponsePrinter.Outcome outcome;
        try (InvocationResponse response = invoker.invoke(request)) {
            outcome = new ResponsePrinter(env.out(), output.raw).print(response);
            if (output.verbose) {
                env.err().println("session id: " + response.sessionId() + " (reuse it with --session-id)");
            }
        } catch (InvocationFailure failure) {
            throw new DiagnosedException(c.diagnose(failure), failure);
        } catch (BrokenStreamException broken) {
            throw new DiagnosedException(broken.at(c.target).diagnosis(), broken);
        }
        if (outcome.agentError() != null) {
            throw new DiagnosedException(new AgentStreamError(outcome.agentError(), c.target).diagnosis());
        }
    }

    /** A conversation: every line a turn, on one session; the exit code is that of the last failed turn, if any. */
    private int chat() throws Exception {
        int exit = ExitCode.OK;
        try (Connection c = Connection.open(runtime, connection, ServerProtocol.HTTP, "/invocations", env);
             var lines = new java.io.BufferedReader(new java.io.InputStreamReader(env.in(), StandardCharsets.UTF_8))) {
            Invoker invoker = c.invoker();
            env.err().println("session " + c.sessionId.value() + "; one prompt a line, end of input to stop");
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    turn(c, invoker, JSON.writeValueAsBytes(Map.of("prompt", line)));
                } catch (DiagnosedException e) {
                    env.err().print(dev.agentcore.client.report.DiagnosisReport.render(e.diagnosis(), output.verbose));
                    exit = ExitCode.of(e.diagnosis().category());
                }
            }
        }
        return exit;
    }

    private byte[] payload() throws IOException {
        if (prompt != null) {
            if (payload != null) {
                throw new UsageException("give the payload either as PAYLOAD or with --prompt, not both");
            }
            return JSON.writeValueAsBytes(Map.of("prompt", prompt));
        }
        if (payload == null) {
            throw new UsageException("no payload: pass JSON text, @FILE, - for standard input, or --prompt TEXT");
        }
        byte[] bytes;
        String source;
        if (payload.equals("-")) {
            bytes = env.in().readAllBytes();
            source = "standard input";
        } else if (payload.startsWith("@")) {
            try {
                bytes = Files.readAllBytes(env.workingDirectory().resolve(payload.substring(1)));
            } catch (NoSuchFileException e) {
                throw new UsageException("payload file " + payload.substring(1) + ": no such file");
            }
            source = payload.substring(1);
        } else {
            bytes = payload.getBytes(StandardCharsets.UTF_8);
            source = "the PAYLOAD argument";
        }
        if (contentType.contains("json")) {
            try {
                JSON.readTree(bytes);
            } catch (JacksonException e) {
                var at = e.getLocation();
                throw new UsageException("the payload in " + source + " is not JSON"
                        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                        + ": " + e.getOriginalMessage() + "; for plain text use --prompt TEXT or --content-type text/plain");
            }
        }
        return bytes;
    }
}
