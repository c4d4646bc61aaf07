package dev.agentcore.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dk.brics.automaton.Automaton;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The regex fast path for exact and trailing-* patterns answers exactly as the automata do. */
class CatalogProperties {

    final AgentCoreCatalog catalog = AgentCoreCatalog.bundled();

    @Property(tries = 400)
    void fastPathAgreesWithAutomata(@ForAll("prefixes") String prefix, @ForAll("tails") String tail, @ForAll boolean star) {
        String pattern = prefix + tail + (star ? "*" : "");
        assertThat(catalog.typesMatching(pattern)).as(pattern).isEqualTo(catalog.typesMatchingByAutomata(pattern));
    }

    /** The languages are left nondeterministic: intersecting them must say what intersecting their DFAs says. */
    @Property(tries = 150)
    void nondeterministicLanguagesIntersectAsDeterminisedOnes(@ForAll("prefixes") String prefix, @ForAll("tails") String middle,
            @ForAll("tails") String tail) {
        String pattern = prefix + "*" + middle + "*" + tail;
        Automaton glob = new Glob(pattern).automaton();
        for (AgentCoreResourceType type : catalog.resourceTypes()) {
            Automaton nfa = type.resourceLanguage();
            Automaton dfa = nfa.clone();
            dfa.determinize();
            assertThat(glob.intersection(nfa).isEmpty()).as(type.name() + " " + pattern).isEqualTo(glob.intersection(dfa).isEmpty());
        }
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("runtime/", "runtime/mcp_echo-", "workload-identity-directory/",
                "workload-identity-directory/default/workload-identity/", "token-vault/default/", "memory/", "gateway/",
                "code-interpreter/", "browser-custom/", "", "work", "policy-engine/pe_1-abcdefghij/");
    }

    @Provide
    Arbitrary<String> tails() {
        return Arbitraries.strings().withChars("abZ09_-./").ofMaxLength(14);
    }
}
