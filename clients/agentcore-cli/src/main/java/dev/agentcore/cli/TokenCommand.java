package dev.agentcore.cli;

import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.TokenClaims;
import dev.agentcore.core.state.StateFile;
import dev.agentcore.core.state.StateFileException;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Get a token the way `agent` and `mcp` would, and show its claims (never the whole token).",
        footer = {"%nExamples:",
                "  # client credentials (domain and client id from the state file)",
                "  AGENTCORE_CLIENT_SECRET=... agentcore-invoke token --scope agentcore/invoke",
                "  # user sign-in",
                "  AGENTCORE_PASSWORD=... agentcore-invoke token --username alice",
                "  # decode a token you already have",
                "  AGENTCORE_BEARER_TOKEN=\"$JWT\" agentcore-invoke token",
                "", ExitCode.HELP})
final class TokenCommand extends OutputCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    TokenOptions tokens;

    @Option(names = "--state-file", paramLabel = "FILE", defaultValue = "${env:AGENTCORE_STATE_FILE}",
            description = "Deployment state file (env AGENTCORE_STATE_FILE; default .agentcore/state.json, searched upward).")
    String stateFile;

    TokenCommand(Environment env) {
        super(env);
    }

    @Override
    public Integer call() throws Exception {
        Optional<StateFile> state = Optional.ofNullable(stateFile).filter(p -> !p.isBlank())
                .map(p -> env.workingDirectory().resolve(p)).or(() -> StateFile.locate(env.workingDirectory()))
                .map(path -> {
                    try {
                        return StateFile.read(path);
                    } catch (StateFileException e) {
                        throw new UsageException(e.getMessage());
                    }
                });
        try (TokenSources sources = new TokenSources(tokens, option -> spec.commandLine().getParseResult()
                .hasMatchedOption(option), env, state)) {
            BearerToken token = sources.resolve(state.map(StateFile::region).orElse(null), Duration.ofSeconds(30),
                    "getting a token").token();
            env.out().println("token:      " + token.redacted() + " from " + token.origin());
            Optional<TokenClaims> claims = token.claims();
            if (claims.isPresent()) {
                claims.get().describe(env.clock().instant()).forEach(env.out()::println);
                if (TokenClaims.isUnsigned(token.value())) {
                    env.out().println("(not signed: its header says alg: none, and AgentCore's authorizer refuses unsigned tokens)");
                }
            } else {
                env.out().println("(not a JWT: AgentCore's authorizer will refuse it)");
            }
        }
        return ExitCode.OK;
    }
}
