package dev.agentcore.local.hosting;

import java.time.Duration;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.runner.AwsCredentials;

/**
 * The credentials a session gets for its runtime's execution role (AgentCore assumes the role and hands the microVM
 * the session's temporary credentials). With a local AWS, {@link StsExecutionRoleCredentials} assumes the role through
 * its STS, so what the agent calls through the AWS gateway is checked against the role's own policies. Without one,
 * every role gets the local stack's static pair ({@link #LOCAL_STACK}), and nothing checks the role's grants on what
 * the agent calls.
 */
@FunctionalInterface
public interface ExecutionRoleCredentials {

    /** {@code local} / {@code local}: what the local stack's scripts and CloudFormation extension use. */
    ExecutionRoleCredentials LOCAL_STACK = request -> AwsCredentials.of("local", "local", null);

    /**
     * What one session needs credentials for.
     *
     * @param roleArn  the version's execution role
     * @param runtime  the runtime ({@code aws:SourceArn} of the service's AssumeRole)
     * @param session  the runtime session (the role session is named after it)
     * @param lifetime how long the session may live at most (its maxLifetime): the credentials last that long
     */
    record Request(String roleArn, RuntimeArn runtime, SessionId session, Duration lifetime) {
    }

    /**
     * The session's credentials.
     *
     * @throws ExecutionRoleRefusedException when the role cannot be assumed by the service (its trust policy)
     */
    AwsCredentials forSession(Request request) throws ExecutionRoleRefusedException;
}
