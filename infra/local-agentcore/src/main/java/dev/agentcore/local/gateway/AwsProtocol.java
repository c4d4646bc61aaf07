package dev.agentcore.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.Response;

/**
 * The wire protocols of the services the gateway sees, as their models name them, and how each writes an error: the
 * gateway answers a refusal in the shape the caller's SDK parses for that service.
 */
public enum AwsProtocol {

    /** {@code awsJson1_1} (CloudWatch Logs, ECR): {@code X-Amz-Target: Prefix.Operation}, a JSON body. */
    JSON_1_1,
    /** {@code restJson1} (Bedrock runtime): the operation is the method and path. */
    REST_JSON,
    /** {@code awsQuery} (STS): a form body with {@code Action=Operation}. */
    QUERY;

    /**
     * The status of IAM's AccessDenied for this protocol. awsJson1_1 services' AccessDeniedException carries no
     * status in their models, so it is the protocol's client-error default, 400 (what CloudWatch Logs and ECR answer);
     * restJson1's Bedrock runtime models it as 403; the query services' AccessDenied is 403.
     */
    int accessDeniedStatus() {
        return this == JSON_1_1 ? 400 : 403;
    }

    /** The error type IAM's refusal has in this protocol: {@code AccessDenied} for the query services. */
    String accessDeniedType() {
        return this == QUERY ? "AccessDenied" : "AccessDeniedException";
    }

    /** {@code error} written as a service of this protocol writes it. */
    Response error(AwsError error) {
        return switch (this) {
            case REST_JSON -> Response.error(error);
            case JSON_1_1 -> {
                var body = Response.JSON.createObjectNode();
                body.put("__type", error.type());
                body.put("message", error.message());
                byte[] bytes = Response.JSON.writeValueAsBytes(body);
                yield exchange -> Response.write(exchange, error.status(), "application/x-amz-json-1.1", bytes,
                        Map.of(Response.ERROR_TYPE_HEADER, error.type()));
            }
            case QUERY -> {
                String code = QUERY_CODES.getOrDefault(error.type(), error.type());
                String xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n"
                        + "    <Type>" + (error.status() >= 500 ? "Receiver" : "Sender") + "</Type>\n"
                        + "    <Code>" + escape(code) + "</Code>\n    <Message>" + escape(error.message())
                        + "</Message>\n  </Error>\n  <RequestId>%s</RequestId>\n</ErrorResponse>\n";
                yield exchange -> {
                    String id = exchange.getResponseHeaders().getFirst(Response.REQUEST_ID_HEADER);
                    Response.write(exchange, error.status(), "text/xml",
                            xml.formatted(id == null ? "" : id).getBytes(StandardCharsets.UTF_8), Map.of());
                };
            }
        };
    }

    /**
     * The front door's errors under the names the query services give them (the SigV4 check writes the JSON
     * services' names): STS answers an unknown key InvalidClientTokenId, a wrong signature SignatureDoesNotMatch.
     */
    private static final Map<String, String> QUERY_CODES = Map.of(
            "UnrecognizedClientException", "InvalidClientTokenId",
            "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignatureException", "IncompleteSignature",
            "MissingAuthenticationTokenException", "MissingAuthenticationToken",
            "ExpiredTokenException", "ExpiredToken");

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
