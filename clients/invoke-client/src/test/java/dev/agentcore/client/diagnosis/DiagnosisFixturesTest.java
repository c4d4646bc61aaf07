package dev.agentcore.client.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.LikelyCause;
import dev.agentcore.client.report.RuleArea;
import dev.agentcore.client.report.RuleInfo;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule has a recorded failure (src/test/resources/diagnoses/&lt;id&gt;.yaml): the response and the context go
 * in, and the ranked causes must come out exactly as the fixture says, the rule's own among them.
 */
class DiagnosisFixturesTest {

    @TestFactory
    Stream<DynamicTest> eachFixtureProducesItsRankedCauses() {
        return DiagnosisFixture.all().stream().map(f -> DynamicTest.dynamicTest(f.ruleId(), () -> {
            Diagnosis diagnosis = f.diagnose();
            List<String> ids = diagnosis.causes().stream().map(c -> c.ruleId()).toList();
            assertThat(ids).as(f.ruleId() + ".yaml: the ranked causes").containsExactlyElementsOf(f.expectedCauses());
            assertThat(ids).as(f.ruleId() + ".yaml must show its own rule firing").contains(f.ruleId());
            assertThat(diagnosis.category()).as(f.ruleId() + ".yaml: the category").isEqualTo(f.expectedCategory());
            assertThat(diagnosis.causes()).allSatisfy(c -> assertThat(c.cause()).isNotBlank())
                    .extracting(LikelyCause::nextStep).allSatisfy(next -> assertThat(next).isNotBlank());
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachFamilyFixtureProducesItsRankedCauses() {
        return FamilyFixture.all().stream().map(f -> DynamicTest.dynamicTest(f.ruleId() + " (" + f.family() + ")", () -> {
            Diagnosis diagnosis = f.diagnose();
            List<String> ids = diagnosis.causes().stream().map(LikelyCause::ruleId).toList();
            assertThat(ids).as(f.ruleId() + ".yaml: the ranked causes").containsExactlyElementsOf(f.expectedCauses());
            assertThat(ids).as(f.ruleId() + ".yaml must show its own rule firing").contains(f.ruleId());
            assertThat(diagnosis.category()).as(f.ruleId() + ".yaml: the category").isEqualTo(f.expectedCategory());
            assertThat(diagnosis.causes()).allSatisfy(c -> assertThat(c.cause()).isNotBlank())
                    .extracting(LikelyCause::nextStep).allSatisfy(next -> assertThat(next).isNotBlank());
        }));
    }

    @Test
    void everyRuleHasAFixtureAndEveryFixtureARule() {
        Set<String> rules = new HashSet<>(DiagnosisRules.infos().stream().map(RuleInfo::id).toList());
        Set<String> fixtures = new HashSet<>(DiagnosisFixture.all().stream().map(DiagnosisFixture::ruleId).toList());
        fixtures.addAll(FamilyFixture.all().stream().map(FamilyFixture::ruleId).toList());
        assertThat(rules).as("rules without a fixture in " + DiagnosisFixture.fixtures()).isSubsetOf(fixtures);
        assertThat(fixtures).as("fixtures that name no rule").isSubsetOf(rules);
        assertThat(Files.isDirectory(DiagnosisFixture.fixtures())).isTrue();
    }

    @Test
    void idsAreUniqueAndNumberedByArea() {
        List<RuleInfo> infos = DiagnosisRules.infos();
        assertThat(infos).extracting(RuleInfo::id).doesNotHaveDuplicates().allMatch(id -> id.matches("AC\\d{3}"));
        assertThat(infos).extracting(RuleInfo::title).doesNotHaveDuplicates();
        assertThat(DiagnosisRules.info("AC240")).get().extracting(RuleInfo::area).isEqualTo(RuleArea.AUTH);
        assertThat(DiagnosisRules.info("AC240").orElseThrow().docPath()).isEqualTo("docs/clients/diagnoses.md#ac240");
    }
}
