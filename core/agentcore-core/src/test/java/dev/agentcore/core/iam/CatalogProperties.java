package dev.agentcore.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

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
