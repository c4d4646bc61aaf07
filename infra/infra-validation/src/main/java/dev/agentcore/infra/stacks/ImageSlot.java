package dev.agentcore.infra.stacks;

/**
 * Where one runtime's image enters a deployment: the deploy tool builds the runtime's module with Jib, pushes the
 * image to the ECR repository that {@code repositoryStack} outputs as {@code repositoryUriOutput}, and deploys
 * {@code tagStack} with the pushed tag as the parameter {@code tagParameter}.
 */
public record ImageSlot(
        RuntimeSpec runtime,
        String repositoryStack,
        String repositoryUriOutput,
        String tagStack,
        String tagParameter) {
}
