package dev.agentcore.client.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.function.Predicate;
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

    /**
     * Classifies an exception from java.net.http or the AWS SDK by its causes; the specific ones (DNS, timeout)
     * win over the generic ConnectException that java.net.http wraps them in.
     */
    public static TransportProblem of(Throwable error) {
        if (anyCause(error, t -> t instanceof UnknownHostException || t instanceof UnresolvedAddressException)) {
            return UNKNOWN_HOST;
        }
        if (anyCause(error, t -> t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException
                || t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout"))) {
            return TIMEOUT;
        }
        if (anyCause(error, t -> t instanceof SSLException)) {
            return TLS;
        }
        if (anyCause(error, t -> t instanceof ConnectException || t instanceof NoRouteToHostException
                || (t.getMessage() != null && t.getMessage().contains("Connection refused")))) {
            return CONNECTION_REFUSED;
        }
        return IO;
    }

    private static boolean anyCause(Throwable error, Predicate<Throwable> test) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
