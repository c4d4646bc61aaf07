package dev.agentcore.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python {@code unittest} suite of the repository run from {@code make test} with the pinned {@code .venv}, this
 * JDK as {@code JAVA_HOME}, and no AWS settings of the developer's shell. It fails (an {@link AssertionError} with the
 * suite's output) when a test fails or errs, when the suite does not finish, prints no summary, or skips anything.
 */
public final class PythonSuites {

    private static final Pattern RAN = Pattern.compile("(?m)^Ran (\\d+) tests? in ");
    private static final long MINUTES = 10;

    private PythonSuites() {
    }

    /** What a passing suite printed, and how many tests it ran. */
    public record Result(String output, int testsRun) {
    }

    /**
     * Runs {@code python -m unittest discover -v <discoverArguments>} in {@code directory}.
     *
     * @param environment added to the process's environment (for example the jar a suite starts)
     */
    public static Result unittest(Path directory, Map<String, String> environment, String... discoverArguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(RepositoryFiles.python().toString(), "-m", "unittest",
                "discover", "-v"));
        command.addAll(List.of(discoverArguments));
        Path log = Files.createTempFile("python-suite", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            builder.environment().putAll(environment);
            Process run = builder.start();
            boolean finished = run.waitFor(MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            String where = directory + " (" + String.join(" ", command) + ")";
            if (!finished) {
                throw new AssertionError("the suite in " + where + " did not finish in " + MINUTES + " minutes:\n" + output);
            }
            if (run.exitValue() != 0) {
                throw new AssertionError("the suite in " + where + " failed:\n" + output);
            }
            Matcher ran = RAN.matcher(output);
            if (!ran.find()) {
                throw new AssertionError("the suite in " + where + " printed no unittest summary:\n" + output);
            }
            if (output.contains("skipped")) {
                throw new AssertionError("the suite in " + where + " skipped tests; nothing here may skip:\n" + output);
            }
            return new Result(output, Integer.parseInt(ran.group(1)));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
