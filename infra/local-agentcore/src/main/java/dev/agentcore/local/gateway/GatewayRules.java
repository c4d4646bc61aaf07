package dev.agentcore.local.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.agentcore.local.gateway.GatewayRule.AnsweredBy;
import dev.agentcore.local.gateway.GatewayRule.Check;
import dev.agentcore.local.http.PathTemplate;

/**
 * The gateway's knowledge, as data: for each operation it checks, the IAM action and the resources, as the Service
 * Authorization Reference defines them for CloudWatch Logs, ECR, STS and Bedrock. {@code GatewayRulesTest} holds a
 * fixture call per rule, and the table in infra/local-agentcore/README.md is {@link #markdownTable()}.
 */
public final class GatewayRules {

    /** Geographic prefixes of Bedrock's system-defined (cross-Region) inference profiles. */
    static final Set<String> PROFILE_PREFIXES = Set.of("us", "eu", "apac", "us-gov", "jp", "au", "ca", "global");

    private static final String MODEL_RESOURCE_FORM = "arn:aws:bedrock:REGION::foundation-model/ID; for an inference"
            + " profile id (us., eu., apac., global., ...) arn:aws:bedrock:REGION:ACCOUNT:inference-profile/ID and the"
            + " foundation model it routes to (region-less for global.); an ARN as given";

    public static final List<GatewayRule> ALL = List.of(
            json("GW-LOGS-CREATE-LOG-GROUP", "logs", "CreateLogGroup", "logs:CreateLogGroup",
                    "arn:aws:logs:REGION:ACCOUNT:log-group:NAME",
                    call -> List.of(logGroup(call, call.member("logGroupName").orElse("")))),
            json("GW-LOGS-CREATE-LOG-STREAM", "logs", "CreateLogStream", "logs:CreateLogStream",
                    "arn:aws:logs:REGION:ACCOUNT:log-group:NAME:log-stream:STREAM", GatewayRules::logStream),
            json("GW-LOGS-PUT-LOG-EVENTS", "logs", "PutLogEvents", "logs:PutLogEvents",
                    "arn:aws:logs:REGION:ACCOUNT:log-group:NAME:log-stream:STREAM", GatewayRules::logStream),
            json("GW-LOGS-DESCRIBE-LOG-STREAMS", "logs", "DescribeLogStreams", "logs:DescribeLogStreams",
                    "arn:aws:logs:REGION:ACCOUNT:log-group:NAME (logGroupName, or the group of logGroupIdentifier)",
                    call -> List.of(logGroup(call, call.member("logGroupName")
                            .or(() -> call.member("logGroupIdentifier").map(GatewayRules::groupNameOf)).orElse("")))),
            json("GW-LOGS-DESCRIBE-LOG-GROUPS", "logs", "DescribeLogGroups", "logs:DescribeLogGroups",
                    "arn:aws:logs:REGION:ACCOUNT:log-group:*", call -> List.of(logGroup(call, "*"))),
            json("GW-ECR-GET-AUTHORIZATION-TOKEN", "ecr", "GetAuthorizationToken", "ecr:GetAuthorizationToken", "*",
                    call -> List.of("*")),
            json("GW-ECR-BATCH-GET-IMAGE", "ecr", "BatchGetImage", "ecr:BatchGetImage",
                    "arn:aws:ecr:REGION:REGISTRY:repository/NAME (registryId, else the account)",
                    GatewayRules::repository),
            json("GW-ECR-GET-DOWNLOAD-URL-FOR-LAYER", "ecr", "GetDownloadUrlForLayer", "ecr:GetDownloadUrlForLayer",
                    "arn:aws:ecr:REGION:REGISTRY:repository/NAME (registryId, else the account)",
                    GatewayRules::repository),
            new GatewayRule("GW-STS-GET-CALLER-IDENTITY", "sts", "GetCallerIdentity", Optional.empty(),
                    new Check.NeverDenied("no permissions are required: AWS answers it even when an explicit Deny"
                            + " names sts:GetCallerIdentity"), AnsweredBy.LOCAL_AWS),
            rest("GW-BEDROCK-CONVERSE", "bedrock", "Converse", "POST", "/model/{modelId}/converse",
                    "bedrock:InvokeModel"),
            rest("GW-BEDROCK-CONVERSE-STREAM", "bedrock", "ConverseStream", "POST", "/model/{modelId}/converse-stream",
                    "bedrock:InvokeModelWithResponseStream"));

    private GatewayRules() {
    }

    /** The rule for an awsJson1_1 or awsQuery operation of {@code service}. */
    public static Optional<GatewayRule> named(String service, String operation) {
        return ALL.stream().filter(r -> r.rest().isEmpty() && r.service().equals(service)
                && r.operation().equals(operation)).findFirst();
    }

    /** The restJson1 rule of {@code service} whose method and path match, with the path's labels. */
    public static Optional<RestMatch> rest(String service, String method, String rawPath) {
        for (GatewayRule rule : ALL) {
            if (rule.rest().isPresent() && rule.service().equals(service)
                    && rule.rest().get().method().equals(method)) {
                var labels = rule.rest().get().path().match(rawPath);
                if (labels.isPresent()) {
                    return Optional.of(new RestMatch(rule, labels.get()));
                }
            }
        }
        return Optional.empty();
    }

    public record RestMatch(GatewayRule rule, Map<String, String> labels) {
    }

    /** The rules as the README's table. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| id | service | operation | IAM action | resource | answered by |\n"
                + "|---|---|---|---|---|---|\n");
        for (GatewayRule rule : ALL) {
            String action = switch (rule.check()) {
                case Check.Action a -> "`" + a.action() + "`";
                case Check.NeverDenied n -> "none (never denied)";
            };
            String resource = switch (rule.check()) {
                case Check.Action a -> a.resourceForm();
                case Check.NeverDenied n -> n.why();
            };
            String operation = rule.rest().map(r -> rule.operation() + " (`" + r.method() + " " + r.path() + "`)")
                    .orElse(rule.operation());
            out.append("| ").append(rule.id()).append(" | ").append(rule.service()).append(" | ").append(operation)
                    .append(" | ").append(action).append(" | ").append(resource).append(" | ")
                    .append(rule.answeredBy() == AnsweredBy.LOCAL_AWS ? "moto" : "the local model").append(" |\n");
        }
        return out.toString();
    }

    /**
     * The resources Bedrock authorizes a model call on. A foundation model id is the model's ARN in the region; a
     * system-defined inference profile (a geographic prefix) is the profile's ARN and the foundation model it routes
     * to (locally the service's own region; a global profile's destination ARN has no region, as AWS's global
     * cross-Region inference policies write it); an ARN (application inference profile, provisioned model, ...) is
     * itself.
     */
    static List<String> modelResources(OperationCall call) {
        String modelId = call.label("modelId");
        if (modelId.startsWith("arn:")) {
            return List.of(modelId);
        }
        int dot = modelId.indexOf('.');
        String prefix = dot > 0 ? modelId.substring(0, dot).toLowerCase(Locale.ROOT) : "";
        if (PROFILE_PREFIXES.contains(prefix) && modelId.indexOf('.', dot + 1) > 0) {
            String model = modelId.substring(dot + 1);
            String destinationRegion = prefix.equals("global") ? "" : call.region();
            return List.of("arn:aws:bedrock:" + call.region() + ":" + call.accountId() + ":inference-profile/" + modelId,
                    "arn:aws:bedrock:" + destinationRegion + "::foundation-model/" + model);
        }
        return List.of("arn:aws:bedrock:" + call.region() + "::foundation-model/" + modelId);
    }

    /**
     * Bedrock sets {@code bedrock:InferenceProfileArn} on a call through an inference profile, so a foundation-model
     * grant conditioned on the profile (the pattern AWS's cross-Region inference guide gives) allows it.
     */
    static Map<String, List<String>> modelContext(OperationCall call) {
        List<String> resources = modelResources(call);
        return resources.size() == 2 && resources.getFirst().contains(":inference-profile/")
                ? Map.of("bedrock:InferenceProfileArn", List.of(resources.getFirst())) : Map.of();
    }

    private static GatewayRule json(String id, String service, String operation, String action, String resourceForm,
                                    java.util.function.Function<OperationCall, List<String>> resources) {
        return new GatewayRule(id, service, operation, Optional.empty(),
                new Check.Action(action, resourceForm, resources), AnsweredBy.LOCAL_AWS);
    }

    private static GatewayRule rest(String id, String service, String operation, String method, String path,
                                    String action) {
        return new GatewayRule(id, service, operation,
                Optional.of(new GatewayRule.Rest(method, PathTemplate.of(path))),
                new Check.Action(action, MODEL_RESOURCE_FORM, GatewayRules::modelResources, GatewayRules::modelContext),
                AnsweredBy.LOCAL_MODEL);
    }

    private static String logGroup(OperationCall call, String name) {
        return "arn:aws:logs:" + call.region() + ":" + call.accountId() + ":log-group:" + name;
    }

    private static List<String> logStream(OperationCall call) {
        return List.of(logGroup(call, call.member("logGroupName").orElse("")) + ":log-stream:"
                + call.member("logStreamName").orElse(""));
    }

    /** The group name in a log group ARN ({@code arn:aws:logs:R:A:log-group:NAME[:*]}), or the name itself. */
    private static String groupNameOf(String identifier) {
        int at = identifier.indexOf(":log-group:");
        if (at < 0) {
            return identifier;
        }
        String name = identifier.substring(at + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    private static List<String> repository(OperationCall call) {
        String registry = call.member("registryId").orElse(call.accountId());
        return List.of("arn:aws:ecr:" + call.region() + ":" + registry + ":repository/"
                + call.member("repositoryName").orElse(""));
    }

    /** Ids are unique and say what they are; checked at class load so a bad row fails every test at once. */
    static {
        List<String> ids = new ArrayList<>();
        for (GatewayRule rule : ALL) {
            if (!rule.id().matches("GW-[A-Z0-9-]+") || ids.contains(rule.id())) {
                throw new IllegalStateException("gateway rule id " + rule.id() + " is malformed or repeated");
            }
            ids.add(rule.id());
        }
    }
}
