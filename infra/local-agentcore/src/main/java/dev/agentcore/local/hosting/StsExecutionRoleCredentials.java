package dev.agentcore.local.hosting;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.iam.PolicyJson;
import dev.agentcore.core.iam.evaluation.AuthorizationRequest;
import dev.agentcore.core.iam.evaluation.Caller;
import dev.agentcore.core.iam.evaluation.Decision;
import dev.agentcore.core.iam.evaluation.PolicyEvaluator;
import dev.agentcore.local.data.DataPlaneService;
import dev.agentcore.local.runner.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The execution role's temporary credentials from the local AWS's STS, as AgentCore gets them: {@code AssumeRole} on
 * the role, in the role session {@code BedrockAgentCore-<session id>} (the name the data plane's checks use), lasting
 * the session's maximum lifetime so that they never expire under a running session (AgentCore's longest, 8 hours, is
 * within STS's 12), hence no refresh.
 *
 * <p>moto assumes any role for anyone, so the service's own point of view is checked here first: the role's trust
 * policy (from IAM) must let {@value #SERVICE_PRINCIPAL} perform {@code sts:AssumeRole}, with {@code aws:SourceAccount}
 * the account and {@code aws:SourceArn} the runtime, as the developer guide's trust policy conditions them, decided by
 * the core's evaluator.
 */
public final class StsExecutionRoleCredentials implements ExecutionRoleCredentials {

    public static final String SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";
    /** STS's bounds for DurationSeconds: 15 minutes to 12 hours. */
    static final Duration MIN_DURATION = Duration.ofMinutes(15);
    static final Duration MAX_DURATION = Duration.ofHours(12);

    private final StsClient sts;
    private final IamClient iam;

    public StsExecutionRoleCredentials(StsClient sts, IamClient iam) {
        this.sts = Objects.requireNonNull(sts, "sts");
        this.iam = Objects.requireNonNull(iam, "iam");
    }

    @Override
    public AwsCredentials forSession(Request request) throws ExecutionRoleRefusedException {
        checkTrust(request);
        long seconds = Math.clamp(request.lifetime().toSeconds(), MIN_DURATION.toSeconds(), MAX_DURATION.toSeconds());
        Credentials c = sts.assumeRole(r -> r.roleArn(request.roleArn())
                        .roleSessionName(DataPlaneService.roleSessionName(request.session()))
                        .durationSeconds((int) seconds))
                .credentials();
        return AwsCredentials.of(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    private void checkTrust(Request request) throws ExecutionRoleRefusedException {
        PrincipalArn role = PrincipalArn.parse(request.roleArn()).filter(p -> p.kind() == PrincipalArn.Kind.ROLE)
                .orElseThrow(() -> new ExecutionRoleRefusedException("'" + request.roleArn()
                        + "' is not an IAM role ARN"));
        Optional<String> document;
        try {
            // IAM returns the trust policy URL-encoded, as it returns every policy document.
            document = Optional.ofNullable(iam.getRole(r -> r.roleName(role.name())).role().assumeRolePolicyDocument())
                    .map(text -> URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (NoSuchEntityException e) {
            throw new ExecutionRoleRefusedException("The execution role " + request.roleArn()
                    + " does not exist in IAM");
        }
        PolicyEvaluator evaluator = PolicyEvaluator.builder()
                .trustPolicy(role.name() + " trust policy", PolicyJson.read(document.orElse(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[]}")))
                .build();
        AuthorizationRequest assume = AuthorizationRequest.builder().caller(Caller.service(SERVICE_PRINCIPAL))
                .action("sts:AssumeRole").resource(request.roleArn())
                .context("aws:SourceAccount", request.runtime().accountId())
                .context("aws:SourceArn", request.runtime().toString())
                .build();
        Decision decision = evaluator.evaluate(assume);
        if (!decision.allowed()) {
            throw new ExecutionRoleRefusedException("The trust policy of the execution role " + request.roleArn()
                    + " does not allow " + SERVICE_PRINCIPAL + " to assume it (" + decision.accessDeniedMessage(assume)
                    + ")");
        }
    }
}
