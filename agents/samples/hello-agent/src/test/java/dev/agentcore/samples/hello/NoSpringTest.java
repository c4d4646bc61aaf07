package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.testing.ClassPaths;
import org.junit.jupiter.api.Test;

/**
 * The agent's class path has no Spring at all (issue 14: the image starts the lean way), tests included: a Spring
 * library pulled in by a dependency would be found here before it costs start-up time in the image.
 */
class NoSpringTest {

    @Test
    void noSpringClassCanBeLoaded() {
        assertThat(ClassPaths.loadable(ClassPaths.SPRING)).isEmpty();
    }
}
