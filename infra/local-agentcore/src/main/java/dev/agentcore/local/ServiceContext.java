package dev.agentcore.local;

import java.io.PrintStream;
import java.time.InstantSource;

import dev.agentcore.local.auth.SigV4Authenticator;
import dev.agentcore.local.control.RuntimeRegistry;

/**
 * What a part of the local AgentCore gets when it adds its routes: where it runs, the runtimes the control plane
 * keeps, the SigV4 check for {@code bedrock-agentcore}, the clock and the log.
 */
public record ServiceContext(String region, String accountId, RuntimeRegistry runtimes, SigV4Authenticator sigV4,
                             InstantSource clock, PrintStream log) {
}
