package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

import dev.agentcore.client.http.TransportProblem;

/** No response at all: a wrong endpoint or region, nothing listening, or an answer slower than the timeout. */
final class TransportRules {

    private TransportRules() {
    }

    private static boolean problem(Case c, TransportProblem problem) {
        return c.context.failure().transportProblem().filter(p -> p == problem).isPresent();
    }

    private static String origin(Case c) {
        return " (from " + c.target().endpointOrigin().text() + ")";
    }

    private static boolean awsHost(Case c) {
        String host = c.target().dataPlane().getHost();
        return host != null && host.endsWith(".amazonaws.com");
    }

    static final DiagnosisRule LOCAL_NOT_RUNNING = rule("AC110", "The local runtime container is not running")
            .summary("--local calls a container on this machine directly; a refused connection means nothing listens there.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.CONNECTION_REFUSED) && c.target().direct())
            .cause(c -> "The local runtime is not running at " + c.target().dataPlane().getAuthority())
            .next("Start it first (HTTP agents listen on 8080 and serve POST /invocations, MCP servers on 8000 "
                    + "and serve POST /mcp), or fix the --local URL")
            .conclusive()
            .build();

    static final DiagnosisRule NOTHING_LISTENS = rule("AC120", "Nothing listens at the data-plane URL")
            .summary("The connection was refused: an endpoint override that points at a port with no server, or a "
                    + "proxy or firewall that refuses AWS.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.CONNECTION_REFUSED) && !c.target().direct())
            .cause(c -> "Nothing listens at " + c.target().dataPlane().getAuthority() + origin(c))
            .next(c -> awsHost(c) ? "A proxy or firewall refuses the connection; check HTTPS_PROXY and your network"
                    : "Check --endpoint-url and AWS_ENDPOINT_URL_BEDROCK_AGENTCORE (unset both to use "
                            + "https://bedrock-agentcore.<region>.amazonaws.com); for a local runtime, start it "
                            + "first (HTTP agents listen on 8080, MCP servers on 8000)")
            .build();

    static final DiagnosisRule OVERRIDE_FOR_ANOTHER_SERVICE = rule("AC130", "The endpoint override was meant for something else")
            .summary("AWS_ENDPOINT_URL and friends are often set for another service, an emulator or another region.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.CONNECTION_REFUSED) && !c.target().direct() && !awsHost(c))
            .cause("The endpoint override was meant for another service or region")
            .next(c -> "For region " + c.arn().region() + " the data plane is https://bedrock-agentcore."
                    + c.arn().region() + ".amazonaws.com")
            .build();

    static final DiagnosisRule HOST_DOES_NOT_RESOLVE = rule("AC140", "The data-plane host does not resolve")
            .summary("A typo in the URL, or a region in it that does not exist or does not offer AgentCore.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.UNKNOWN_HOST))
            .cause(c -> "The host " + c.target().dataPlane().getHost() + " does not resolve" + origin(c)
                    + (awsHost(c) ? ": the region in the URL may be wrong or not offer AgentCore" : ""))
            .next(c -> c.arn() == null ? "Check the URL"
                    : "Use the runtime's region " + c.arn().region() + " (https://bedrock-agentcore."
                            + c.arn().region() + ".amazonaws.com), and check --endpoint-url")
            .build();

    static final DiagnosisRule NO_NETWORK = rule("AC150", "No DNS or no network")
            .summary("The machine cannot resolve names at all, or needs a proxy to reach the internet.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.UNKNOWN_HOST))
            .cause("No DNS or no network from this machine")
            .next("Check your connection and proxy settings (HTTPS_PROXY)")
            .build();

    static final DiagnosisRule SLOW_FIRST_BYTE = rule("AC160", "The answer did not start within the timeout")
            .summary("An agent that thinks or calls tools before it writes anything needs longer than the client waits.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.TIMEOUT))
            .cause(c -> "No answer within " + c.context.timeout().toSeconds() + "s: the agent may need "
                    + "longer before its first byte (cold start, long tool calls)")
            .next("Raise --timeout, or stream from the agent so the first bytes come early")
            .build();

    static final DiagnosisRule ENDPOINT_DROPS = rule("AC170", "The endpoint drops the connection silently")
            .summary("A wrong address, a VPC endpoint without a route, or a firewall that drops instead of refusing.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.TIMEOUT))
            .cause(c -> "The endpoint " + c.target().dataPlane() + origin(c) + " drops the connection silently "
                    + "(a wrong address, a VPC endpoint or a firewall)")
            .next("Check --endpoint-url and AWS_ENDPOINT_URL_BEDROCK_AGENTCORE; try without them")
            .build();

    static final DiagnosisRule TLS_FAILED = rule("AC180", "The TLS handshake failed")
            .summary("HTTPS spoken to a plain-HTTP server (a local container), or a TLS-inspecting proxy whose CA the "
                    + "JDK does not trust.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.TLS))
            .cause(c -> "The TLS handshake with " + c.target().dataPlane().getHost() + " failed")
            .next("A local runtime speaks plain HTTP (--endpoint-url http://localhost:8080); behind a TLS-inspecting "
                    + "proxy, add its CA to the JDK trust store")
            .build();

    static final DiagnosisRule CONNECTION_BROKE = rule("AC190", "The connection broke")
            .summary("Any other I/O error: the connection was reset or closed before a response came back.")
            .on(Trigger.noResponse())
            .when(c -> problem(c, TransportProblem.IO))
            .cause(c -> "The connection broke: " + c.context.failure().getMessage())
            .next("Retry; run with --debug for the full error")
            .build();
}
