package dev.agentcore.local.control.wire;

import java.util.List;

/** The bedrock-agentcore-control model's constraints for the shapes the runtime operations take (botocore 1.44.8). */
final class Shapes {

    private Shapes() {
    }

    static final String RUNTIME_NAME = "[a-zA-Z][a-zA-Z0-9_]{0,47}";
    static final String RUNTIME_ID = "[a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}";
    static final String ENDPOINT_NAME = "[a-zA-Z][a-zA-Z0-9_]{0,47}";
    static final String VERSION = "([1-9][0-9]{0,4})";
    static final String CONTAINER_URI = "(([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?|public\\.ecr\\.aws)"
            + "/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([^:@]{1,300}))?(?:@(.+))?";
    static final String ROLE_ARN = "arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+";
    static final String CLIENT_TOKEN = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}";
    static final String SECURITY_GROUP = "sg-[0-9a-zA-Z]{8,17}";
    static final String SUBNET = "subnet-[0-9a-zA-Z]{8,17}";
    static final String DISCOVERY_URL = "[^\\s?#]+/\\.well-known/(openid-configuration|oauth-authorization-server)(/[^\\s?#]+)?";
    static final String SCOPE = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+";
    static final String CLAIM_NAME = "[A-Za-z0-9_.-:]+";
    static final String MATCH_VALUE = "[A-Za-z0-9_.-]+";
    static final String HEADER_NAME = "[A-Za-z][A-Za-z0-9_-]{0,255}";
    static final String SERVER_PATH = "/[A-Za-z0-9\\-._~/%]*";
    static final String TAG_KEY = "[a-zA-Z0-9\\s._:/=+@-]*";
    static final String TAG_VALUE = "[a-zA-Z0-9\\s._:/=+@-]*";
    static final String NEXT_TOKEN = "\\S*";
    static final String PLATFORM_VERSION = "[^\\s]+";

    static final List<String> NETWORK_MODES = List.of("PUBLIC", "VPC");
    static final List<String> SERVER_PROTOCOLS = List.of("MCP", "HTTP", "A2A", "AGUI");
    static final List<String> CLAIM_VALUE_TYPES = List.of("STRING", "STRING_ARRAY");
    static final List<String> CLAIM_OPERATORS = List.of("EQUALS", "CONTAINS", "CONTAINS_ANY");
    static final List<String> MANAGED_RUNTIMES =
            List.of("PYTHON_3_10", "PYTHON_3_11", "PYTHON_3_12", "PYTHON_3_13", "PYTHON_3_14", "NODE_22");

    /** {@code idleRuntimeSessionTimeout} and {@code maxLifetime}, seconds. */
    static final long LIFETIME_MIN = 60;
    static final long LIFETIME_MAX = 1_209_600;
}
