package dev.agentcore.mcp.testing;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;

/**
 * The image a module's Jib configuration builds, read from its {@code pom.xml}: base image, platform, port and user
 * (empty strings for what the configuration does not say).
 */
public record JibImage(String baseImage, String architecture, String os, String port, String user) {

    private static final String JIB =
            "//*[local-name()='plugin'][*[local-name()='artifactId']='jib-maven-plugin']/*[local-name()='configuration']";

    public static JibImage of(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        return new JibImage(
                xpath.evaluate(JIB + "/*[local-name()='from']/*[local-name()='image']", doc),
                xpath.evaluate(JIB + "//*[local-name()='platform']/*[local-name()='architecture']", doc),
                xpath.evaluate(JIB + "//*[local-name()='platform']/*[local-name()='os']", doc),
                xpath.evaluate(JIB + "//*[local-name()='ports']/*[local-name()='port']", doc),
                xpath.evaluate(JIB + "//*[local-name()='user']", doc));
    }
}
