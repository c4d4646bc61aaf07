/**
 * AgentCore Identity's data-plane operations for the local AgentCore: GetWorkloadAccessToken, ...ForJWT, ...ForUserId,
 * GetResourceApiKey and GetResourceOauth2Token, as the bedrock-agentcore model defines them (restJson1, SigV4, the
 * caller's identity policies decided by the core's evaluator).
 *
 * <p>Mounted like the data plane, on the same port:
 * <pre>{@code
 * LocalAgentCore.start(LocalAgentCoreConfig.builder()
 *         .credentials(credentials)                     // the keys whose signatures the front door verifies
 *         .service(IdentityService.builder()
 *                 .iam(iamDirectory)                    // callers' policies (the data plane's IamDirectory)
 *                 .accessKeys(credentials::principalOf) // access key -> principal, from the same directory
 *                 .credentialProviders(new CredentialProviders()
 *                         .apiKey("openai", key)
 *                         .oauth2ClientCredentials("github", tokenEndpoint, clientId, clientSecret))
 *                 .build())
 *         .build());
 * }</pre>
 * Its routes all start with {@code /identities/}, which no other part serves.
 */
package dev.agentcore.local.identity;
