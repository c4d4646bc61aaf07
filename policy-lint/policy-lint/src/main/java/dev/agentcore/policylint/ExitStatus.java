package dev.agentcore.policylint;

/** How a lint ends, as the command's exit code: 0 no failing findings, 1 failing findings, 2 usage or input errors. */
public enum ExitStatus {
    /** No finding at or above the fail-on severity. */
    OK(0),
    /** At least one finding at or above the fail-on severity. */
    FINDINGS(1),
    /** Something could not be read or understood (an option, the configuration, a runtimes file, an input, a template). */
    INPUT_ERROR(2);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
