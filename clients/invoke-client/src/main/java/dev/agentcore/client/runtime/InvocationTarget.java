package dev.agentcore.client.runtime;

import java.net.URI;

import dev.agentcore.core.arn.RuntimeArn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Which runtime endpoint to call and through which URL: the AgentCore data plane, or (direct) a runtime container
 * running locally, which serves the container contract ({@code POST /invocations}, {@code POST /mcp}) itself.
 *
 * @param arn            the runtime; null only for a direct target
 * @param endpointOrigin where {@code dataPlane} came from ("--endpoint-url", an environment variable, or the
 *                       region default), so a connection error can name the setting to fix
 * @param direct         true when {@code dataPlane} is the container's own URL, path included
 */
public record InvocationTarget(RuntimeArn arn, String qualifier, URI dataPlane, String endpointOrigin, boolean direct) {

    public static final String DEFAULT_QUALIFIER = "DEFAULT";

    public InvocationTarget {
        qualifier = qualifier == null || qualifier.isBlank() ? DEFAULT_QUALIFIER : qualifier.strip();
        if (!direct && arn == null) {
            throw new IllegalArgumentException("a runtime ARN is needed to call the AgentCore data plane");
        }
        if (dataPlane == null && arn != null) {
            dataPlane = regionalDataPlane(arn.region());
            endpointOrigin = "the default for region " + arn.region();
        }
        String text = dataPlane.toString();
        if (text.endsWith("/")) {
            dataPlane = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public InvocationTarget(RuntimeArn arn, String qualifier, URI dataPlane, String endpointOrigin) {
        this(arn, qualifier, dataPlane, endpointOrigin, false);
    }

    public static InvocationTarget of(RuntimeArn arn, String qualifier) {
        return new InvocationTarget(arn, qualifier, null, null, false);
    }

    /** A runtime container on this machine, for example {@code http://localhost:8080/invocations}. */
    public static InvocationTarget direct(URI containerUrl, String origin) {
        return new InvocationTarget(null, null, containerUrl, origin, true);
    }

    public static URI regionalDataPlane(String region) {
        return URI.create("https://bedrock-agentcore." + region + ".amazonaws.com");
    }

    /** The path and query of the invoke call, with the ARN fully URL-encoded. */
    public String invocationPath() {
        if (direct) {
            return dataPlane.getRawPath();
        }
        return "/runtimes/" + arn.urlEncoded() + "/invocations?qualifier="
                + URLEncoder.encode(qualifier, StandardCharsets.UTF_8);
    }

    public URI invocationUri() {
        return direct ? dataPlane : URI.create(dataPlane + invocationPath());
    }

    /** The URL without path: the base the MCP transport resolves {@link #invocationPath()} against. */
    public URI baseUri() {
        return URI.create(dataPlane.getScheme() + "://" + dataPlane.getRawAuthority());
    }

    /** How reports name the target: the runtime id and endpoint, or the container URL. */
    public String describe() {
        return direct ? "local runtime " + dataPlane : "runtime " + arn.runtimeId() + " (endpoint " + qualifier + ")";
    }

    /** True when the data-plane URL names a different region than the ARN (a common 404 and 403 cause). */
    public boolean regionMismatch() {
        if (direct) {
            return false;
        }
        String host = dataPlane.getHost() == null ? "" : dataPlane.getHost();
        return host.endsWith(".amazonaws.com") && !host.contains("." + arn.region() + ".");
    }
}
