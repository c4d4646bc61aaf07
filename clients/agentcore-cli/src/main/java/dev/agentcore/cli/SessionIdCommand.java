package dev.agentcore.cli;

import dev.agentcore.core.runtime.SessionId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "session-id", mixinStandardHelpOptions = true,
        description = "Print a new runtime session id (36 characters); reuse it to keep a conversation on one session.",
        footer = {"%nExample:", "  export AGENTCORE_SESSION_ID=$(agentcore-invoke session-id)"})
final class SessionIdCommand implements Callable<Integer> {

    private final Environment env;

    SessionIdCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.out().println(SessionId.generate().value());
        return ExitCode.OK;
    }
}
