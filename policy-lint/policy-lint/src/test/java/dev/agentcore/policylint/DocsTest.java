package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.policylint.report.ReportFormat;
import dev.agentcore.policylint.report.RuleList;
import dev.agentcore.policylint.rule.Rule;
import dev.agentcore.policylint.rule.RuleInfo;
import dev.agentcore.policylint.rule.Rules;
import dev.agentcore.testing.RepositoryFiles;

/** The docs cannot drift from the code: the rule table is generated, and every rule page's examples are linted. */
class DocsTest {

    private static final Pattern BLOCK = Pattern.compile("```(yaml|json runtimes)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    static Path docs() {
        return RepositoryFiles.root().resolve("docs/policy-lint");
    }

    @Test
    void theRuleTableIsGeneratedFromTheRuleClasses() throws IOException {
        String readme = Files.readString(docs().resolve("README.md"));
        int begin = readme.indexOf("<!-- BEGIN rules");
        int end = readme.indexOf("<!-- END rules -->");
        assertThat(begin).isPositive();
        String table = readme.substring(readme.indexOf('\n', begin) + 1, end);
        assertThat(table).as("docs/policy-lint/README.md rule table; regenerate with policy-lint --list-rules --format markdown (RuleList.markdown())")
                .isEqualTo(RuleList.markdown());
    }

    /** A relative path in prose or a link: "../x" not preceded by a dot or a word (".../workload-identity" is prose). */
    private static final Pattern RELATIVE_PATH = Pattern.compile("(?<![.\\w])(?:\\.\\./)+[A-Za-z0-9_./-]*[A-Za-z0-9_/-]");

    /**
     * policy-lint's docs and READMEs link to nothing a clone lacks: every relative path resolves to a file of the
     * repository. (Absolute paths outside it are core/architecture-tests' RepositoryBoundaryTest's, for every file.)
     */
    @Test
    void theDocsPointAtNothingOutsideTheRepository() throws IOException {
        Path root = RepositoryFiles.root().toAbsolutePath().normalize();
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> docs = Files.walk(docs())) {
            docs.filter(Files::isRegularFile).forEach(pages::add);
        }
        try (Stream<Path> module = Files.walk(root.resolve("policy-lint"), 2)) {
            module.filter(p -> p.getFileName().toString().equals("README.md")).forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(15);
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            String name = root.relativize(page).toString();
            Matcher m = RELATIVE_PATH.matcher(text);
            while (m.find()) {
                Path target = page.getParent().resolve(m.group()).normalize();
                if (!target.startsWith(root) || !Files.exists(target)) {
                    problems.add(name + ": " + m.group() + " is no file of the repository");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRulePageHasABadExampleThatFiresAndAGoodOneThatIsClean() {
        return Rules.all().stream().map(Rule::info).map(info -> DynamicTest.dynamicTest(info.id(), () -> checkPage(info)));
    }

    private void checkPage(RuleInfo info) throws IOException {
        Path page = RepositoryFiles.root().resolve(info.docPath());
        assertThat(page).exists();
        String text = Files.readString(page);
        assertThat(text).startsWith("# " + info.id() + " " + info.name()).contains("## Bad").contains("## Good")
                .contains("**Severity:** " + info.severity().label());
        String bad = firstYaml(text.substring(text.indexOf("## Bad"), text.indexOf("## Good")));
        String good = firstYaml(text.substring(text.indexOf("## Good")));
        List<Path> runtimeFiles = new ArrayList<>();
        Matcher runtimes = BLOCK.matcher(text);
        while (runtimes.find()) {
            if (runtimes.group(1).equals("json runtimes")) {
                runtimeFiles.add(Files.writeString(dir.resolve("runtimes.json"), runtimes.group(2)));
            }
        }
        LintRun badRun = lint(runtimeFiles, "bad.yaml", bad);
        assertThat(badRun.out()).as("bad example of " + info.id()).contains("\"ruleId\" : \"" + info.id() + "\"");
        LintRun goodRun = lint(runtimeFiles, "good.yaml", good);
        assertThat(goodRun.out()).as("good example of " + info.id()).contains("\"findings\" : [ ]");
        assertThat(goodRun.code()).isZero();
    }

    private LintRun lint(List<Path> runtimeFiles, String name, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve(name), yaml);
        return LintRun.run(LintRun.withoutConfig(dir).runtimeFiles(runtimeFiles).paths(file), ReportFormat.JSON);
    }

    private static String firstYaml(String section) {
        Matcher m = BLOCK.matcher(section);
        while (m.find()) {
            if (m.group(1).equals("yaml")) {
                return m.group(2);
            }
        }
        throw new AssertionError("no yaml example in " + section);
    }
}
