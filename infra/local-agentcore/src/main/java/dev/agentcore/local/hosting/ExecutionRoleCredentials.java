package dev.agentcore.local.hosting;

import dev.agentcore.local.runner.AwsCredentials;

/**
 * The credentials a session gets for its runtime's execution role (AgentCore hands the microVM the role's temporary
 * credentials). Locally, for now, every role gets the local stack's static test credentials
 * ({@link #LOCAL_STACK}), which the local AWS (moto) accepts for any call: the role's grants are not enforced on what
 * the agent calls. Assuming the role through the local STS is the next step.
 */
@FunctionalInterface
public interface ExecutionRoleCredentials {

    /** {@code local} / {@code local}: what the local stack's scripts and CloudFormation extension use. */
    ExecutionRoleCredentials LOCAL_STACK = roleArn -> AwsCredentials.of("local", "local", null);

    AwsCredentials forRole(String roleArn);
}
