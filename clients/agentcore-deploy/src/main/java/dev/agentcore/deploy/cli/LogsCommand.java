package dev.agentcore.deploy.cli;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.deploy.output.Console;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** {@code logs}: a runtime's CloudWatch Logs, from a point in time, optionally following. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print a runtime's log events from CloudWatch Logs (/aws/bedrock-agentcore/runtimes/<id>-<endpoint>).")
public final class LogsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "RUNTIME", description = "A runtime of runtimes.json.")
    String name;

    @Option(names = "--since", defaultValue = "10m", paramLabel = "DURATION",
            description = "How far back: 30s, 10m, 2h, 1d (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--follow", description = "Keep printing new events until interrupted.")
    boolean follow;

    @Option(names = "--endpoint", defaultValue = "DEFAULT", paramLabel = "QUALIFIER",
            description = "The endpoint whose log group to read (default: ${DEFAULT-VALUE}).")
    String endpoint;

    private final Console console;

    public LogsCommand(Console console) {
        this.console = console;
    }

    static Duration parse(String text) {
        var matcher = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new DeployException(ExitCode.USAGE, "--since " + text + ": expected a number and s, m, h or d (10m)");
        }
        long n = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration back = parse(since);
        Workspace ws = Workspace.open(common);
        if (ws.runtimes().runtime(name).isEmpty()) {
            throw new DeployException(ExitCode.USAGE, "no runtime " + name + " in runtimes.json; runtimes: "
                    + ws.runtimes().names());
        }
        try (Session session = new Session(ws, console, common.poll())) {
            var runtime = session.runtimes().byName().get(name);
            if (runtime == null) {
                throw new DeployException(ExitCode.FAILED, name + " is not deployed on " + ws.target().describe());
            }
            String group = RuntimeArn.parse(runtime.agentRuntimeArn()).logGroup(endpoint);
            console.line("log group " + group + " since " + since + " ago" + (follow ? " (following; Ctrl-C stops)" : ""));
            long start = Instant.now().minus(back).toEpochMilli();
            Set<String> seen = new HashSet<>();
            DateTimeFormatter clock = DateTimeFormatter.ISO_INSTANT;
            do {
                long from = start;
                try {
                    for (FilteredLogEvent event : session.clients().logs()
                            .filterLogEventsPaginator(r -> r.logGroupName(group).startTime(from)).events()) {
                        if (seen.add(event.eventId())) {
                            console.line(clock.format(Instant.ofEpochMilli(event.timestamp())) + " "
                                    + event.message().stripTrailing());
                            start = Math.max(start, event.timestamp());
                        }
                    }
                } catch (ResourceNotFoundException e) {
                    throw new DeployException(ExitCode.FAILED, "no log group " + group + (ws.target().local()
                            ? ": the local AgentCore writes each session's log to a file (its --log-dir, by default"
                            + " runner/logs under its state or work folder), not to CloudWatch Logs"
                            : ": AgentCore creates it at the runtime's first invocation through endpoint " + endpoint));
                }
                if (follow) {
                    Thread.sleep(Math.max(1000, common.poll().toMillis()));
                }
            } while (follow);
            return ExitCode.OK.status();
        }
    }
}
