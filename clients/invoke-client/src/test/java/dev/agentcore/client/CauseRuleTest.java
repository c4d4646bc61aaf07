package dev.agentcore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.agentcore.client.report.CauseRule;
import dev.agentcore.client.report.LikelyCause;
import dev.agentcore.client.report.RuleFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Causes always name a rule: the record refuses one without, and the architecture rule finds any other maker. */
class CauseRuleTest {

    /** Makes a cause by hand, as CognitoUserPassword did before its causes became rules. */
    static final class HandMadeCause {
        LikelyCause make() {
            return new LikelyCause("The username or password is wrong", "Check them", "AC963");
        }
    }

    @Test
    void aCauseWithoutARuleIdIsRefused() {
        assertThatThrownBy(() -> new LikelyCause("cause", "next", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LikelyCause("cause", "next", "E42")).hasMessageContaining("AC and three digits");
    }

    @Test
    void theArchitectureRuleCatchesACauseMadeOutsideTheRules() {
        assertThatThrownBy(() -> ArchitectureTest.only_cause_rules_construct_likely_causes
                .check(new ClassFileImporter().importClasses(HandMadeCause.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("HandMadeCause");
        ArchitectureTest.only_cause_rules_construct_likely_causes
                .check(new ClassFileImporter().importClasses(CauseRule.class, dev.agentcore.client.auth.CognitoUserPassword.class));
    }

    record Answer(int status, String error) {
    }

    private static final CauseRule<Answer> SECRET = CauseRule.<Answer>rule("AC920", "Wrong secret").summary("s")
            .applies("invalid_client").when(a -> a.error().equals("invalid_client")).cause("secret").next("check").build();
    private static final CauseRule<Answer> DOWN = CauseRule.<Answer>rule("AC911", "Down").summary("s")
            .applies("5xx").when(a -> a.status() >= 500).cause("down").next("wait").conclusive().build();
    private static final CauseRule<Answer> ANY = CauseRule.<Answer>rule("AC901", "Any answer").summary("s")
            .applies("any").cause("other").next("look").build();
    private static final CauseRule<Answer> ELSE = CauseRule.<Answer>rule("AC939", "Anything else").summary("s")
            .applies("any").fallback().cause(a -> "HTTP " + a.status()).next("read the body").build();

    @Test
    void aFamilyRanksStopsAtAConclusiveRuleAndFallsBackOnlyWhenNothingApplied() {
        RuleFamily<Answer> family = new RuleFamily<>("test", "an answer", List.of(SECRET, DOWN, ANY, ELSE));
        assertThat(family.causes(new Answer(400, "invalid_client"))).extracting(LikelyCause::ruleId)
                .containsExactly("AC920", "AC901");
        assertThat(family.causes(new Answer(503, "invalid_client"))).extracting(LikelyCause::ruleId)
                .containsExactly("AC920", "AC911");
        RuleFamily<Answer> withoutAny = new RuleFamily<>("test", "an answer", List.of(SECRET, DOWN, ELSE));
        assertThat(withoutAny.causes(new Answer(418, ""))).extracting(LikelyCause::cause).containsExactly("HTTP 418");
        assertThat(withoutAny.causes(new Answer(400, "invalid_client"))).extracting(LikelyCause::ruleId)
                .containsExactly("AC920");
    }
}
