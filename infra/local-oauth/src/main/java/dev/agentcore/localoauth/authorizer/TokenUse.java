package dev.agentcore.localoauth.authorizer;

/** The {@code token_use} claim of a Cognito token; other issuers' tokens have none. */
public enum TokenUse {
    ACCESS,
    ID,
    NONE;

    static TokenUse of(Object claim) {
        if ("access".equals(claim)) {
            return ACCESS;
        }
        return "id".equals(claim) ? ID : NONE;
    }
}
