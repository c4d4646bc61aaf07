package dev.agentcore.core.iam.evaluation;

import dev.agentcore.core.iam.PolicyDocument;
import dev.agentcore.core.iam.PolicyJson;

/** Short forms for the tests. */
final class Requests {

    static final String ALICE = "arn:aws:iam::111122223333:user/alice";

    private Requests() {
    }

    static PolicyDocument policy(String json) {
        return PolicyJson.read(json);
    }

    static AuthorizationRequest.Builder request(String principal, String action, String resource) {
        return AuthorizationRequest.builder().principal(principal).action(action).resource(resource);
    }

    static PolicyEvaluator identity(String json) {
        return PolicyEvaluator.builder().identityPolicy("policy", policy(json)).build();
    }

    static Outcome outcome(PolicyEvaluator evaluator, AuthorizationRequest.Builder request) {
        return evaluator.evaluate(request.build()).outcome();
    }
}
