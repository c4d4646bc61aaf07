package dev.agentcore.policylint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.agentcore.policylint.config.Config;
import dev.agentcore.policylint.config.ConfigException;
import dev.agentcore.policylint.report.Report;
import dev.agentcore.policylint.report.Version;
import dev.agentcore.policylint.rule.Rule;
import dev.agentcore.policylint.rule.RuleInfo;
import dev.agentcore.policylint.rule.Rules;
import dev.agentcore.policylint.rule.Severity;
import dev.agentcore.policylint.runtime.AgentRuntime;
import dev.agentcore.policylint.runtime.LiveRuntimes;
import dev.agentcore.policylint.runtime.RuntimeFiles;
import dev.agentcore.policylint.runtime.RuntimeSet;
import dev.agentcore.policylint.runtime.RuntimeSourceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code policy-lint} command. {@link #run(String[], PrintStream, PrintStream)} is the in-process entry point
 * (tests and other modules call it); {@link #main(String[])} exits with its code.
 */
@Command(name = "policy-lint", mixinStandardHelpOptions = true, versionProvider = PolicyLint.VersionProvider.class,
        sortOptions = false,
        description = {"Flags placeholder, dead and missing IAM grants in CloudFormation templates and IAM policies,",
                "checked against the actual AgentCore runtimes.", "",
                "Exit codes: 0 no errors, 1 errors found (warnings with --fail-on warning), 2 usage or input errors."})
public final class PolicyLint implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @Parameters(paramLabel = "PATH", description = "Files or directories (walked; .git, node_modules, target, .venv skipped). "
            + "Default: the config's paths, else the current directory.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--runtimes", paramLabel = "FILE", description = "The actual runtimes: output of 'aws bedrock-agentcore-control "
            + "list-agent-runtimes' or 'get-agent-runtime', or the deploy state file. Repeatable. Example: --runtimes .agentcore/state.json")
    private List<Path> runtimes = new ArrayList<>();

    @Option(names = "--live", description = "List the runtimes through the AWS API (ListAgentRuntimes, GetAgentRuntime) with the "
            + "standard credential chain; honours AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL.")
    private boolean live;

    @Option(names = "--region", paramLabel = "REGION", description = "Region for --live (default: the SDK's region chain). Example: us-east-1")
    private String region;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or sarif. With --list-rules also markdown.")
    private String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output. "
            + "Example: -o policy-lint.sarif")
    private Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error (default) or warning: the lowest severity that fails the run.")
    private String failOn;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip matching files (relative to the working directory). "
            + "Repeatable. Example: --exclude 'test/**'")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the nearest .policy-lint.yaml "
            + "in the working directory or above).")
    private Path configFile;

    @Option(names = "--no-config", description = "Ignore .policy-lint.yaml files.")
    private boolean noConfig;

    @Option(names = "--list-rules", description = "Print the rules (id, severity, summary) and exit.")
    private boolean listRules;

    @Option(names = "--debug", description = "Print stack traces of unexpected errors.")
    private boolean debug;

    @Option(names = "--self-check", hidden = true, description = "Lint bundled samples and verify the findings "
            + "(the launcher's training run for the start-up cache).")
    private boolean selfCheck;

    private PrintStream out;
    private PrintStream err;
    private Path cwd;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs policy-lint in-process; returns the exit code (0 no errors, 1 errors, 2 usage or input errors). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Path.of("").toAbsolutePath());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Path cwd) {
        PolicyLint command = new PolicyLint();
        command.out = out;
        command.err = err;
        command.cwd = cwd.toAbsolutePath().normalize();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("policy-lint: " + e.getMessage());
            err.println("Try 'policy-lint --help' for the options.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            err.println("policy-lint: unexpected error: " + e);
            if (command.debug) {
                e.printStackTrace(err);
            }
            return USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        if (listRules) {
            return listRules();
        }
        if (selfCheck) {
            return SelfCheck.run(out, err);
        }
        if (!List.of("text", "json", "sarif").contains(format)) {
            err.println("policy-lint: unknown --format '" + format + "' (use text, json or sarif)");
            return USAGE;
        }
        Config config;
        try {
            config = loadConfig();
        } catch (ConfigException e) {
            err.println("policy-lint: " + e.getMessage());
            return USAGE;
        }
        Severity threshold;
        try {
            String level = failOn != null ? failOn : config.failOn() != null ? config.failOn().label() : "error";
            threshold = Severity.parse(level);
        } catch (IllegalArgumentException e) {
            err.println("policy-lint: --fail-on: " + e.getMessage());
            return USAGE;
        }
        RuntimeSet runtimeSet;
        try {
            runtimeSet = loadRuntimes(config);
        } catch (RuntimeSourceException e) {
            err.println("policy-lint: " + e.getMessage());
            return USAGE;
        }
        List<Path> targets = !paths.isEmpty() ? paths : !config.paths().isEmpty() ? config.paths() : List.of(cwd);
        List<String> allExcludes = new ArrayList<>(config.excludes());
        allExcludes.addAll(excludes);
        Linter.Result result = new Linter().run(new Linter.Options(targets, allExcludes, runtimeSet, config, cwd));
        result.inputErrors().forEach(e -> err.println("policy-lint: " + e));
        if (!write(result)) {
            return USAGE;
        }
        if (!result.inputErrors().isEmpty() || result.hasParseErrors()) {
            return USAGE;
        }
        boolean failing = result.findings().stream()
                .anyMatch(f -> f.severity() == Severity.ERROR || threshold == Severity.WARNING && f.severity() == Severity.WARNING
                        || threshold == Severity.INFO);
        return failing ? FINDINGS : OK;
    }

    private Config loadConfig() throws ConfigException {
        if (noConfig) {
            return Config.empty();
        }
        if (configFile != null) {
            Path file = cwd.resolve(configFile);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(configFile + ": no such configuration file");
            }
            return Config.read(file, FileFinder.display(file, cwd));
        }
        var found = Config.find(cwd);
        return found.isPresent() ? Config.read(found.get(), FileFinder.display(found.get(), cwd)) : Config.empty();
    }

    private RuntimeSet loadRuntimes(Config config) throws RuntimeSourceException {
        List<AgentRuntime> all = new ArrayList<>();
        List<Path> files = new ArrayList<>(config.runtimes());
        runtimes.forEach(r -> files.add(cwd.resolve(r)));
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new RuntimeSourceException(file + ": no such runtimes file");
            }
            all.addAll(RuntimeFiles.read(file));
        }
        boolean useLive = live || config.live();
        if (useLive) {
            all.addAll(LiveRuntimes.fetch(region != null ? region : config.region()));
        }
        return files.isEmpty() && !useLive ? RuntimeSet.unknown() : RuntimeSet.of(all);
    }

    /** Writes the report to standard output, or to a temp file renamed over --output so no reader sees half of it. */
    private boolean write(Linter.Result result) {
        Report report = Report.of(format, repositoryRoot(cwd));
        if (output == null) {
            report.write(result, out);
            return true;
        }
        Path target = cwd.resolve(output).toAbsolutePath();
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                report.write(result, ps);
            }
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".policy-lint", ".tmp");
            Files.write(tmp, buffer.toByteArray());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            err.println("policy-lint: cannot write " + output + ": " + e.getMessage());
            return false;
        }
    }

    /** The nearest directory with a .git entry, for repository-relative SARIF paths; else the working directory. */
    static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return start;
    }

    private int listRules() {
        switch (format) {
            case "markdown" -> out.print(rulesMarkdown());
            case "json" -> {
                List<java.util.Map<String, String>> rules = new ArrayList<>();
                for (Rule r : Rules.all()) {
                    RuleInfo i = r.info();
                    rules.add(java.util.Map.of("id", i.id(), "name", i.name(), "severity", i.severity().label(),
                            "summary", i.summary(), "doc", i.docPath()));
                }
                out.println(tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(rules));
            }
            default -> {
                for (Rule r : Rules.all()) {
                    RuleInfo i = r.info();
                    out.printf("%-6s %-8s %-36s %s%n", i.id(), i.severity().label(), i.name(), i.summary());
                }
            }
        }
        return OK;
    }

    /** The rule table of docs/policy-lint/README.md, generated from the rule classes. */
    public static String rulesMarkdown() {
        StringBuilder sb = new StringBuilder("| Id | Name | Default severity | What it flags |\n|---|---|---|---|\n");
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            sb.append("| [").append(i.id()).append("](rules/").append(i.id()).append(".md) | ").append(i.name())
                    .append(" | ").append(i.severity().label()).append(" | ").append(i.summary().replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"policy-lint " + Version.get()};
        }
    }
}
