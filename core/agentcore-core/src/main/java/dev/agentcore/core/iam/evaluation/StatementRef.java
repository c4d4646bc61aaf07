package dev.agentcore.core.iam.evaluation;

/**
 * Which statement: the policy's name (as the caller registered it), its type, and the statement's {@code Sid} when it
 * has one, else its zero-based position in the policy's {@code Statement} list.
 */
public record StatementRef(String policyName, PolicyType policyType, String sid, int index) {

    public StatementRef {
        if (policyName == null || policyType == null) {
            throw new IllegalArgumentException("policyName and policyType are required");
        }
        sid = sid == null || sid.isEmpty() ? null : sid;
    }

    /** {@code runtime/WorkloadAccessTokenOwnIdentity}, or {@code runtime/#3} for a statement without a Sid. */
    public String label() {
        return policyName + "/" + (sid != null ? sid : "#" + index);
    }

    @Override
    public String toString() {
        return label();
    }
}
