package dev.agentcore.runtime.autoconfigure;

import dev.agentcore.runtime.AgentCoreEntrypoint;
import dev.agentcore.runtime.core.AgentCoreApp;
import dev.agentcore.runtime.AgentCorePingHandler;
import dev.agentcore.runtime.AgentCoreWebSocket;
import dev.agentcore.runtime.invocation.EntrypointMethod;
import dev.agentcore.runtime.websocket.WebSocketHandlerMethod;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the {@link AgentCoreEntrypoint}, {@link AgentCorePingHandler} and {@link AgentCoreWebSocket} methods
 * once every singleton exists, and wires them into the endpoints. Two of any kind is a startup error naming
 * both.
 */
final class AnnotatedHandlerScanner implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AnnotatedHandlerScanner.class);

    private record Found(Object bean, Method method) {
        String describe() {
            return AopUtils.getTargetClass(bean).getName() + "#" + method.getName();
        }
    }

    private final ApplicationContext context;

    AnnotatedHandlerScanner(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Found> entrypoints = new ArrayList<>();
        List<Found> pingHandlers = new ArrayList<>();
        List<Found> webSocketHandlers = new ArrayList<>();
        for (String name : context.getBeanNamesForType(Object.class, false, false)) {
            Class<?> type = context.getType(name, false);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            collect(name, type, AgentCoreEntrypoint.class, entrypoints);
            collect(name, type, AgentCorePingHandler.class, pingHandlers);
            collect(name, type, AgentCoreWebSocket.class, webSocketHandlers);
        }
        AgentCoreApp.Builder app = context.getBean(AgentCoreApp.Builder.class);
        // The application's JsonMapper when it has one (spring-boot-jackson), so its modules and settings apply.
        JsonMapper mapper = context.getBeanProvider(JsonMapper.class).getIfAvailable(() -> JsonMapper.builder().build());
        app.jsonMapper(mapper);
        Found entrypoint = single(entrypoints, "@AgentCoreEntrypoint");
        if (entrypoint == null) {
            log.warn("No @AgentCoreEntrypoint method found: POST /invocations will answer 500 \"No entrypoint defined\"");
        } else {
            app.entrypoint(new EntrypointMethod(entrypoint.bean(), entrypoint.method(), mapper));
            log.info("AgentCore entrypoint: {}", entrypoint.describe());
        }
        Found ping = single(pingHandlers, "@AgentCorePingHandler");
        if (ping != null) {
            if (ping.method().getParameterCount() != 0) {
                throw new IllegalStateException("@AgentCorePingHandler " + ping.describe() + " must take no parameters");
            }
            ping.method().setAccessible(true);
            app.ping(() -> call(ping));
            log.info("AgentCore ping handler: {}", ping.describe());
        }
        Found webSocket = single(webSocketHandlers, "@AgentCoreWebSocket");
        if (webSocket != null) {
            app.websocket(new WebSocketHandlerMethod(webSocket.bean(), webSocket.method()));
            log.info("AgentCore WebSocket handler: {}", webSocket.describe());
        }
    }

    private void collect(String beanName, Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation,
            List<Found> into) {
        // MethodIntrospector sees through CGLIB subclasses but not through a JDK dynamic proxy, whose class
        // only has the interfaces' methods: the annotations are on the target's class.
        Class<?> annotatedType = Proxy.isProxyClass(type) ? AopUtils.getTargetClass(context.getBean(beanName)) : type;
        Map<Method, Boolean> methods = MethodIntrospector.selectMethods(annotatedType,
                (MethodIntrospector.MetadataLookup<Boolean>) method ->
                        AnnotatedElementUtils.hasAnnotation(method, annotation) ? Boolean.TRUE : null);
        if (!methods.isEmpty()) {
            Object bean = context.getBean(beanName);
            methods.keySet().forEach(method -> into.add(new Found(bean, AopUtils.selectInvocableMethod(method, bean.getClass()))));
        }
    }

    private static Found single(List<Found> found, String what) {
        if (found.size() > 1) {
            throw new IllegalStateException("Only one " + what + " method is allowed, found " + found.size() + ": "
                    + String.join(", ", found.stream().map(Found::describe).toList()));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static Object call(Found found) {
        try {
            return found.method().invoke(found.bean());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
