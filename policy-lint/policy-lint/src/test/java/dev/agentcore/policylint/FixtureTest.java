package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.policylint.report.ReportFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Error Prone-style fixtures: each template under fixtures/ carries its expected findings as comments on the line
 * above the offending value ({@code # expect: PL100 col=42 'agentName'}). The test fails on any finding that is not
 * expected and on any expectation not found. {@code # runtimes: file.json} names the runtimes to lint against.
 * Expectation comments are blanked (same length) before linting, so JSON fixtures can carry them too.
 */
class FixtureTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Pattern EXPECT = Pattern.compile("^\\s*#\\s*expect:\\s*((?:related\\s+)?PL\\d{3})(?:\\s+col=(\\d+))?(?:\\s+'([^']*)')?\\s*$");
    private static final Pattern RUNTIMES = Pattern.compile("^\\s*#\\s*runtimes:\\s*(\\S+)\\s*$");

    @TempDir
    Path work;

    record Expectation(String rule, int line, Integer column, String text) {
    }

    record Actual(String rule, int line, int column, String message) {
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureProducesExactlyItsExpectedFindings() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(FIXTURES.resolve("runtimes")))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        return files.stream().map(f -> DynamicTest.dynamicTest(FIXTURES.relativize(f).toString(), () -> check(f)));
    }

    private void check(Path fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
        List<Expectation> expected = new ArrayList<>();
        List<String> runtimes = new ArrayList<>();
        List<String> cleaned = new ArrayList<>();
        List<Expectation> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher e = EXPECT.matcher(line);
            Matcher r = RUNTIMES.matcher(line);
            if (e.matches()) {
                pending.add(new Expectation(e.group(1).replaceAll("\\s+", " "), -1, e.group(2) == null ? null : Integer.valueOf(e.group(2)), e.group(3)));
                cleaned.add(" ".repeat(line.length()));
            } else if (r.matches()) {
                runtimes.add(r.group(1));
                cleaned.add(" ".repeat(line.length()));
            } else {
                for (Expectation p : pending) {
                    expected.add(new Expectation(p.rule(), i + 1, p.column(), p.text()));
                }
                pending.clear();
                cleaned.add(line);
            }
        }
        Path copy = work.resolve(fixture.getFileName().toString());
        Files.writeString(copy, String.join("\n", cleaned) + "\n", StandardCharsets.UTF_8);
        // The corpus fixtures hold files that are no template (a workflow, notes): passed over as in a directory walk.
        LintRequest.Builder request = LintRun.withoutConfig(work).paths(copy).namedNonTemplates(NamedNonTemplates.PASSED_OVER);
        for (String r : runtimes) {
            request.runtimeFiles(FIXTURES.resolve("runtimes").resolve(r).toAbsolutePath());
        }
        LintRun run = LintRun.run(request, ReportFormat.JSON);
        assertThat(run.err()).as("input errors").isEmpty();
        int code = run.code();
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        List<Actual> actual = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            actual.add(new Actual(f.path("ruleId").asString(), f.path("line").asInt(), f.path("column").asInt(),
                    f.path("message").asString()));
            // "# expect: related PL110 ..." names another rule's view of the same problem, kept in the finding.
            for (JsonNode r : f.path("related")) {
                actual.add(new Actual("related " + r.path("ruleId").asString(), r.path("line").asInt(),
                        r.path("column").asInt(), r.path("message").asString()));
            }
        }
        List<String> problems = new ArrayList<>();
        List<Actual> unmatched = new ArrayList<>(actual);
        for (Expectation e : expected) {
            Actual hit = unmatched.stream().filter(a -> a.rule().equals(e.rule()) && a.line() == e.line()
                    && (e.column() == null || e.column() == a.column())
                    && (e.text() == null || a.message().contains(e.text()))).findFirst().orElse(null);
            if (hit == null) {
                problems.add("missing   " + e.rule() + " at line " + e.line() + (e.column() == null ? "" : " col " + e.column())
                        + (e.text() == null ? "" : " containing '" + e.text() + "'"));
            } else {
                unmatched.remove(hit);
            }
        }
        for (Actual a : unmatched) {
            problems.add("unexpected " + a.rule() + " at " + a.line() + ":" + a.column() + " " + a.message());
        }
        assertThat(problems).as("findings of " + fixture + " (all: " + new TreeSet<>(actual.stream()
                .map(a -> a.rule() + "@" + a.line() + ":" + a.column()).toList()) + ")").isEmpty();
        boolean errors = false;
        for (JsonNode f : report.path("findings")) {
            errors |= f.path("severity").asString().equals("error");
        }
        boolean parseErrors = actual.stream().anyMatch(a -> a.rule().equals("PL001"));
        assertThat(code).as("exit code").isEqualTo(parseErrors ? 2 : errors ? 1 : 0);
    }
}
