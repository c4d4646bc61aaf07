package dev.agentcore.core.iam.evaluation;

import java.util.ArrayList;
import java.util.List;

/** What one evaluation found, statement by statement. Lists are created on first use: most requests fill one. */
final class Trace {

    private StatementRef current;
    private List<StatementRef> denies;
    private List<StatementRef> allows;
    private boolean identityAllows;
    private boolean boundaryAllows;
    private GrantKind resourceGrant;
    private List<CompiledStatement.Miss> nearMisses;
    private List<EvaluationNote> notes;

    void enter(StatementRef statement) {
        current = statement;
    }

    void deny(StatementRef statement) {
        denies = add(denies, statement);
    }

    void allow(StatementRef statement, GrantKind grant) {
        allows = add(allows, statement);
        switch (statement.policyType()) {
            case IDENTITY -> identityAllows = true;
            case PERMISSIONS_BOUNDARY -> boundaryAllows = true;
            case RESOURCE -> {
                if (resourceGrant == null || grant.compareTo(resourceGrant) > 0) {
                    resourceGrant = grant;
                }
            }
        }
    }

    void nearMiss(CompiledStatement.Miss miss) {
        nearMisses = add(nearMisses, miss);
    }

    void unresolved(String variable) {
        note(EvaluationNote.Kind.UNRESOLVED_VARIABLE, "${" + variable
                + "} has no value in the request and no default: the values using it match nothing");
    }

    void unsupported() {
        note(EvaluationNote.Kind.UNSUPPORTED_OPERATOR, "a condition operator IAM does not have: the statement never applies");
    }

    private void note(EvaluationNote.Kind kind, String detail) {
        if (current == null) {
            return;
        }
        EvaluationNote note = new EvaluationNote(current, kind, detail);
        if (notes == null || !notes.contains(note)) {
            notes = add(notes, note);
        }
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> l = list == null ? new ArrayList<>(2) : list;
        l.add(item);
        return l;
    }

    List<StatementRef> denies() {
        return denies == null ? List.of() : denies;
    }

    List<StatementRef> allows() {
        return allows == null ? List.of() : allows;
    }

    boolean identityAllows() {
        return identityAllows;
    }

    boolean boundaryAllows() {
        return boundaryAllows;
    }

    /** The strongest grant an applicable resource-based Allow gave, or null. */
    GrantKind resourceGrant() {
        return resourceGrant;
    }

    /** The near misses, worded for {@code caller}. */
    List<NearMiss> nearMisses(Caller caller) {
        if (nearMisses == null) {
            return List.of();
        }
        List<NearMiss> worded = new ArrayList<>(nearMisses.size());
        nearMisses.forEach(m -> worded.add(m.toNearMiss(caller)));
        return worded;
    }

    List<EvaluationNote> notes() {
        return notes == null ? List.of() : notes;
    }
}
