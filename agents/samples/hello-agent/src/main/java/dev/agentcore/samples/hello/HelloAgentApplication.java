package dev.agentcore.samples.hello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The hello agent: {@code POST /invocations {"prompt": "..."}} streams the model's answer. */
@SpringBootApplication
public class HelloAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(HelloAgentApplication.class, args);
    }
}
