package dev.agentcore.core.iam.evaluation;

/** The kind of policy a statement came from; it decides the statement's part in the evaluation and the wording AWS uses. */
public enum PolicyType {
    IDENTITY("identity-based policy"),
    /** A policy attached to the resource, a role trust policy included. */
    RESOURCE("resource-based policy"),
    PERMISSIONS_BOUNDARY("permissions boundary");

    private final String wording;

    PolicyType(String wording) {
        this.wording = wording;
    }

    /** How AWS names this kind in an AccessDenied message ("because no identity-based policy allows ..."). */
    public String wording() {
        return wording;
    }
}
