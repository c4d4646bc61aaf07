package dev.agentcore.local.gateway;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.agentcore.local.http.PathTemplate;

/**
 * What the gateway knows about one AWS operation: how to recognise it, the IAM action it needs and on which
 * resources, and who answers it. One row of {@link GatewayRules#ALL}.
 *
 * @param id           a stable id ({@code GW-LOGS-PUT-LOG-EVENTS}), cited by the fixture test and the docs
 * @param service      SigV4's signing name of the service
 * @param operation    the operation, as the service model names it
 * @param rest         for a restJson1 operation, its method and path template; empty for awsJson1_1 and awsQuery ones,
 *                     which name themselves ({@code X-Amz-Target}, {@code Action})
 * @param check        the IAM check: the action and how its resources are built, or {@link Check.NeverDenied}
 * @param answeredBy   moto, or the gateway's own local model
 */
public record GatewayRule(String id, String service, String operation, Optional<Rest> rest, Check check,
                          AnsweredBy answeredBy) {

    public GatewayRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(rest, "rest");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(answeredBy, "answeredBy");
    }

    /** A restJson1 operation's request line. */
    public record Rest(String method, PathTemplate path) {
    }

    /** Whether and how IAM is asked. */
    public sealed interface Check {

        /**
         * {@code action} on every resource {@code resources} builds from the call (IAM wants all of them allowed).
         *
         * @param resourceForm the resources as the docs show them ({@code log-group:NAME:log-stream:STREAM})
         * @param context      the condition keys the service sets on such a request (Bedrock's
         *                     {@code bedrock:InferenceProfileArn} for a call through an inference profile)
         */
        record Action(String action, String resourceForm, Function<OperationCall, List<String>> resources,
                      Function<OperationCall, Map<String, List<String>>> context) implements Check {

            public Action(String action, String resourceForm, Function<OperationCall, List<String>> resources) {
                this(action, resourceForm, resources, call -> Map.of());
            }
        }

        /** Never refused by IAM (STS GetCallerIdentity: "No permissions are required", as AWS documents it). */
        record NeverDenied(String why) implements Check {
        }
    }

    /** Who answers once the check passes. */
    public enum AnsweredBy {
        /** The local AWS (moto): the request goes on unchanged and the answer streams back. */
        LOCAL_AWS,
        /** The gateway's own deterministic model (moto serves no Bedrock runtime). */
        LOCAL_MODEL
    }
}
