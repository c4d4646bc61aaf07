package dev.agentcore.deploy.stacks;

/** What deploying one stack did. */
public enum StackOutcome {
    CREATED, UPDATED, NO_CHANGES, PLANNED;

    public String describe() {
        return switch (this) {
            case CREATED -> "created";
            case UPDATED -> "updated";
            case NO_CHANGES -> "no changes";
            case PLANNED -> "planned (dry run)";
        };
    }
}
