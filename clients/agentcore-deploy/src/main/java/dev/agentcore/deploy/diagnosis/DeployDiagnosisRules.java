package dev.agentcore.deploy.diagnosis;

import dev.agentcore.core.runtime.RuntimeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every deploy-time failure the tool recognises, in rank order: the failures real users hit when they put runtimes on
 * AgentCore, each with its cause and next step. Tried in order by {@link #diagnose}; every rule that applies adds a
 * cause. docs/clients/deploy-diagnoses.md is generated from this list and the fixtures in
 * src/test/resources/deploy-diagnoses (one per rule).
 */
public final class DeployDiagnosisRules {

    private static final String AGENTCORE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";
    private static final Pattern URI_IN_MESSAGE = Pattern.compile("uri '?([^'\\s]+?)'?[.:]?(\\s|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_NAME = Pattern.compile("'([^']+)'");

    private DeployDiagnosisRules() {
    }

    public static List<DeployDiagnosisRule> all() {
        return RULES;
    }

    /** Every cause the rules find for {@code failure}, in rank order; empty when none applies. */
    public static DeployDiagnosis diagnose(DeployFailure failure) {
        List<DeployDiagnosis.Cause> causes = new ArrayList<>();
        for (DeployDiagnosisRule rule : RULES) {
            rule.diagnose(failure).ifPresent(causes::add);
        }
        return new DeployDiagnosis(failure, causes);
    }

    private static final List<DeployDiagnosisRule> RULES = List.of(
            DeployDiagnosisRule.of("DP100", "No usable AWS credentials",
                    "the SDK found no credentials, or AWS refused them as unknown or expired",
                    f -> f.errorCode().matches("ExpiredToken|InvalidClientTokenId|UnrecognizedClientException")
                            || f.says("Unable to load credentials") || f.says("ExpiredToken") || f.says("security token included"
                            + " in the request is invalid") || f.says("InvalidClientTokenId"),
                    f -> "the deployer has no valid AWS credentials (none found, unknown, or expired)",
                    f -> "sign in (aws sso login, or export AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY),"
                            + " check with aws sts get-caller-identity, then deploy again; for the local AgentCore use"
                            + " --target local (make deploy-local)"),
            DeployDiagnosisRule.of("DP110", "The execution role cannot pull the image from ECR",
                    "ValidationException `Access denied while validating ECR URI`",
                    f -> f.says("Access denied while validating ECR URI"),
                    f -> "AgentCore pulls the image with the runtime's execution role"
                            + f.roleArn().map(r -> " (" + r + ")").orElse("") + ", and that role may not read"
                            + " the repository" + uri(f).map(u -> " of " + u).orElse(""),
                    f -> "grant the execution role ecr:GetAuthorizationToken (Resource \"*\") and ecr:BatchGetImage and"
                            + " ecr:GetDownloadUrlForLayer on the repository's ARN (the execution-roles template does:"
                            + " check its repository ARN parameter), and make sure no repository policy denies it; then"
                            + " deploy again"),
            DeployDiagnosisRule.of("DP120", "The image is not arm64",
                    "`Architecture incompatible for uri ... Supported architectures: [arm64]`",
                    f -> f.says("Architecture incompatible"),
                    f -> "AgentCore runs only linux/arm64 images, and " + uri(f).orElse("the image")
                            + " was built for another architecture",
                    f -> "build it for linux/arm64: the deploy tool builds with Jib for linux/arm64 (the module's"
                            + " <from><platforms> must list arm64 and its base image must have an arm64 variant); push"
                            + " the new image under a new tag and deploy again"),
            DeployDiagnosisRule.of("DP121", "The image is missing from the local image store",
                    "the local AgentCore's `was not found in the local image store`",
                    f -> f.says("not found in the local image store"),
                    f -> "the local AgentCore looks for images in its own image folder, and the image the deploy copied"
                            + " is not there: the local AgentCore was started with another --image-dir than the deploy's",
                    f -> "restart the local stack with the deploy's image folder: make local-down && make deploy-local"
                            + " (it starts the local AgentCore with --image-dir .agentcore/local/images)"),
            DeployDiagnosisRule.of("DP130", "The runtime name is not allowed",
                    "a runtime name with a hyphen, over 48 characters, or not starting with a letter",
                    f -> f.says("agentRuntimeName") && (f.says("failed to satisfy constraint") || f.says("pattern"))
                            || f.step().startsWith("check runtime names"),
                    f -> "AgentCore runtime names match " + RuntimeName.PATTERN + " (letters, digits and underscores,"
                            + " a letter first, at most 48 characters): " + quoted(f).map(n -> "'" + n + "' "
                            + Optional.ofNullable(RuntimeName.problem(n)).orElse("does not")).orElse("a name does not"),
                    f -> "rename it in runtimes.json (mcp-echo becomes mcp_echo); the templates and IAM grants take"
                            + " the name from there, so nothing else changes"),
            DeployDiagnosisRule.of("DP140", "The runtime name is taken or in its cooldown",
                    "ConflictException `Runtime name '...' already exists or was recently deleted`",
                    f -> f.says("already exists") && (f.errorCode().contains("Conflict") || f.says("Conflict")
                            || f.says("agent")),
                    f -> "a runtime of that name exists in this account and Region (made outside this stack, or by"
                            + " another environment), or was deleted a short while ago: AgentCore keeps a deleted"
                            + " runtime's name unavailable for a while",
                    f -> "if the runtime is yours and unmanaged, delete it (aws bedrock-agentcore-control"
                            + " delete-agent-runtime) and wait for the cooldown; otherwise give this environment other"
                            + " runtime names in runtimes.json; then deploy again"),
            new DeployDiagnosisRule("DP150", "The execution role does not trust AgentCore",
                    "the role's trust policy does not name the service principal " + AGENTCORE_PRINCIPAL,
                    DeployDiagnosisRules::aboutTheRoleTrust,
                    f -> f.trustPolicy().flatMap(TrustPolicy::parse)
                            .filter(t -> !t.principals().contains(AGENTCORE_PRINCIPAL))
                            .map(t -> new DeployDiagnosis.Cause("DP150", "the execution role"
                                    + f.roleArn().map(r -> " " + r).orElse("") + " trusts " + (t.principals().isEmpty()
                                    ? "no service" : String.join(", ", t.principals())) + ", not " + AGENTCORE_PRINCIPAL
                                    + ", so AgentCore cannot assume it",
                                    "set the trust policy's Principal to {\"Service\": \"" + AGENTCORE_PRINCIPAL
                                            + "\"} (Action sts:AssumeRole) in the execution-roles template, deploy it,"
                                            + " then deploy again"))),
            new DeployDiagnosisRule("DP151", "The execution role's trust is scoped to another Region",
                    "the trust policy's `aws:SourceArn` names another Region than the deployment's",
                    DeployDiagnosisRules::aboutTheRoleTrust,
                    f -> f.trustPolicy().flatMap(TrustPolicy::parse)
                            .flatMap(t -> t.sourceArnRegions().stream().filter(r -> !r.equals("*") && !r.equals(f.region()))
                                    .findFirst())
                            .map(region -> new DeployDiagnosis.Cause("DP151", "the execution role"
                                    + f.roleArn().map(r -> " " + r).orElse("") + " lets AgentCore assume it only for"
                                    + " aws:SourceArn in " + region + ", but this deployment is in " + f.region(),
                                    "make the condition's Region ${AWS::Region} (arn:aws:bedrock-agentcore:${AWS::Region}:"
                                            + "${AWS::AccountId}:*) in the execution-roles template, deploy it, then"
                                            + " deploy again"))),
            DeployDiagnosisRule.of("DP155", "The runtime's execution role may not call what its invocation needs",
                    "AccessDeniedException naming the role session AgentCore assumes (`assumed-role/ROLE/BedrockAgentCore-...`),"
                            + " typically on GetWorkloadAccessTokenForJWT",
                    DeployDiagnosisRules::deniedToTheExecutionRole,
                    f -> "the runtime's execution role" + executionRole(f).map(r -> " " + r).orElse("") + " may not call "
                            + action(f).orElse("the AgentCore action") + " on its own resources; every caller of the runtime"
                            + " gets this 403, not only the smoke call",
                    f -> "allow " + action(f).orElse("the action") + " on the resource the message names in the"
                            + " execution role's policy; policy-lint --runtimes .agentcore/state.json infra/templates finds"
                            + " the grant that misses it (often a tutorial's placeholder, workload-identity/agentName-*)"),
            DeployDiagnosisRule.of("DP160", "The deployer may not pass the execution role",
                    "AccessDeniedException naming `iam:PassRole`",
                    f -> f.says("iam:PassRole"),
                    f -> "creating or updating a runtime passes its execution role to AgentCore, and the deployer"
                            + " lacks iam:PassRole" + f.roleArn().map(r -> " on " + r).orElse(" on the role"),
                    f -> "attach the DeployerPolicy (output of access-policies) to the deploying identity, or grant"
                            + " iam:PassRole on the execution roles with the condition iam:PassedToService = "
                            + AGENTCORE_PRINCIPAL + "; then deploy again"),
            DeployDiagnosisRule.of("DP161", "The deployer may not call the AgentCore action",
                    "AccessDeniedException `... is not authorized to perform: bedrock-agentcore:...`",
                    f -> f.says("not authorized to perform: bedrock-agentcore:") && !deniedToTheExecutionRole(f),
                    f -> "the deploying identity is denied " + action(f).orElse("an AgentCore action")
                            + " (no identity policy allows it, or an SCP or permissions boundary denies it)",
                    f -> "attach the DeployerPolicy (output of access-policies) to the deploying identity; the first"
                            + " deployment of an account needs an administrator (it creates that policy); check with"
                            + " aws sts get-caller-identity who deploys"),
            DeployDiagnosisRule.of("DP170", "The stack's creation failed and was rolled back",
                    "stack status ROLLBACK_COMPLETE",
                    f -> f.errorCode().equals("ROLLBACK_COMPLETE"),
                    f -> "the stack's first creation failed and CloudFormation rolled it back; a stack in"
                            + " ROLLBACK_COMPLETE cannot be updated, only deleted",
                    f -> "read the failed resource above, fix it, delete the stack (agentcore-deploy destroy --only "
                            + stackName(f) + ", or aws cloudformation delete-stack --stack-name " + stackName(f)
                            + "), then deploy again"),
            DeployDiagnosisRule.of("DP171", "The stack's update rollback failed",
                    "stack status UPDATE_ROLLBACK_FAILED",
                    f -> f.errorCode().equals("UPDATE_ROLLBACK_FAILED"),
                    f -> "an update failed and so did its rollback (a resource could not return to its old state);"
                            + " CloudFormation refuses every update until the rollback completes",
                    f -> "fix or remove what blocks the resource, then aws cloudformation continue-update-rollback"
                            + " --stack-name " + stackName(f) + " (add --resources-to-skip LOGICAL_ID for one that cannot"
                            + " return), wait for UPDATE_ROLLBACK_COMPLETE, then deploy again"),
            DeployDiagnosisRule.of("DP180", "The runtime is not MMDSv2-enabled",
                    "ValidationException `This runtime is not MMDSv2-enabled`",
                    f -> f.says("not MMDSv2-enabled"),
                    f -> "AgentCore invokes only runtimes whose metadataConfiguration.requireMMDSV2 is true, and this"
                            + " one's is not (a stack update resets what CloudFormation cannot carry)",
                    f -> "deploy again: the tool sets requireMMDSV2 through UpdateAgentRuntime after every deploy of a"
                            + " stack with runtimes (docs/infra.md#mmdsv2)"));

    private static boolean aboutTheRoleTrust(DeployFailure f) {
        return (f.says("assume") || f.says("trust")) && f.says("role");
    }

    private static Optional<String> uri(DeployFailure f) {
        Matcher matcher = URI_IN_MESSAGE.matcher(f.message());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> quoted(DeployFailure f) {
        Matcher matcher = QUOTED_NAME.matcher(f.message());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    // The session AgentCore opens when it assumes a runtime's execution role: assumed-role/ROLE/BedrockAgentCore-...
    private static final Pattern EXECUTION_ROLE_SESSION = Pattern.compile("assumed-role/([\\w+=,.@-]+)/BedrockAgentCore-");

    private static boolean deniedToTheExecutionRole(DeployFailure f) {
        return f.says("not authorized to perform:") && executionRole(f).isPresent();
    }

    private static Optional<String> executionRole(DeployFailure f) {
        Matcher matcher = EXECUTION_ROLE_SESSION.matcher(f.message());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> action(DeployFailure f) {
        Matcher matcher = Pattern.compile("perform: (bedrock-agentcore:\\w+)").matcher(f.message());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String stackName(DeployFailure f) {
        return f.step().startsWith("stack ") ? f.step().substring("stack ".length()) : "STACK";
    }
}
