package dev.agentcore.mcp.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The image a module's Jib configuration builds, read from its {@code pom.xml}: base image, platform, port, user
 * and environment (empty for what the configuration does not say).
 */
public record JibImage(String baseImage, String architecture, String os, String port, String user,
        Map<String, String> environment) {

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
                xpath.evaluate(JIB + "//*[local-name()='user']", doc),
                environment((NodeList) xpath.evaluate(JIB + "//*[local-name()='environment']/*", doc,
                        XPathConstants.NODESET)));
    }

    private static Map<String, String> environment(NodeList variables) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < variables.getLength(); i++) {
            Node variable = variables.item(i);
            environment.put(variable.getLocalName() != null ? variable.getLocalName() : variable.getNodeName(),
                    variable.getTextContent().trim());
        }
        return Map.copyOf(environment);
    }
}
