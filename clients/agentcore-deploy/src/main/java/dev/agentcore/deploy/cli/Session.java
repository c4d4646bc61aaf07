package dev.agentcore.deploy.cli;

import dev.agentcore.deploy.aws.AwsClients;
import dev.agentcore.deploy.diagnosis.DeployDiagnosis;
import dev.agentcore.deploy.diagnosis.DeployDiagnostician;
import dev.agentcore.deploy.diagnosis.DeployFailure;
import dev.agentcore.deploy.output.Console;
import dev.agentcore.deploy.runtimes.Runtimes;
import dev.agentcore.deploy.stacks.StackDeployer;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** What a command works with: the workspace, its SDK clients, the console and the diagnostician. */
public final class Session implements AutoCloseable {

    private final Workspace workspace;
    private final AwsClients clients;
    private final Console console;
    private final DeployDiagnostician diagnostician;
    private final java.time.Duration poll;

    public Session(Workspace workspace, Console console, java.time.Duration poll) {
        this.workspace = workspace;
        this.clients = new AwsClients(workspace.target());
        this.console = console;
        this.poll = poll;
        this.diagnostician = new DeployDiagnostician(role -> dev.agentcore.core.arn.PrincipalArn.parse(role)
                .flatMap(dev.agentcore.core.arn.PrincipalArn::roleName)
                .map(name -> clients.iam().getRole(r -> r.roleName(name)).role().assumeRolePolicyDocument()));
    }

    public Workspace workspace() {
        return workspace;
    }

    public AwsClients clients() {
        return clients;
    }

    public Console console() {
        return console;
    }

    public StackDeployer stacks() {
        return new StackDeployer(clients, console, poll, diagnostician);
    }

    public Runtimes runtimes() {
        return new Runtimes(clients.control(), console, poll);
    }

    /** The deployer as STS names it; no credentials or refused ones stop the command with the diagnosis. */
    public GetCallerIdentityResponse identity() {
        try {
            return clients.sts().getCallerIdentity();
        } catch (SdkClientException | AwsServiceException e) {
            throw diagnosed(e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    ? aws.awsErrorDetails().errorCode() : "", "sts get-caller-identity", e, ExitCode.CREDENTIALS);
        }
    }

    /** An SDK failure of {@code step}, diagnosed. */
    public DeployException diagnosed(String code, String step, Exception e, ExitCode exit) {
        String message = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().errorMessage() : e.getMessage();
        DeployDiagnosis diagnosis = diagnostician.diagnose(DeployFailure.of(step, code, message,
                workspace.target().region().id()));
        return new DeployException(exit, diagnosis.render().stripTrailing());
    }

    /** Smoke calls for this target; JWT runtimes get a token for the pool's machine client (its secret from Cognito). */
    public dev.agentcore.deploy.runtimes.SmokeCalls smokeCalls() {
        return new dev.agentcore.deploy.runtimes.SmokeCalls(workspace.target(), cognito -> {
            try {
                return Optional.ofNullable(clients.cognito().describeUserPoolClient(r -> r
                        .userPoolId(cognito.userPoolId()).clientId(cognito.clientId())).userPoolClient().clientSecret());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }, java.time.Duration.ofSeconds(60));
    }

    public DeployDiagnostician diagnostician() {
        return diagnostician;
    }

    @Override
    public void close() {
        clients.close();
    }
}
