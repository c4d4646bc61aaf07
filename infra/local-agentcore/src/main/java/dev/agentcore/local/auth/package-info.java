/**
 * AWS's front door for the local AgentCore: SigV4, checked as AWS checks it.
 *
 * <p>{@link dev.agentcore.local.auth.SigV4Authenticator} recomputes a request's signature (header or presigned URL)
 * from the secret of the key that signed it and answers AWS's errors when it does not match. The secret comes from a
 * {@link dev.agentcore.local.auth.CredentialsDirectory}.
 *
 * <h2>How the local stack learns secrets</h2>
 * On AWS, IAM and STS issued every key and know its secret; the local AWS (moto) accepts any key and checks no
 * signature, but it too keeps what it issued. So the local stack's directory is two directories, in this order:
 * <ol>
 *   <li>an {@link dev.agentcore.local.auth.InMemoryCredentialsDirectory} holding the static pair the stack is started
 *       with (its {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, {@code local}/{@code local} by default, a
 *       pair moto never issued), with the principal the stack says it is; code that creates a key itself may register
 *       it there too;</li>
 *   <li>a {@link dev.agentcore.local.auth.MotoCredentialsDirectory}: every IAM user's access key
 *       ({@code iam CreateAccessKey}) and every STS session ({@code sts AssumeRole}) moto issued, read from moto's
 *       {@code /moto-api/data.json}, so a key made through the local AWS signs requests at once, as the user it
 *       belongs to, and stops when it is deactivated or deleted.</li>
 * </ol>
 * A key neither knows is an {@code UnrecognizedClientException}, as on AWS. What is not modelled: a session's
 * expiration from moto (moto's endpoint leaves it out, so moto's sessions do not expire here), key rotation grace,
 * SigV4a, and S3's payload rules ({@code UNSIGNED-PAYLOAD}, streaming chunks), which no bedrock-agentcore operation
 * uses.
 */
package dev.agentcore.local.auth;
