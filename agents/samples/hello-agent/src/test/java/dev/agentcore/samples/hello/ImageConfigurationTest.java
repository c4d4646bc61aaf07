package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import dev.agentcore.testing.RepositoryFiles;

/**
 * AgentCore runs arm64 containers only and expects port 8080 on all interfaces. Building the image needs
 * a registry for the base image, which this machine cannot reach, so this checks the Jib configuration
 * the image is built from (the README has the build command).
 */
class ImageConfigurationTest {

    @Test
    void everySampleAgentBuildsAnArm64ImageThatServesPort8080OnAllInterfaces() throws Exception {
        Path samples = RepositoryFiles.root().resolve("agents/samples");
        // Every sample that packages an application; a library such as fitness-formulas is not deployed.
        try (Stream<Path> poms = Files.list(samples).map(dir -> dir.resolve("pom.xml")).filter(Files::exists)
                .filter(ImageConfigurationTest::packagesAnApplication)) {
            List<Path> all = poms.toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(2);
            for (Path pom : all) {
                checkJib(pom);
            }
        }
    }

    private static boolean packagesAnApplication(Path pom) {
        try {
            return Files.readString(pom).contains("<artifactId>spring-boot-maven-plugin</artifactId>");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void checkJib(Path file) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String jib = "//*[local-name()='plugin'][*[local-name()='artifactId']='jib-maven-plugin']/*[local-name()='configuration']";

        assertThat(xpath.evaluate(jib + "//*[local-name()='platform']/*[local-name()='architecture']", pom)).as(file.toString()).isEqualTo("arm64");
        assertThat(xpath.evaluate(jib + "//*[local-name()='platform']/*[local-name()='os']", pom)).isEqualTo("linux");
        assertThat(xpath.evaluate(jib + "/*[local-name()='from']/*[local-name()='image']", pom)).matches("eclipse-temurin:2[1-9]-jre");
        assertThat(xpath.evaluate(jib + "//*[local-name()='ports']/*[local-name()='port']", pom)).isEqualTo("8080");
        assertThat(xpath.evaluate(jib + "//*[local-name()='environment']/*[local-name()='DOCKER_CONTAINER']", pom)).isEqualTo("1");
        assertThat(xpath.evaluate(jib + "//*[local-name()='environment']/*[local-name()='SERVER_ADDRESS']", pom)).isEqualTo("0.0.0.0");
    }
}
