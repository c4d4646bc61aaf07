package dev.agentcore.client.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/clients/diagnoses.md cannot drift from the code: it is generated from the rules and their fixtures, and this
 * test fails when the page differs. {@code -Ddiagnoses.write=true} writes it instead (see the failure message).
 */
class DiagnosesPageTest {

    @Test
    void thePageIsGeneratedFromTheRulesAndTheirFixtures() throws IOException {
        String root = System.getProperty("repo.root");
        assertThat(root).as("system property repo.root (set by the root pom)").isNotNull();
        Path page = Path.of(root).resolve(DiagnosesPage.PATH);
        String generated = DiagnosesPage.render();
        if (Boolean.getBoolean("diagnoses.write")) {
            Files.createDirectories(page.getParent());
            Files.writeString(page, generated);
        }
        assertThat(page).as(DiagnosesPage.PATH + " is missing; generate it with: " + DiagnosesPage.REGENERATE).exists();
        String written = Files.readString(page);
        if (!written.equals(generated)) {
            fail(DiagnosesPage.PATH + " differs from the rules and fixtures " + firstDifference(written, generated)
                    + "; regenerate it with: " + DiagnosesPage.REGENERATE);
        }
    }

    /** Where the page and the generated text part, in one line rather than a 100 KB diff. */
    static String firstDifference(String written, String generated) {
        String[] have = written.split("\n", -1);
        String[] want = generated.split("\n", -1);
        for (int i = 0; i < Math.max(have.length, want.length); i++) {
            String a = i < have.length ? have[i] : "(end of file)";
            String b = i < want.length ? want[i] : "(end of file)";
            if (!a.equals(b)) {
                return "at line " + (i + 1) + ": the page has '" + a + "', the rules give '" + b + "'";
            }
        }
        return "";
    }
}
