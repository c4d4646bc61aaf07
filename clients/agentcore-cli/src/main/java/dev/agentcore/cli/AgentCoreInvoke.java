package dev.agentcore.cli;

import dev.agentcore.client.http.Redaction;
import dev.agentcore.client.output.RedactingOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import dev.agentcore.client.report.DiagnosedException;
import dev.agentcore.client.report.DiagnosisReport;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agentcore-invoke}: invoke AgentCore agent and MCP runtimes; every failure comes back as a diagnosis. */
@Command(name = "agentcore-invoke", mixinStandardHelpOptions = true, version = "agentcore-invoke 0.1.0",
        description = {"Invoke Amazon Bedrock AgentCore runtimes with SigV4 or OAuth bearer tokens.",
                "On failure it says what went wrong, the likely causes, and the next step for each (--verbose for the "
                        + "exact request, response and token claims)."},
        footer = {"%nConfiguration comes from flags, then environment variables, then .agentcore/state.json (written by "
                + "the deploy CLI): runtime names, ARNs, endpoints and Cognito settings.",
                "%nExamples:",
                "  agentcore-invoke agent hello_agent --prompt 'Hello'",
                "  agentcore-invoke mcp tools mcp_echo",
                "  agentcore-invoke mcp call mcp_echo echo --arg text=hi",
                "  agentcore-invoke token --username alice",
                "", ExitCode.HELP})
public final class AgentCoreInvoke implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Environment system = Environment.system();
        Collection<String> known = knownSecrets(system, args);
        // Libraries that log to System.err (the MCP SDK, the AWS SDK) go through the same redactor.
        PrintStream err = redacting(System.err, known);
        System.setErr(err);
        int exit = run(new Environment(system.variables(), system.workingDirectory(), system.in(), System.out, err,
                system.clock()), args);
        err.flush();
        System.exit(exit);
    }

    /**
     * Runs the CLI and returns its exit code; tests call this in-process. Everything it prints, on stdout and stderr
     * alike, passes one redactor ({@link RedactingOutputStream}): a server that echoes the token in its answer or
     * its error body does not get it printed whole, with or without --verbose.
     */
    public static int run(Environment env, String... args) {
        Collection<String> known = knownSecrets(env, args);
        RedactingOutputStream out = new RedactingOutputStream(env.out(), known);
        RedactingOutputStream err = new RedactingOutputStream(env.err(), known);
        Environment redacted = new Environment(env.variables(), env.workingDirectory(), env.in(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env.clock());
        try {
            return execute(redacted, args);
        } finally {
            redacted.out().flush();
            redacted.err().flush();
            finish(out);
            finish(err);
        }
    }

    private static void finish(RedactingOutputStream stream) {
        try {
            stream.finish();
        } catch (java.io.IOException ignored) {
            // stdout or stderr closed (a pipe into head): nothing more can be said anyway
        }
    }

    private static PrintStream redacting(PrintStream stream, Collection<String> known) {
        return new PrintStream(new RedactingOutputStream(stream, known), true, StandardCharsets.UTF_8);
    }

    /** Options and variables whose values are secrets: cut wherever they appear, even with no pattern around them. */
    private static final List<String> SECRET_OPTIONS = List.of("--token", "--client-secret", "--password", "--refresh-token");
    private static final List<String> SECRET_VARIABLES = List.of("AGENTCORE_BEARER_TOKEN", "AGENTCORE_CLIENT_SECRET",
            "AGENTCORE_PASSWORD", "AGENTCORE_REFRESH_TOKEN", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    static Collection<String> knownSecrets(Environment env, String[] args) {
        Collection<String> known = RedactingOutputStream.knownSecrets();
        SECRET_VARIABLES.forEach(name -> env.variable(name).ifPresent(known::add));
        for (int i = 0; i < args.length; i++) {
            for (String option : SECRET_OPTIONS) {
                if (args[i].equals(option) && i + 1 < args.length) {
                    known.add(args[i + 1]);
                } else if (args[i].startsWith(option + "=")) {
                    known.add(args[i].substring(option.length() + 1));
                }
            }
        }
        return known;
    }

    private static int execute(Environment env, String... args) {
        CommandLine cli = new CommandLine(new AgentCoreInvoke())
                .addSubcommand(new AgentCommand(env))
                .addSubcommand(new CommandLine(new McpCommandGroup())
                        .addSubcommand(new McpCommand.Tools(env))
                        .addSubcommand(new McpCommand.Call(env)))
                .addSubcommand(new TokenCommand(env))
                .addSubcommand(new SessionIdCommand(env));
        cli.setDefaultValueProvider(new EnvironmentDefaults(env)); // after the subcommands: it reaches all of them
        // `agent RUNTIME @payload.json` names a payload file; picocli's own @-file expansion would read it as options.
        cli.setExpandAtFiles(false);
        cli.setUsageHelpWidth(110);
        cli.setUsageHelpAutoWidth(true);
        cli.setOut(new java.io.PrintWriter(env.out(), true));
        cli.setErr(new java.io.PrintWriter(env.err(), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> report(e, command, env));
        cli.setParameterExceptionHandler((e, args1) -> {
            env.err().println("error: " + withoutTokens(e.getMessage(), args1));
            env.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    /** picocli quotes the arguments it cannot place: a token pasted without --token must not be printed whole. */
    private static String withoutTokens(String message, String[] args) {
        String text = String.valueOf(message);
        for (String arg : args) {
            if (JWT.matcher(arg).matches()) {
                text = text.replace(arg, Redaction.secret(arg));
            }
        }
        return text;
    }

    private static final java.util.regex.Pattern JWT =
            java.util.regex.Pattern.compile("(?i:bearer\\s+)?eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_.-]+\\s*");

    private static int report(Exception e, CommandLine command, Environment env) {
        OutputOptions output = command.getCommand() instanceof HasOutput has && has.output() != null
                ? has.output() : new OutputOptions();
        if (output.debug) {
            e.printStackTrace(env.err());
        }
        if (e instanceof DiagnosedException diagnosed) {
            env.err().print(DiagnosisReport.render(diagnosed.diagnosis(), output.verbose));
            return ExitCode.of(diagnosed.diagnosis().category());
        }
        if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            env.err().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        env.err().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + (output.debug ? "" : " (run with --debug for the stack trace)"));
        return ExitCode.FAILED;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: a command is needed: agent, mcp, token or session-id");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(name = "mcp", mixinStandardHelpOptions = true,
            description = "Talk to an MCP runtime through the MCP Java SDK client: list its tools or call one.",
            footer = {"%nExamples:",
                    "  agentcore-invoke mcp tools mcp_echo",
                    "  agentcore-invoke mcp call mcp_echo echo --arg text=hello",
                    "  # a container on this machine",
                    "  agentcore-invoke mcp tools --local http://localhost:8000",
                    "", ExitCode.HELP})
    static final class McpCommandGroup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("error: a subcommand is needed: `mcp tools RUNTIME` or `mcp call RUNTIME TOOL`");
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCode.USAGE;
        }
    }
}
