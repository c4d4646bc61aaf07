package dev.agentcore.client.report;

/** A failure that carries its diagnosis; {@link #getMessage()} is the one-line summary. */
public class DiagnosedException extends Exception {

    private final transient Diagnosis diagnosis;

    public DiagnosedException(Diagnosis diagnosis, Throwable cause) {
        super(diagnosis.summary(), cause);
        this.diagnosis = diagnosis;
    }

    public DiagnosedException(Diagnosis diagnosis) {
        this(diagnosis, null);
    }

    public Diagnosis diagnosis() {
        return diagnosis;
    }
}
