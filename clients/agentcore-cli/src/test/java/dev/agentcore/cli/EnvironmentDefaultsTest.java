package dev.agentcore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.client.Jwts;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Options take their environment variable through picocli's own {@code defaultValue = "${env:...}"}, read from the
 * CLI's injected {@link Environment}: a test sees only the variables it sets, and the help texts name exactly the
 * variables the options read.
 */
class EnvironmentDefaultsTest {

    private static final Pattern MENTIONED = Pattern.compile("\\(env (AGENTCORE_[A-Z_]+)");

    @Command(name = "probe")
    static final class Probe {
        @Option(names = "--path", defaultValue = "${env:PATH}")
        String path;

        @Option(names = "--secret", defaultValue = "${env:PROBE_SECRET}")
        String secret;

        @Option(names = "--plain", defaultValue = "fixed")
        String plain;
    }

    static Environment environment(Map<String, String> variables) {
        return new Environment(variables, Path.of("/"), new ByteArrayInputStream(new byte[0]), new PrintStream(System.out),
                new PrintStream(System.err), Clock.systemUTC());
    }

    @Test
    void onlyTheInjectedEnvironmentIsRead() {
        assertThat(System.getenv("PATH")).as("the process has a PATH, which must not leak in").isNotNull();
        Probe probe = new Probe();
        new CommandLine(probe).setDefaultValueProvider(new EnvironmentDefaults(environment(Map.of("PROBE_SECRET", "p${x}y"))))
                .parseArgs();
        assertThat(probe.path).isNull();
        assertThat(probe.secret).as("a value is taken as written, not interpolated").isEqualTo("p${x}y");
        assertThat(probe.plain).isEqualTo("fixed");

        Probe typed = new Probe();
        new CommandLine(typed).setDefaultValueProvider(new EnvironmentDefaults(environment(Map.of("PROBE_SECRET", "env"))))
                .parseArgs("--secret", "flag");
        assertThat(typed.secret).isEqualTo("flag");
    }

    @Test
    void everyVariableTheHelpNamesIsTheOptionsPicocliDefault() {
        CommandLine cli = new CommandLine(new AgentCoreInvoke())
                .addSubcommand(new AgentCommand(environment(Map.of())))
                .addSubcommand(new CommandLine(new AgentCoreInvoke.McpCommandGroup())
                        .addSubcommand(new McpCommand.Tools(environment(Map.of())))
                        .addSubcommand(new McpCommand.Call(environment(Map.of()))))
                .addSubcommand(new TokenCommand(environment(Map.of())));
        Map<String, String> mentioned = new HashMap<>();
        Map<String, String> declared = new HashMap<>();
        collect(cli, mentioned, declared);
        assertThat(mentioned).as("(env ...) in option descriptions").containsKeys("--qualifier", "--session-id",
                "--state-file", "--token", "--client-id", "--client-secret", "--cognito-domain", "--username", "--password",
                "--refresh-token");
        assertThat(declared).as("${env:...} defaults of the options").isEqualTo(mentioned);
    }

    private static void collect(CommandLine command, Map<String, String> mentioned, Map<String, String> declared) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            Matcher m = MENTIONED.matcher(String.join(" ", option.description()));
            if (m.find()) {
                mentioned.put(option.longestName(), m.group(1));
            }
            EnvironmentDefaults.declaredVariable(option).ifPresent(v -> declared.put(option.longestName(), v));
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, mentioned, declared));
    }

    @Test
    void aTokenSaysWhetherItCameFromTheFlagOrTheVariable() {
        String token = Jwts.accessToken(Instant.now().plusSeconds(3600));
        Cli fromVariable = new Cli(Map.of("AGENTCORE_BEARER_TOKEN", token), Path.of("/"));
        assertThat(fromVariable.run("token").out()).contains("from AGENTCORE_BEARER_TOKEN");
        assertThat(fromVariable.run("token", "--token", token).out()).contains("from --token");
        assertThat(new Cli(Map.of(), Path.of("/")).run("token").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(List.of(new Cli(Map.of("AGENTCORE_BEARER_TOKEN", " "), Path.of("/")).run("token").exit()))
                .as("a blank variable counts as unset").containsExactly(ExitCode.USAGE);
    }
}
