package dev.agentcore.client.runtime;

import dev.agentcore.core.arn.RuntimeArn;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runtime endpoint to call and through which URL: the AgentCore data plane, or (direct) a runtime container
 * running locally, which serves the container contract ({@code POST /invocations}, {@code POST /mcp}) itself.
 * Made by {@link #of}, {@link #at} or {@link #direct}.
 */
public final class InvocationTarget {

    public static final String DEFAULT_QUALIFIER = "DEFAULT";

    private final RuntimeArn arn;
    private final String qualifier;
    private final URI dataPlane;
    private final EndpointOrigin endpointOrigin;
    private final boolean direct;

    private InvocationTarget(RuntimeArn arn, String qualifier, URI dataPlane, EndpointOrigin endpointOrigin, boolean direct) {
        this.arn = arn;
        this.qualifier = qualifier == null || qualifier.isBlank() ? DEFAULT_QUALIFIER : qualifier.strip();
        String text = Objects.requireNonNull(dataPlane, "dataPlane").toString();
        this.dataPlane = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : dataPlane;
        this.endpointOrigin = Objects.requireNonNull(endpointOrigin, "endpointOrigin");
        this.direct = direct;
    }

    /** The runtime's endpoint {@code qualifier} (blank means DEFAULT) through its region's data plane. */
    public static InvocationTarget of(RuntimeArn arn, String qualifier) {
        return new InvocationTarget(Objects.requireNonNull(arn, "arn"), qualifier, regionalDataPlane(arn.region()),
                new EndpointOrigin.RegionDefault(arn.region()), false);
    }

    /** The runtime's DEFAULT endpoint through its region's data plane. */
    public static InvocationTarget of(RuntimeArn arn) {
        return of(arn, DEFAULT_QUALIFIER);
    }

    /** The runtime's endpoint through another data-plane URL (an emulator, a proxy, a VPC endpoint). */
    public static InvocationTarget at(RuntimeArn arn, String qualifier, URI dataPlane, EndpointOrigin origin) {
        return new InvocationTarget(Objects.requireNonNull(arn, "arn"), qualifier, dataPlane, origin, false);
    }

    /** A runtime container on this machine, for example {@code http://localhost:8080/invocations}. */
    public static InvocationTarget direct(URI containerUrl, EndpointOrigin origin) {
        return new InvocationTarget(null, DEFAULT_QUALIFIER, containerUrl, origin, true);
    }

    public static URI regionalDataPlane(String region) {
        return URI.create("https://bedrock-agentcore." + region + ".amazonaws.com");
    }

    /** The runtime; null only for a direct target. */
    public RuntimeArn arn() {
        return arn;
    }

    public String qualifier() {
        return qualifier;
    }

    public URI dataPlane() {
        return dataPlane;
    }

    public EndpointOrigin endpointOrigin() {
        return endpointOrigin;
    }

    /** True when {@link #dataPlane()} is the container's own URL, path included. */
    public boolean direct() {
        return direct;
    }

    /** The URL to hand the AWS SDK as its endpoint override; empty for the region's own data plane. */
    public Optional<URI> endpointOverride() {
        return endpointOrigin.isOverride() ? Optional.of(dataPlane) : Optional.empty();
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

    @Override
    public String toString() {
        return describe() + " at " + dataPlane + " (from " + endpointOrigin.text() + ")";
    }
}
