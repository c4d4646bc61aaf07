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
 * the image is built from (the README has the build command): a JDK 25 base (the AOT cache needs 24 or newer), and a
 * plain main class, the same one {@code java -jar} starts.
 */
class ImageConfigurationTest {

    @Test
    void everySampleAgentBuildsAnArm64ImageThatServesPort8080OnAllInterfaces() throws Exception {
        Path samples = RepositoryFiles.root().resolve("agents/samples");
        // Every sample that builds an image; a library such as fitness-formulas is not deployed.
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
            return Files.readString(pom).contains("<artifactId>jib-maven-plugin</artifactId>");
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
        assertThat(xpath.evaluate(jib + "/*[local-name()='from']/*[local-name()='image']", pom)).isEqualTo("eclipse-temurin:25-jre");
        String mainClass = xpath.evaluate(jib + "/*[local-name()='container']/*[local-name()='mainClass']", pom);
        assertThat(mainClass).as(file + ": the image's main class").isNotBlank()
                .isEqualTo(xpath.evaluate("//*[local-name()='plugin'][*[local-name()='artifactId']='maven-jar-plugin']"
                        + "//*[local-name()='manifest']/*[local-name()='mainClass']", pom));
        assertThat(file.getParent().resolve("src/main/java/" + mainClass.replace('.', '/') + ".java")).isRegularFile();
        assertThat(xpath.evaluate(jib + "/*[local-name()='containerizingMode']", pom)).isEqualTo("packaged");
        assertThat(xpath.evaluate(jib + "//*[local-name()='ports']/*[local-name()='port']", pom)).isEqualTo("8080");
        assertThat(xpath.evaluate(jib + "//*[local-name()='environment']/*[local-name()='DOCKER_CONTAINER']", pom)).isEqualTo("1");
        assertThat(xpath.evaluate(jib + "//*[local-name()='environment']/*[local-name()='SERVER_ADDRESS']", pom)).isEqualTo("0.0.0.0");
    }
}
