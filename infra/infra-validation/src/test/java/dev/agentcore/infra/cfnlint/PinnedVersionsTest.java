package dev.agentcore.infra.cfnlint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.infra.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The container and the .venv run the same cfn-lint: the image's pins are the repository's pins. */
class PinnedVersionsTest {

    private static final Pattern PIN = Pattern.compile("(?m)^([A-Za-z0-9_.-]+)==(\\S+)\\s*$");

    @Test
    void the_image_pins_exactly_the_versions_of_requirements_dev() throws IOException {
        Map<String, String> image = pins(Repository.infra().resolve("cfn-lint/requirements.txt"));
        Map<String, String> repository = pins(Repository.root().resolve("requirements-dev.txt"));

        assertThat(image).containsKey("cfn-lint");
        assertThat(repository).containsAllEntriesOf(image);
    }

    @Test
    void the_dockerfile_installs_the_pinned_requirements_without_resolving_anything_else() throws IOException {
        String dockerfile = Files.readString(Repository.infra().resolve("cfn-lint/Dockerfile"));

        assertThat(dockerfile).contains("COPY requirements.txt").contains("--no-deps -r /tmp/requirements.txt")
                .contains("ENTRYPOINT [\"cfn-lint\"]");
    }

    @Test
    void the_image_requirements_are_the_whole_dependency_closure_of_cfn_lint() throws Exception {
        // Asked of the .venv's own Python (the image uses the same minor version), so nothing is hard-coded here.
        String script = """
                import importlib.metadata as m
                from packaging.requirements import Requirement
                from packaging.utils import canonicalize_name
                seen, todo = set(), ["cfn-lint"]
                while todo:
                    name = canonicalize_name(todo.pop())
                    if name not in seen:
                        seen.add(name)
                        for spec in m.requires(name) or []:
                            requirement = Requirement(spec)
                            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                                todo.append(requirement.name)
                print("\\n".join(sorted(seen)))
                """;
        Process python = new ProcessBuilder(Repository.root().resolve(".venv/bin/python").toString(), "-c", script)
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes()).strip();
        assertThat(python.waitFor()).as(output).isZero();

        Map<String, String> image = pins(Repository.infra().resolve("cfn-lint/requirements.txt"));
        assertThat(image.keySet()).containsExactlyInAnyOrderElementsOf(List.of(output.split("\\s+")));
    }

    private static Map<String, String> pins(Path requirements) throws IOException {
        Map<String, String> pins = new TreeMap<>();
        Matcher matcher = PIN.matcher(Files.readString(requirements));
        while (matcher.find()) {
            pins.put(matcher.group(1).toLowerCase().replace('_', '-'), matcher.group(2));
        }
        return pins;
    }
}
