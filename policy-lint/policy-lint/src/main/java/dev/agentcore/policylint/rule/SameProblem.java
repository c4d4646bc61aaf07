package dev.agentcore.policylint.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.agentcore.policylint.source.Region;

/**
 * Findings of different rules on overlapping characters of one file are one problem seen several ways (a
 * {@code <<account_id>>} is a placeholder and, as a consequence, no 12-digit account): they become one finding, the
 * cause, with the others as related. The cause is the most severe, then the first in {@link #CAUSE_FIRST}: an
 * unsubstituted variable or a placeholder explains a malformed ARN, a grant that matches no runtime, a hard-coded
 * account, not the other way round.
 */
public final class SameProblem {

    private static final List<String> CAUSE_FIRST = List.of(
            UnsubstitutedVariable.INFO.id(), PlaceholderResource.INFO.id(), DeadRuntimeGrant.INFO.id(),
            MalformedArn.INFO.id(), HardcodedAccountId.INFO.id());

    /** Severity, then cause first, then rule id. A class: Comparator.comparing's lambdas are spun at each start. */
    private static final Comparator<Finding> CAUSE = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int c = Integer.compare(a.severity().ordinal(), b.severity().ordinal());
            if (c == 0) {
                c = Integer.compare(causeRank(a), causeRank(b));
            }
            return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
        }

        private static int causeRank(Finding f) {
            int at = CAUSE_FIRST.indexOf(f.ruleId());
            return at >= 0 ? at : CAUSE_FIRST.size();
        }
    };

    private SameProblem() {
    }

    /** {@code sorted} by file and start; the result keeps that order. */
    public static List<Finding> merge(List<Finding> sorted) {
        List<Finding> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            List<Finding> group = new ArrayList<>(List.of(sorted.get(i)));
            Region span = sorted.get(i).region();
            int j = i + 1;
            while (j < sorted.size() && overlaps(span, sorted.get(j).region())) {
                group.add(sorted.get(j));
                span = span.end().compareTo(sorted.get(j).region().end()) >= 0 ? span
                        : new Region(span.file(), span.start(), sorted.get(j).region().end());
                j++;
            }
            out.addAll(oneFinding(group));
            i = j;
        }
        return out;
    }

    /** The cause with the other rules' findings as related; a second finding of the cause's own rule stays apart. */
    private static List<Finding> oneFinding(List<Finding> group) {
        if (group.size() == 1) {
            return group;
        }
        Finding cause = group.getFirst();
        for (Finding f : group) {
            if (CAUSE.compare(f, cause) < 0) {
                cause = f;
            }
        }
        List<Finding> out = new ArrayList<>();
        List<Finding.Related> related = new ArrayList<>();
        for (Finding f : group) {
            if (f == cause) {
                continue;
            }
            if (f.ruleId().equals(cause.ruleId())) {
                out.add(f); // two placeholders in one ARN are two problems
            } else {
                related.add(new Finding.Related(f.ruleId(), f.region(), f.message(), f.fix()));
                related.addAll(f.related());
            }
        }
        out.addFirst(cause.withRelated(related));
        return out;
    }

    private static boolean overlaps(Region a, Region b) {
        return a.file().path().equals(b.file().path())
                && b.start().compareTo(a.end()) < 0 && a.start().compareTo(b.end()) < 0;
    }
}
