package dev.agentcore.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The two glob implementations (linear matcher, automaton) agree, and wildcarding never loses a match. */
class GlobProperties {

    @Property(tries = 500)
    void matcherAgreesWithAutomaton(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        Glob glob = new Glob(pattern);
        assertThat(glob.matches(text)).isEqualTo(glob.automaton().run(text));
    }

    @Property(tries = 300)
    void aTextMatchesItselfAndAnyWildcardingOfIt(@ForAll("texts") String text, @ForAll int seed) {
        assertThat(new Glob(text).matches(text)).isTrue();
        if (!text.isEmpty()) {
            int from = Math.floorMod(seed, text.length());
            int to = from + Math.floorMod(seed >>> 8, text.length() - from + 1);
            String widened = text.substring(0, from) + "*" + text.substring(to);
            assertThat(new Glob(widened).matches(text)).as(widened).isTrue();
        }
    }

    @Property(tries = 300)
    void arnPatternsMatchComponentWise(@ForAll("ids") String id, @ForAll("ids") String other) {
        String arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + id;
        assertThat(ArnPattern.of(arn).matches(arn)).isTrue();
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:*:*:runtime/*").matches(arn)).isTrue();
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + other).matches(arn))
                .isEqualTo(id.equals(other));
        // A wildcard in the region never reaches into the account.
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:*:999999999999:runtime/" + id).matches(arn)).isFalse();
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab*?/:-").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab/:-").ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("abcXYZ_0189-").ofMinLength(1).ofMaxLength(14);
    }
}
