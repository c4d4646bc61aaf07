package dev.agentcore.runtime.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter's defaults against requests no AgentCore client sends (issue 12). */
@SpringBootTest(classes = FeaturesAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestsTest {

    @LocalServerPort
    int port;

    /** AgentCore refuses a payload over 100,000,000 bytes; the starter accepted up to 104,857,600. */
    @Test
    void aBodyOverAgentCoresOwnPayloadLimitIs413BeforeItIsRead() throws Exception {
        String answer = exchange("POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000001\r\nConnection: close\r\n\r\n{");

        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"Request too large\"", "the limit is 100000000")
                .doesNotContain("<no end");
    }

    @Test
    void aMalformedRequestGetsJsonNotTomcatsHtmlPage() throws Exception {
        String badHeader = exchange("GET /ping HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n");
        String badUri = exchange("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(badHeader).startsWith("HTTP/1.1 400").contains("application/json", "{\"error\":\"Bad Request\"")
                .doesNotContainIgnoringCase("<html").doesNotContain("Tomcat", "<no end");
        // An undecodable escape is just a path no route has, as Starlette answers it (Tomcat answered 400 in HTML).
        assertThat(badUri).startsWith("HTTP/1.1 404").endsWith("\r\n\r\nNot Found")
                .doesNotContainIgnoringCase("<html").doesNotContain("Tomcat", "<no end");
    }

    /** A TRACE fell through to the servlet's echo after the route's 405, and the connection broke. */
    @Test
    void traceIsRefusedWithThePathsOwnMethodsEchoesNothingAndKeepsTheConnection() throws Exception {
        String answers = exchange("TRACE /invocations HTTP/1.1\r\nHost: localhost\r\nX-Secret: s3cr3t\r\n\r\n"
                + "TRACE /nope HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answers).startsWith("HTTP/1.1 405").contains("Allow: POST\r\n", "HTTP/1.1 404", "Healthy")
                .doesNotContain("s3cr3t", "message/http", "<no end");
    }

    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            try {
                for (int b; (b = in.read()) != -1; ) {
                    answer.append((char) b);
                }
            } catch (java.net.SocketTimeoutException e) {
                answer.append("<no end: ").append(e.getMessage()).append('>');
            }
            return answer.toString();
        }
    }
}
