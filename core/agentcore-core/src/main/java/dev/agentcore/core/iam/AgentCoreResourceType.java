package dev.agentcore.core.iam;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.RegExp;

/**
 * One resource type of bedrock-agentcore ({@code runtime}, {@code workload-identity}, ...) with its ARN format from the
 * Service Authorization Reference and the formats of its identifiers from the service models.
 */
public record AgentCoreResourceType(String name, String arnFormat, Map<String, String> identifiers) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final Pattern LONG_REPEAT = Pattern.compile("\\{(\\d+),(\\d{2,})}");

    public AgentCoreResourceType {
        identifiers = Map.copyOf(identifiers);
    }

    /** The resource component of the format, for example {@code runtime/${RuntimeId}}. */
    public String resourceFormat() {
        return arnFormat.split(":", 6)[5];
    }

    /** The account component: {@code ${Account}}, or {@code aws} for AWS-owned resources such as the built-in browser. */
    public String accountFormat() {
        return arnFormat.split(":", 6)[4];
    }

    public boolean awsOwned() {
        return "aws".equals(accountFormat());
    }

    /**
     * {@code x{0,99}} becomes {@code x{0,}}: whether a wildcard can ever match an identifier does not hinge on its
     * maximum length, and a 100-state chain per identifier costs more start-up time than a whole lint.
     */
    static String unboundLongRepeats(String regex) {
        Matcher m = LONG_REPEAT.matcher(regex);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, "{" + m.group(1) + ",}");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The same language as a Java regex (exact bounds): enough for literal and prefix patterns, without automata. */
    public Pattern resourceRegex() {
        String format = resourceFormat();
        Matcher m = VARIABLE.matcher(format);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(format.substring(last, m.start())));
            String id = identifiers.get(m.group(1));
            regex.append('(').append(id == null ? "[^/]+" : id).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(format.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** The language of valid resource components: literals from the format, identifiers from their shapes. */
    public Automaton resourceLanguage() {
        String format = resourceFormat();
        Matcher m = VARIABLE.matcher(format);
        Automaton result = BasicAutomata.makeEmptyString();
        int last = 0;
        while (m.find()) {
            result = result.concatenate(BasicAutomata.makeString(format.substring(last, m.start())));
            String regex = identifiers.get(m.group(1));
            // An identifier without a known shape is any non-empty run of characters other than '/'.
            Automaton id = new RegExp(regex == null ? "[^/]+" : unboundLongRepeats(regex), RegExp.NONE).toAutomaton(false);
            result = result.concatenate(id);
            last = m.end();
        }
        // Neither determinised nor minimised: intersecting and the emptiness test work on the nondeterministic
        // automaton, and a lint intersects a type's language with one or two patterns (mid-wildcard ones, the others
        // take regexes), so determinising cost more start-up time than it saved (CatalogProperties checks the
        // automata against the regexes).
        return result.concatenate(BasicAutomata.makeString(format.substring(last)));
    }
}
