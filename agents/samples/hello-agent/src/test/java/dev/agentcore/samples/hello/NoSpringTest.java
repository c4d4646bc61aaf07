package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The agent's class path has no Spring at all (issue 14: the image starts the lean way), tests included: a Spring
 * library pulled in by a dependency would be found here before it costs start-up time in the image.
 */
class NoSpringTest {

    @Test
    void noSpringClassCanBeLoaded() {
        assertThat(Arrays.stream(new String[] {"org.springframework.core.SpringVersion",
                "org.springframework.boot.SpringApplication", "org.springframework.context.ApplicationContext"})
                .filter(NoSpringTest::loadable)).isEmpty();
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, NoSpringTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
