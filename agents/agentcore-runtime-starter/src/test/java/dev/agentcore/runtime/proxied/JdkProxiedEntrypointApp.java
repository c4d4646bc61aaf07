package dev.agentcore.runtime.proxied;

import dev.agentcore.runtime.AgentCoreEntrypoint;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The entrypoint bean sits behind a JDK dynamic proxy (interface-based AOP, as with
 * {@code spring.aop.proxy-target-class=false}): its bean type is the proxy class, whose methods carry no
 * annotations, so the scanner must look through the proxy to the target class.
 */
@SpringBootApplication
public class JdkProxiedEntrypointApp {

    public interface Greeter {
        String greet(String payload);
    }

    static class AnnotatedGreeter implements Greeter {
        @Override
        @AgentCoreEntrypoint
        public String greet(String payload) {
            return "hello " + payload;
        }
    }

    @Bean
    Greeter greeter() {
        ProxyFactory proxy = new ProxyFactory(new AnnotatedGreeter());
        proxy.addInterface(Greeter.class);
        proxy.setProxyTargetClass(false);
        proxy.addAdvice((MethodInterceptor) call -> "[advised] " + call.proceed());
        return (Greeter) proxy.getProxy();
    }
}
