package dev.agentcore.client.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** Why no HTTP response came back at all. */
public enum TransportProblem {
    TIMEOUT("timed out"),
    CONNECTION_REFUSED("connection refused"),
    UNKNOWN_HOST("unknown host"),
    TLS("TLS handshake failed"),
    IO("I/O error");

    private final String text;

    TransportProblem(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Classifies an exception from java.net.http or the AWS SDK by walking its causes. */
    public static TransportProblem of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return TIMEOUT;
            }
            if (t instanceof UnknownHostException) {
                return UNKNOWN_HOST;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || (t.getMessage() != null && t.getMessage().contains("Connection refused"))) {
                return CONNECTION_REFUSED;
            }
            if (t instanceof SSLException) {
                return TLS;
            }
        }
        return IO;
    }
}
