package dev.agentcore.client.report;

import java.util.List;

/**
 * A failure explained: one summary line, the likely causes ranked most likely first (each with its next step),
 * and the details shown with --verbose.
 */
public record Diagnosis(FailureCategory category, String summary, List<LikelyCause> causes, List<Section> details) {

    public Diagnosis {
        causes = List.copyOf(causes);
        details = List.copyOf(details);
    }

    public static Diagnosis of(FailureCategory category, String summary, LikelyCause... causes) {
        return new Diagnosis(category, summary, List.of(causes), List.of());
    }

    public Diagnosis withDetails(List<Section> more) {
        List<Section> all = new java.util.ArrayList<>(details);
        all.addAll(more);
        return new Diagnosis(category, summary, causes, all);
    }
}
