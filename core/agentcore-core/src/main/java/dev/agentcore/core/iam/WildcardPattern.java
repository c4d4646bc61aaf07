package dev.agentcore.core.iam;

import java.util.Arrays;

/**
 * An IAM wildcard pattern in which a {@code *} or {@code ?} can also stand for itself: the policy variables
 * {@code ${*}} and {@code ${?}}, and values substituted for variables, are literal text, never wildcards.
 * {@code *} matches any run of characters (colons and slashes included), {@code ?} exactly one character.
 * The one IAM wildcard matcher: {@link Glob} (where every {@code *} and {@code ?} is a wildcard) matches through it.
 */
public final class WildcardPattern {

    private final String text;
    /** {@code wild[i]} when {@code text.charAt(i)} is a wildcard; null when the pattern has none. */
    private final boolean[] wild;

    private WildcardPattern(String text, boolean[] wild) {
        this.text = text;
        this.wild = wild;
    }

    /** Every {@code *} and {@code ?} of {@code text} is a wildcard. */
    public static WildcardPattern glob(String text) {
        Builder b = new Builder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c, c == '*' || c == '?');
        }
        return b.build();
    }

    public static WildcardPattern literal(String text) {
        return new WildcardPattern(text, null);
    }

    public String text() {
        return text;
    }

    public boolean hasWildcard() {
        return wild != null;
    }

    /** True when the last character is a {@code *} wildcard. */
    public boolean endsWithStar() {
        int last = text.length() - 1;
        return last >= 0 && isWild(last) && text.charAt(last) == '*';
    }

    public boolean matches(String s, boolean ignoreCase) {
        return matches(s, 0, s.length(), ignoreCase);
    }

    /** Linear matching with backtracking to the last star, over {@code s[from, to)}. */
    public boolean matches(String s, int from, int to, boolean ignoreCase) {
        if (wild == null) {
            return to - from == text.length() && s.regionMatches(ignoreCase, from, text, 0, text.length());
        }
        return match(text, wild, s, from, to, ignoreCase);
    }

    /**
     * Does {@code pattern} match {@code s[from, to)}? {@code wild[i]} says whether {@code pattern.charAt(i)} is a
     * wildcard; with {@code wild} null, every {@code *} and {@code ?} is one (a plain glob, nothing allocated).
     */
    static boolean match(String pattern, boolean[] wild, String s, int from, int to, boolean ignoreCase) {
        int n = pattern.length();
        int p = 0;
        int t = from;
        int star = -1;
        int mark = 0;
        while (t < to) {
            if (p < n && isWild(pattern, wild, p) && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < n && (isWild(pattern, wild, p) || same(pattern.charAt(p), s.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < n && isWild(pattern, wild, p) && pattern.charAt(p) == '*') {
            p++;
        }
        return p == n;
    }

    private static boolean isWild(String pattern, boolean[] wild, int i) {
        if (wild == null) {
            char c = pattern.charAt(i);
            return c == '*' || c == '?';
        }
        return wild[i];
    }

    private boolean isWild(int i) {
        return wild != null && wild[i];
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Builds a pattern character by character, each one a wildcard or literal. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private boolean[] wild = new boolean[16];
        private boolean anyWild;

        public Builder append(char c, boolean wildcard) {
            int i = text.length();
            if (i == wild.length) {
                wild = Arrays.copyOf(wild, i * 2);
            }
            text.append(c);
            wild[i] = wildcard;
            anyWild |= wildcard;
            return this;
        }

        public Builder appendLiteral(String s) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i), false);
            }
            return this;
        }

        public Builder append(WildcardPattern p) {
            for (int i = 0; i < p.text.length(); i++) {
                append(p.text.charAt(i), p.isWild(i));
            }
            return this;
        }

        public WildcardPattern build() {
            String t = text.toString();
            return new WildcardPattern(t, anyWild ? Arrays.copyOf(wild, t.length()) : null);
        }
    }
}
