package dev.agentcore.runtime.health;

import dev.agentcore.runtime.AgentCoreAsyncTask;
import dev.agentcore.runtime.core.AgentCoreTasks;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Proxies beans with {@link AgentCoreAsyncTask} methods so each call opens a task in
 * {@link AgentCoreTasks} and closes it when the method returns, throws, or, for a
 * {@code CompletionStage}, when the stage completes.
 */
public final class AsyncTaskBeanPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<AgentCoreTasks> tasks;

    public AsyncTaskBeanPostProcessor(ObjectProvider<AgentCoreTasks> tasks) {
        this.tasks = tasks;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        if (!hasTrackedMethod(type)) {
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(AgentCoreAsyncTask.class), tracking()));
        return factory.getProxy(type.getClassLoader());
    }

    private MethodInterceptor tracking() {
        return invocation -> {
            Method method = invocation.getMethod();
            AgentCoreAsyncTask annotation = AnnotatedElementUtils.findMergedAnnotation(method, AgentCoreAsyncTask.class);
            String name = annotation == null || annotation.value().isEmpty() ? method.getName() : annotation.value();
            AgentCoreTasks registry = tasks.getObject();
            long id = registry.add(name);
            boolean completesLater = false;
            try {
                Object result = invocation.proceed();
                if (result instanceof CompletionStage<?> stage) {
                    completesLater = true;
                    stage.whenComplete((value, error) -> registry.complete(id));
                }
                return result;
            } finally {
                if (!completesLater) {
                    registry.complete(id);
                }
            }
        };
    }

    private static boolean hasTrackedMethod(Class<?> type) {
        boolean[] found = {false};
        ReflectionUtils.doWithMethods(type, method -> found[0] = true,
                method -> AnnotatedElementUtils.hasAnnotation(method, AgentCoreAsyncTask.class));
        return found[0];
    }
}
