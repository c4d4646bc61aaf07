package dev.agentcore.client.runtime;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Which runtime endpoint to call and through which data-plane URL.
 *
 * @param endpointOrigin where {@code dataPlane} came from ("--endpoint-url", an environment variable, or the
 *                       region default), so a connection error can name the setting to fix
 */
public record InvocationTarget(RuntimeArn arn, String qualifier, URI dataPlane, String endpointOrigin) {

    public static final String DEFAULT_QUALIFIER = "DEFAULT";

    public InvocationTarget {
        qualifier = qualifier == null || qualifier.isBlank() ? DEFAULT_QUALIFIER : qualifier.strip();
        if (dataPlane == null) {
            dataPlane = regionalDataPlane(arn.region());
            endpointOrigin = "the default for region " + arn.region();
        }
        String text = dataPlane.toString();
        if (text.endsWith("/")) {
            dataPlane = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public static InvocationTarget of(RuntimeArn arn, String qualifier) {
        return new InvocationTarget(arn, qualifier, null, null);
    }

    public static URI regionalDataPlane(String region) {
        return URI.create("https://bedrock-agentcore." + region + ".amazonaws.com");
    }

    /** The path and query of the invoke call, with the ARN fully URL-encoded. */
    public String invocationPath() {
        return "/runtimes/" + arn.urlEncoded() + "/invocations?qualifier="
                + URLEncoder.encode(qualifier, StandardCharsets.UTF_8);
    }

    public URI invocationUri() {
        return URI.create(dataPlane + invocationPath());
    }

    /** True when the data-plane URL names a different region than the ARN (a common 404 and 403 cause). */
    public boolean regionMismatch() {
        String host = dataPlane.getHost() == null ? "" : dataPlane.getHost();
        return host.endsWith(".amazonaws.com") && !host.contains("." + arn.region() + ".");
    }
}
