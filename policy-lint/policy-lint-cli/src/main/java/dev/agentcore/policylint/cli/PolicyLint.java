package dev.agentcore.policylint.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.agentcore.policylint.ExitStatus;
import dev.agentcore.policylint.Lint;
import dev.agentcore.policylint.LintOutcome;
import dev.agentcore.policylint.LintRequest;
import dev.agentcore.policylint.Linter;
import dev.agentcore.policylint.NamedNonTemplates;
import dev.agentcore.policylint.config.ConfigSource;
import dev.agentcore.policylint.report.Report;
import dev.agentcore.policylint.report.ReportFormat;
import dev.agentcore.policylint.report.RuleList;
import dev.agentcore.policylint.report.Version;
import dev.agentcore.policylint.rule.Severity;
import dev.agentcore.policylint.source.Documents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code policy-lint} command: parses the options into a {@link LintRequest}, runs it with {@link Lint} and writes
 * the report. {@link #run(String[], PrintStream, PrintStream)} is the in-process entry point; {@link #main(String[])}
 * exits with its code.
 */
@Command(name = "policy-lint", mixinStandardHelpOptions = true, versionProvider = PolicyLint.VersionProvider.class,
        sortOptions = false,
        description = {"Flags placeholder, dead and missing IAM grants in CloudFormation templates and IAM policies,",
                "checked against the actual AgentCore runtimes.", "",
                "Exit codes: 0 no errors, 1 errors found (warnings with --fail-on warning), 2 usage or input errors."})
public final class PolicyLint implements Callable<Integer> {

    public static final int OK = ExitStatus.OK.code();
    public static final int FINDINGS = ExitStatus.FINDINGS.code();
    public static final int USAGE = ExitStatus.INPUT_ERROR.code();

    @Parameters(paramLabel = "PATH", description = "Files or directories (walked; .git, node_modules, target, .venv skipped). "
            + "Default: the config's paths, else the current directory.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--runtimes", paramLabel = "FILE", description = "The actual runtimes: output of 'aws bedrock-agentcore-control "
            + "list-agent-runtimes' or 'get-agent-runtime', or the deploy state file. Repeatable. Example: --runtimes .agentcore/state.json")
    private List<Path> runtimes = new ArrayList<>();

    @Option(names = "--manifest", paramLabel = "FILE", description = "A runtimes manifest (runtimes.json): the names of the "
            + "runtimes a deployment will create; grants must fit one of them (or a runtime of --runtimes). Repeatable. "
            + "Example: --manifest runtimes.json")
    private List<Path> manifests = new ArrayList<>();

    @Option(names = "--live", description = "List the runtimes through the AWS API (ListAgentRuntimes, GetAgentRuntime) with the "
            + "standard credential chain; honours AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL.")
    private boolean live;

    @Option(names = "--region", paramLabel = "REGION", description = "Region for --live (default: the SDK's region chain). Example: us-east-1")
    private String region;

    /** What --format takes: a report format, or markdown (the docs' rule table) with --list-rules. */
    enum Format {
        TEXT(ReportFormat.TEXT), JSON(ReportFormat.JSON), SARIF(ReportFormat.SARIF), MARKDOWN(null);

        private final ReportFormat report;

        Format(ReportFormat report) {
            this.report = report;
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (any case; default: "
            + "${DEFAULT-VALUE}). MARKDOWN only with --list-rules.")
    private Format format = Format.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output. "
            + "Example: -o policy-lint.sarif")
    private Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "${COMPLETION-CANDIDATES} (any case): the lowest "
            + "severity that fails the run (default: the config's fail-on, else ERROR).")
    private Severity failOn;

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

    @Option(names = {"-v", "--verbose"}, description = "Also list, on standard error, what was passed over and why "
            + "(files that are no YAML, JSON or .template file, skipped and excluded directories, files that are no template).")
    private boolean verbose;

    @Option(names = "--skip-non-templates", description = "Pass over a file named as PATH that holds no template or policy "
            + "(default: it is an input error, exit 2). For hooks that name every staged YAML and JSON file.")
    private boolean skipNonTemplates;

    @Option(names = "--debug", description = "Print stack traces of unexpected errors.")
    private boolean debug;

    @Option(names = "--self-check", hidden = true, description = "Lint bundled samples and verify the findings "
            + "(the launcher's training run for the start-up cache).")
    private boolean selfCheck;

    private PrintStream out;
    private PrintStream err;
    private Path cwd;

    PolicyLint(PrintStream out, PrintStream err, Path cwd) {
        this.out = out;
        this.err = err;
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        // Standard output written in blocks, not a write per line (System.out flushes each println, and the report of
        // a corpus has a line per finding); flushed before exit, after what went to standard error, as before.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                System.out.charset());
        int code;
        try {
            code = run(args, out, System.err);
        } finally {
            out.flush();
        }
        System.exit(code);
    }

    /** Runs policy-lint in-process; returns the exit code (0 no errors, 1 errors, 2 usage or input errors). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Path.of("").toAbsolutePath());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Path cwd) {
        PolicyLint plain = new PolicyLint(out, err, cwd);
        if (plain.parsePlain(args)) {
            try {
                return plain.call();
            } catch (RuntimeException e) {
                return plain.unexpected(e);
            }
        }
        PolicyLint command = new PolicyLint(out, err, cwd);
        CommandLine cli = commandLine(command);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("policy-lint: " + e.getMessage());
            err.println("Try 'policy-lint --help' for the options.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> command.unexpected(e));
        return cli.execute(args);
    }

    /** picocli over {@code command}, as this command configures it. */
    static CommandLine commandLine(PolicyLint command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    }

    private int unexpected(Exception e) {
        err.println("policy-lint: unexpected error: " + e);
        if (debug) {
            e.printStackTrace(err);
        }
        return USAGE;
    }

    /**
     * Parses a plain command line (long options with their value as the next argument or after {@code =}, each
     * single-valued option once, paths that start with neither {@code -} nor {@code @}) into the fields picocli would
     * set, without picocli: building picocli's model (annotations read through reflection, proxies made for them) is
     * 30 to 40 ms, a third of a one-template run as pre-commit makes it. Returns false, having set nothing that
     * matters, for anything else (help, version, short option clusters, {@code @files}, {@code --}, a bad value, an
     * unknown option), which picocli then parses with its own messages. PolicyLintCliTest checks that both agree.
     */
    boolean parsePlain(String[] args) {
        try {
            return parsePlainOrThrow(args);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private boolean parsePlainOrThrow(String[] args) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '@') {
                return false;
            }
            if (arg.charAt(0) != '-') {
                paths.add(Path.of(arg));
                continue;
            }
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (name.equals("-v")) {
                name = "--verbose";
            } else if (name.equals("-o")) {
                name = "--output";
            }
            boolean repeatable = name.equals("--runtimes") || name.equals("--manifest") || name.equals("--exclude");
            if (!repeatable && !seen.add(name)) {
                return false;
            }
            boolean flag = switch (name) {
                case "--live", "--no-config", "--list-rules", "--verbose", "--skip-non-templates", "--debug", "--self-check" -> true;
                default -> false;
            };
            if (flag) {
                if (eq >= 0) {
                    return false;
                }
                switch (name) {
                    case "--live" -> live = true;
                    case "--no-config" -> noConfig = true;
                    case "--list-rules" -> listRules = true;
                    case "--verbose" -> verbose = true;
                    case "--skip-non-templates" -> skipNonTemplates = true;
                    case "--debug" -> debug = true;
                    default -> selfCheck = true;
                }
                continue;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return false;
            }
            if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
                return false;
            }
            switch (name) {
                case "--runtimes" -> runtimes.add(Path.of(value));
                case "--manifest" -> manifests.add(Path.of(value));
                case "--exclude" -> excludes.add(value);
                case "--region" -> region = value;
                case "--output" -> output = Path.of(value);
                case "--config" -> configFile = Path.of(value);
                case "--format" -> {
                    format = constant(Format.class, value);
                    if (format == null) {
                        return false;
                    }
                }
                case "--fail-on" -> {
                    failOn = constant(Severity.class, value);
                    if (failOn == null) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** The constant named {@code value} in any case, as picocli's case-insensitive enum values; null if none is. */
    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value) || e.toString().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public Integer call() {
        if (listRules) {
            return listRules();
        }
        if (selfCheck) {
            return SelfCheck.run(out, err);
        }
        if (format.report == null) {
            err.println("policy-lint: --format " + format + " is only for --list-rules; a report is TEXT, JSON or SARIF");
            return USAGE;
        }
        LintRequest request = LintRequest.in(cwd).paths(paths).runtimeFiles(runtimes).manifests(manifests).excludes(excludes).live(live)
                .region(region).failOn(failOn).config(noConfig ? ConfigSource.none() : configFile != null
                        ? ConfigSource.file(configFile) : ConfigSource.nearest())
                .namedNonTemplates(skipNonTemplates ? NamedNonTemplates.PASSED_OVER : NamedNonTemplates.REFUSED)
                .build();
        LintOutcome outcome = Lint.run(request);
        if (outcome instanceof LintOutcome.Refused refused) {
            err.println("policy-lint: " + refused.message());
            return USAGE;
        }
        LintOutcome.Linted linted = (LintOutcome.Linted) outcome;
        if (verbose) {
            for (Linter.PassedOver p : linted.result().passedOver()) {
                err.println("policy-lint: passed over " + p);
            }
        }
        for (String e : linted.result().inputErrors()) { // loops: lambdas here would be spun at each start
            err.println("policy-lint: " + e);
        }
        if (!write(linted)) {
            return USAGE;
        }
        return linted.status().code();
    }

    /** Writes the report to standard output, or to a temp file renamed over --output so no reader sees half of it. */
    private boolean write(LintOutcome.Linted linted) {
        Report report = Report.of(format.report, cwd);
        if (output == null) {
            report.write(linted.result(), out);
            return true;
        }
        Path target = cwd.resolve(output).toAbsolutePath();
        if (Files.isDirectory(target)) {
            err.println("policy-lint: cannot write " + output + ": it is a directory (name a file, e.g. -o "
                    + output.resolve("policy-lint.sarif") + ")");
            return false;
        }
        Path tmp = null;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                report.write(linted.result(), ps);
            }
            Path dir = target.getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".policy-lint", ".tmp");
            Files.write(tmp, buffer.toByteArray());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return true;
        } catch (IOException e) {
            err.println("policy-lint: cannot write " + output + ": " + Documents.reason(e));
            return false;
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** A temporary report that could not take its place is removed, so no {@code .policy-lint*.tmp} is left behind. */
    private void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            err.println("policy-lint: cannot remove " + tmp + ": " + Documents.reason(e));
        }
    }

    private int listRules() {
        switch (format) {
            case MARKDOWN -> out.print(RuleList.markdown());
            case JSON -> out.print(RuleList.json());
            case TEXT, SARIF -> out.print(RuleList.text());
        }
        return OK;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"policy-lint " + Version.get()};
        }
    }
}
