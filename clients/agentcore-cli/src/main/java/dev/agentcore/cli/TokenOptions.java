package dev.agentcore.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a bearer token comes from: a static token, Cognito client credentials, or a Cognito user sign-in. */
final class TokenOptions {

    @Option(names = "--token", defaultValue = "${env:AGENTCORE_BEARER_TOKEN}", paramLabel = "JWT",
            description = "A bearer token to send as is (env AGENTCORE_BEARER_TOKEN). Prefer the environment variable: "
                    + "flags show up in process lists.")
    String token;

    @Option(names = "--cognito-domain", defaultValue = "${env:AGENTCORE_COGNITO_DOMAIN}", paramLabel = "URL",
            description = "User pool domain for client credentials, e.g. https://my-pool.auth.us-east-1.amazoncognito.com "
                    + "(env AGENTCORE_COGNITO_DOMAIN; default: the state file's cognito.domain).")
    String cognitoDomain;

    @Option(names = "--client-id", defaultValue = "${env:AGENTCORE_CLIENT_ID}", paramLabel = "ID",
            description = "Cognito app client id (env AGENTCORE_CLIENT_ID; default: the state file's cognito.clientId).")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "${env:AGENTCORE_CLIENT_SECRET}", paramLabel = "SECRET",
            description = "App client secret: with --cognito-domain it selects the client credentials grant; with "
                    + "--username it is used for SECRET_HASH (env AGENTCORE_CLIENT_SECRET, preferred).")
    String clientSecret;

    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "Scope to ask for, repeatable, e.g. --scope agentcore/invoke (default: the state file's cognito.scopes).")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--username", defaultValue = "${env:AGENTCORE_USERNAME}", paramLabel = "NAME",
            description = "Sign in as this Cognito user with USER_PASSWORD_AUTH (env AGENTCORE_USERNAME).")
    String username;

    @Option(names = "--password", defaultValue = "${env:AGENTCORE_PASSWORD}", paramLabel = "PASSWORD",
            description = "The user's password (env AGENTCORE_PASSWORD, preferred).")
    String password;

    @Option(names = "--refresh-token", defaultValue = "${env:AGENTCORE_REFRESH_TOKEN}", paramLabel = "TOKEN",
            description = "Get tokens with REFRESH_TOKEN_AUTH instead of a password (env AGENTCORE_REFRESH_TOKEN).")
    String refreshToken;

    @Option(names = "--cognito-region", paramLabel = "REGION",
            description = "Region of the user pool for InitiateAuth (default: from the state file's userPoolId, else the runtime's region).")
    String cognitoRegion;

    @Option(names = "--cognito-endpoint-url", paramLabel = "URL", hidden = true,
            description = "Endpoint override for cognito-idp (the SDK also reads AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER).")
    String cognitoEndpointUrl;
}
