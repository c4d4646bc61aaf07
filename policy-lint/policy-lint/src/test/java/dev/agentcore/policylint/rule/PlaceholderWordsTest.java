package dev.agentcore.policylint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PlaceholderResource passes a segment over without running a pattern when the segment lacks the pattern's word: every
 * spelling a pattern matches (any case where the pattern ignores case) must still be found.
 */
class PlaceholderWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"agentName", "AGENT_NAME", "aGeNt-NaMe-*", "myAgent", "My_Agent", "MY-AGENT", "<region>", "x<<a>>y",
            "{ACCOUNT_ID}", "a{{Name}}", "YOUR_ACCOUNT", "Your-Bucket", "your_thing", "REPLACE_ME", "Replace-This", "rEpLaCeWith1",
            "EXAMPLE", "Example", "bucket-EXAMPLE", "account-id", "AWS_Account_Id", "ACCTID", "aws-acct-id"})
    void everySpellingAPatternMatchesIsFound(String segment) {
        assertThat(PlaceholderResource.isPlaceholder(segment)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime", "agent_042", "${AWS::AccountId}", "my_bot", "examples", "ident", "replaced", "yourself"})
    void segmentsWithoutAPlaceholderAreNot(String segment) {
        assertThat(PlaceholderResource.isPlaceholder(segment)).isFalse();
    }
}
