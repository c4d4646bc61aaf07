package dev.agentcore.mcp.echo;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Records, per request that reached the server, the {@code Mcp-Session-Id} it carried and the status it got. */
@TestConfiguration(proxyBeanMethods = false)
class SessionHeaderRecorder {

    record Seen(String method, String sessionId, int status) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    List<Seen> seen() {
        return seen;
    }

    @Bean
    FilterRegistrationBean<HttpFilter> sessionHeaderRecordingFilter() {
        FilterRegistrationBean<HttpFilter> registration = new FilterRegistrationBean<>(new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                chain.doFilter(request, response);
                seen.add(new Seen(request.getMethod(), request.getHeader("Mcp-Session-Id"), response.getStatus()));
            }
        });
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE - 1);
        return registration;
    }
}
