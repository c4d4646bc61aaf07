package dev.agentcore.client.report;

/** The groups rule ids are numbered in: the hundreds digit of {@code AC240} is the area. */
public enum RuleArea {
    GENERAL(0, "Any failure, and calls that were never sent"),
    TRANSPORT(1, "No response: network, DNS, TLS, timeouts"),
    AUTH(2, "401 and 403: authentication and authorization"),
    TOKEN(3, "401 and 403: the bearer token's claims against the runtime's authorizer"),
    NOT_FOUND(4, "404: runtimes, endpoints and sessions that do not exist"),
    RUNTIME(5, "424 and errors inside an answer: the runtime's container and code"),
    LIMITS(6, "402, 409 and 429: quotas, throttling and busy sessions"),
    SERVICE(7, "5xx: AgentCore itself"),
    VALIDATION(8, "400: requests AgentCore refuses as invalid"),
    TOKEN_SOURCE(9, "Getting a token: Cognito's token endpoint and InitiateAuth");

    private final int digit;
    private final String title;

    RuleArea(int digit, String title) {
        this.digit = digit;
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** How the ids of this area begin: {@code AC2} for {@code AC240}. */
    public String idPrefix() {
        return "AC" + digit;
    }

    /** The area an id like {@code AC240} belongs to. */
    public static RuleArea of(String id) {
        if (id == null || !id.matches("AC\\d{3}")) {
            throw new IllegalArgumentException("a diagnosis rule id is AC and three digits, got " + id);
        }
        int digit = id.charAt(2) - '0';
        for (RuleArea area : values()) {
            if (area.digit == digit) {
                return area;
            }
        }
        throw new IllegalArgumentException("no rule area numbered " + digit + "00 (" + id + ")");
    }
}
