package dev.agentcore.core.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** String distance, used to suggest what a misspelt action, parameter or resource name probably meant. */
public final class Similarity {

    private Similarity() {
    }

    /** Levenshtein distance (insert, delete, substitute each cost 1). */
    public static int editDistance(String a, String b) {
        return editDistanceAtMost(a, b, Integer.MAX_VALUE);
    }

    /**
     * The Levenshtein distance when it is at most {@code max}; else some number above {@code max}, found without
     * finishing the table (a row's minimum never decreases, so once it exceeds {@code max} so does the distance).
     */
    public static int editDistanceAtMost(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The candidate closest to {@code name} ignoring case, when it is close enough to be a likely misspelling: at most
     * a quarter of the name's length apart (and never less than two edits allowed).
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, name.length() / 4);
        return candidates.stream()
                .filter(c -> editDistance(lower, c.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt((String c) -> editDistance(lower, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }
}
