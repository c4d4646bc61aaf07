package dev.agentcore.mcp.echo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The echo server on a random loopback port, with its production configuration plus a recorder of the
 * {@code Mcp-Session-Id} headers that reach it. Every test class carrying this shares one running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Import(SessionHeaderRecorder.class)
@interface EchoServerTest {
}
