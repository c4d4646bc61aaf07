/**
 * AgentCore Identity's data-plane operations for the local AgentCore: GetWorkloadAccessToken, ...ForJWT, ...ForUserId,
 * GetResourceApiKey and GetResourceOauth2Token, as the bedrock-agentcore model defines them (restJson1, SigV4, the
 * caller's identity policies decided by the core's evaluator).
 *
 * <p>Mounted like the data plane, on the same port:
 * <pre>{@code
 * LocalAgentCore.start(LocalAgentCoreConfig.builder()
 *         .service(IdentityService.builder()
 *                 .iam(iamDirectory)                    // callers' policies (the data plane's IamDirectory)
 *                 .accessKeys(accessKeys)               // access key -> principal (its AccessKeyDirectory)
 *                 .credentialProviders(new CredentialProviders()
 *                         .apiKey("openai", key)
 *                         .oauth2ClientCredentials("github", tokenEndpoint, clientId, clientSecret))
 *                 .build())
 *         .build());
 * }</pre>
 * Its routes all start with {@code /identities/}, which no other part serves.
 */
package dev.agentcore.local.identity;
