package dev.agentcore.core.iam;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;

/**
 * An IAM wildcard pattern: {@code *} matches any run of characters (also none), {@code ?} exactly one character,
 * everything else itself.
 */
public record Glob(String pattern) {

    public Glob {
        if (pattern == null) {
            throw new IllegalArgumentException("pattern is null");
        }
    }

    public boolean hasWildcard() {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /** Linear-time match with the usual backtrack-to-last-star strategy ({@link WildcardPattern}). */
    public boolean matches(String text) {
        return matches(text, false);
    }

    public boolean matchesIgnoreCase(String text) {
        return matches(text, true);
    }

    private boolean matches(String text, boolean ignoreCase) {
        return WildcardPattern.match(pattern, null, text, 0, text.length(), ignoreCase);
    }

    /** The language of this pattern as an automaton, for intersecting with identifier formats. */
    public Automaton automaton() {
        Automaton result = BasicAutomata.makeEmptyString();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                result = result.concatenate(BasicAutomata.makeString(literal.toString()));
                literal.setLength(0);
                result = result.concatenate(c == '*' ? BasicAutomata.makeAnyString() : BasicAutomata.makeAnyChar());
            } else {
                literal.append(c);
            }
        }
        // Not minimised: intersection and emptiness work as well on the raw automaton, and minimising costs more
        // than the intersection itself.
        return result.concatenate(BasicAutomata.makeString(literal.toString()));
    }
}
