package dev.agentcore.client.diagnosis;

import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.report.LikelyCause;
import java.util.ArrayList;
import java.util.List;

/** No response at all: a wrong endpoint or region, nothing listening, or an answer slower than the timeout. */
final class TransportRules {

    private TransportRules() {
    }

    static List<LikelyCause> causes(Case c, TransportProblem problem) {
        List<LikelyCause> causes = new ArrayList<>();
        String url = c.target().dataPlane().toString();
        String origin = c.target().endpointOrigin() == null ? "" : " (from " + c.target().endpointOrigin() + ")";
        String host = c.target().dataPlane().getHost();
        boolean aws = host != null && host.endsWith(".amazonaws.com");
        switch (problem) {
            case CONNECTION_REFUSED -> {
                if (c.target().direct()) {
                    causes.add(new LikelyCause("The local runtime is not running at " + c.target().dataPlane().getAuthority(),
                            "Start it first (HTTP agents listen on 8080 and serve POST /invocations, MCP servers on 8000 "
                                    + "and serve POST /mcp), or fix the --local URL"));
                    return causes;
                }
                causes.add(new LikelyCause("Nothing listens at " + c.target().dataPlane().getAuthority() + origin,
                        aws ? "A proxy or firewall refuses the connection; check HTTPS_PROXY and your network"
                                : "Check --endpoint-url and AWS_ENDPOINT_URL_BEDROCK_AGENTCORE (unset both to use "
                                        + "https://bedrock-agentcore.<region>.amazonaws.com); for a local runtime, start it "
                                        + "first (HTTP agents listen on 8080, MCP servers on 8000)"));
                if (!aws && c.arn() != null) {
                    causes.add(new LikelyCause("The endpoint override was meant for another service or region",
                            "For region " + c.arn().region() + " the data plane is https://bedrock-agentcore."
                                    + c.arn().region() + ".amazonaws.com"));
                }
            }
            case UNKNOWN_HOST -> {
                causes.add(new LikelyCause("The host " + host + " does not resolve" + origin
                        + (aws ? ": the region in the URL may be wrong or not offer AgentCore" : ""),
                        c.arn() == null ? "Check the URL"
                                : "Use the runtime's region " + c.arn().region() + " (https://bedrock-agentcore."
                                        + c.arn().region() + ".amazonaws.com), and check --endpoint-url"));
                causes.add(new LikelyCause("No DNS or no network from this machine",
                        "Check your connection and proxy settings (HTTPS_PROXY)"));
            }
            case TIMEOUT -> {
                causes.add(new LikelyCause("No answer within " + c.context.timeout().toSeconds() + "s: the agent may need "
                        + "longer before its first byte (cold start, long tool calls)",
                        "Raise --timeout, or stream from the agent so the first bytes come early"));
                causes.add(new LikelyCause("The endpoint " + url + origin + " drops the connection silently "
                        + "(a wrong address, a VPC endpoint or a firewall)",
                        "Check --endpoint-url and AWS_ENDPOINT_URL_BEDROCK_AGENTCORE; try without them"));
            }
            case TLS -> causes.add(new LikelyCause("The TLS handshake with " + host + " failed",
                    "A local runtime speaks plain HTTP (--endpoint-url http://localhost:8080); behind a TLS-inspecting "
                            + "proxy, add its CA to the JDK trust store"));
            case IO -> causes.add(new LikelyCause("The connection broke: "
                    + c.context.failure().getMessage(), "Retry; run with --debug for the full error"));
        }
        return causes;
    }
}
