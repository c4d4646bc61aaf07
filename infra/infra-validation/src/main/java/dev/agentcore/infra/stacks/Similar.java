package dev.agentcore.infra.stacks;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean ...?" for misspelt parameter names. */
final class Similar {

    private Similar() {
    }

    static String suggestion(String name, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> distance(name.toLowerCase(), candidate.toLowerCase()) <= Math.max(2, name.length() / 4))
                .min(Comparator.comparingInt(candidate -> distance(name.toLowerCase(), candidate.toLowerCase())))
                .map(candidate -> " (did you mean " + candidate + "?)")
                .orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
