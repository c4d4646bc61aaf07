package dev.agentcore.policylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The plain parse (PolicyLint.parsePlain, which spares picocli's start-up) must set what picocli sets, or step aside. */
class PlainCommandLineTest {

    private static final PrintStream NOWHERE = new PrintStream(PrintStream.nullOutputStream());

    @Test
    void plainCommandLinesParseAsPicocliParsesThem() {
        List<String[]> lines = List.of(
                new String[] {"agent.yaml"},
                new String[] {},
                new String[] {"--no-config", "--runtimes", "a.json", "--runtimes=b.json", "x.yaml", "dir/y.json"},
                new String[] {"--format", "json", "-o", "out.json", "--fail-on=Warning", "--exclude", "test/**",
                        "--exclude=b/*", "--config", "c.yaml", "-v", "--skip-non-templates", "--debug", "--live",
                        "--region", "us-east-1", "--manifest", "m.json", "p", "--list-rules", "--self-check"},
                new String[] {"--format=SARIF", "--output", "r.sarif", "--verbose", "--fail-on", "info", "q.template"},
                new String[] {"--format", "markdown", "--list-rules"});
        for (String[] args : lines) {
            PolicyLint plain = command();
            assertThat(plain.parsePlain(args)).as(String.join(" ", args)).isTrue();
            PolicyLint picocli = command();
            PolicyLint.commandLine(picocli).parseArgs(args);
            assertThat(fields(plain)).as(String.join(" ", args)).isEqualTo(fields(picocli));
        }
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        List<String[]> lines = List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"-V"},
                new String[] {"--version"}, new String[] {"--format", "xml"}, new String[] {"--fail-on", "sometimes"},
                new String[] {"--live", "--live"}, new String[] {"--region", "a", "--region", "b"}, new String[] {"--region"},
                new String[] {"@args.txt"}, new String[] {"--", "-odd-name.yaml"}, new String[] {"-vo", "x"},
                new String[] {"--live=true"}, new String[] {"-o=x"}, new String[] {"--output", "--live"},
                new String[] {"--bogus"}, new String[] {""}, new String[] {"bad\0path"});
        for (String[] args : lines) {
            assertThat(command().parsePlain(args)).as(String.join(" ", args)).isFalse();
        }
    }

    @Test
    void everyOptionButHelpAndVersionHasThePlainParse() {
        CommandLine cli = PolicyLint.commandLine(command());
        for (OptionSpec option : cli.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                String[] args = option.arity().max() == 0 ? new String[] {name}
                        : new String[] {name, option.type().isEnum() ? option.type().getEnumConstants()[0].toString() : "value"};
                assertThat(command().parsePlain(args)).as(name + " (add it to PolicyLint.parsePlain)").isTrue();
            }
        }
    }

    @Test
    void aPlainRunLintsAsBefore() {
        Cli r = Cli.run(Path.of("."), "--no-config", "--runtimes=" + Cli.fixture(PolicyLintCliTest.SEED_RUNTIME),
                Cli.fixture(PolicyLintCliTest.SEED));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("error PL100").contains("1 template checked");
    }

    private static PolicyLint command() {
        return new PolicyLint(NOWHERE, NOWHERE, Path.of("."));
    }

    /** The values of the fields picocli sets (those with an option or parameters annotation). */
    private static Map<String, Object> fields(PolicyLint command) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : PolicyLint.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                f.setAccessible(true);
                try {
                    Object v = f.get(command);
                    values.put(f.getName(), v instanceof List<?> l ? new ArrayList<>(l) : v);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(values.keySet()).containsAll(Set.of("paths", "runtimes", "format", "failOn", "live"));
        return values;
    }
}
