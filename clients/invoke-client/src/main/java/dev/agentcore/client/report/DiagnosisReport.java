package dev.agentcore.client.report;

import java.util.List;

/**
 * Renders a diagnosis for a terminal. The short form is the summary and the ranked causes with their next
 * steps, each cause led by the id of the rule that found it (docs/clients/diagnoses.md explains every rule); the
 * verbose form adds the request, the response, the token's claims and what was looked up.
 */
public final class DiagnosisReport {

    private DiagnosisReport() {
    }

    public static String render(Diagnosis diagnosis, boolean verbose) {
        StringBuilder out = new StringBuilder();
        out.append("error: ").append(diagnosis.summary()).append('\n');
        List<LikelyCause> causes = diagnosis.causes();
        if (!causes.isEmpty()) {
            out.append(causes.size() == 1 ? "Likely cause:\n" : "Likely causes, most likely first:\n");
            for (int i = 0; i < causes.size(); i++) {
                LikelyCause cause = causes.get(i);
                out.append("  ").append(i + 1).append(". ")
                        .append("[").append(cause.ruleId()).append("] ")
                        .append(cause.cause()).append('\n');
                out.append("     next: ").append(cause.nextStep()).append('\n');
            }
        }
        if (verbose) {
            for (Section section : diagnosis.details()) {
                out.append('\n').append(section.title()).append(":\n");
                section.lines().forEach(line -> out.append("  ").append(line).append('\n'));
            }
        } else if (!diagnosis.details().isEmpty()) {
            out.append("(run again with --verbose to see the request, the response and the token's claims)\n");
        }
        return out.toString();
    }
}
