package dev.agentcore.agent.bedrock;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the AWS SDK clients built in this JVM: the SDK makes one of each global interceptor (listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}) for every client it builds. Does nothing else.
 */
public final class ClientBuildCounter implements ExecutionInterceptor {

    static final AtomicInteger BUILT = new AtomicInteger();

    public ClientBuildCounter() {
        BUILT.incrementAndGet();
    }
}
