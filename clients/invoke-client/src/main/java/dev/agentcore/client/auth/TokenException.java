package dev.agentcore.client.auth;

import dev.agentcore.client.report.DiagnosedException;
import dev.agentcore.client.report.Diagnosis;

/** No token could be obtained; the diagnosis says why and what to do. */
public final class TokenException extends DiagnosedException {

    public TokenException(Diagnosis diagnosis, Throwable cause) {
        super(diagnosis, cause);
    }

    public TokenException(Diagnosis diagnosis) {
        super(diagnosis);
    }
}
