package dev.agentcore.mcp.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * AgentCore runs arm64 containers that serve MCP on port 8000. Building the image needs the base image's registry,
 * which this machine cannot reach, so this checks the Jib configuration it is built from (README: the commands).
 */
class ImageConfigurationTest {

    @Test
    void jibBuildsAnArm64TemurinImageServingPort8000() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String jib = "//*[local-name()='plugin'][*[local-name()='artifactId']='jib-maven-plugin']/*[local-name()='configuration']";

        assertThat(xpath.evaluate(jib + "/*[local-name()='from']/*[local-name()='image']", pom)).isEqualTo("eclipse-temurin:21-jre");
        assertThat(xpath.evaluate(jib + "//*[local-name()='platform']/*[local-name()='architecture']", pom)).isEqualTo("arm64");
        assertThat(xpath.evaluate(jib + "//*[local-name()='platform']/*[local-name()='os']", pom)).isEqualTo("linux");
        assertThat(xpath.evaluate(jib + "//*[local-name()='ports']/*[local-name()='port']", pom)).isEqualTo("8000");
        assertThat(xpath.evaluate(jib + "//*[local-name()='user']", pom)).isEqualTo("1000");
    }
}
