package dev.agentcore.runtime.edges;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code TRACE} as the reference does: 405 with the path's own methods on a contract path, 404 elsewhere.
 * Tomcat's refusal listed every method the dispatcher servlet implements, and a dispatched TRACE would fall
 * through to the servlet's echo of the request after the route's answer. Nothing here echoes a request back.
 */
public final class TraceRefusal extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"TRACE".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ContractPath contractPath = ContractPath.of(path).orElse(null);
        if (contractPath != null) {
            response.setHeader("Allow", contractPath.allow());
        }
        int status = contractPath != null ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_NOT_FOUND;
        byte[] body = ErrorEndpoint.reasonPhrase(status).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
