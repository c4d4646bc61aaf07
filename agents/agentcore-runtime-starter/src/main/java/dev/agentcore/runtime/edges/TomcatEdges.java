package dev.agentcore.runtime.edges;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Tomcat's own answers made the application's: its error report is JSON ({@link JsonErrorReportValve}), and
 * {@code TRACE} reaches the application, where {@link TraceRefusal} answers it, instead of Tomcat's refusal, which
 * listed every method the dispatcher servlet implements.
 */
public final class TomcatEdges implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new JsonErrorReportValve());
                // So that the host does not add its default one when it starts.
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own Tomcat customizer, which adds an HTML error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
