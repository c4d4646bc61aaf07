package dev.agentcore.deploy;

import dev.agentcore.deploy.cli.DeployCommand;
import dev.agentcore.deploy.cli.DeployException;
import dev.agentcore.deploy.cli.DestroyCommand;
import dev.agentcore.deploy.cli.ExitCode;
import dev.agentcore.deploy.cli.LogsCommand;
import dev.agentcore.deploy.cli.PromoteCommand;
import dev.agentcore.deploy.cli.StatusCommand;
import dev.agentcore.deploy.output.Console;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code agentcore-deploy}: deploy, status, promote, logs and destroy, to AWS or to the local AgentCore. */
@Command(name = "agentcore-deploy", mixinStandardHelpOptions = true, version = "agentcore-deploy 0.1.0",
        description = "Deploys this repository's runtimes and stacks (infra/stacks.json, runtimes.json) to AWS or to the"
                + " local AgentCore (--target local).",
        subcommands = {DeployCommand.class, StatusCommand.class, PromoteCommand.class, LogsCommand.class,
                DestroyCommand.class})
public final class AgentCoreDeploy {

    public static void main(String[] args) {
        System.exit(run(Console.system(), args));
    }

    /** Runs one command line; every failure is a line (or a diagnosis) on stderr and an exit status, never a trace. */
    public static int run(Console console, String... args) {
        CommandLine line = new CommandLine(new AgentCoreDeploy(), new Factory(console));
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof DeployException deploy) {
                console.error(deploy.getMessage());
                return deploy.exitCode().status();
            }
            if (e instanceof SdkException sdk) {
                console.error(sdk.getMessage() + " (an AWS call failed; check the target's endpoints and credentials)");
                return ExitCode.FAILED.status();
            }
            console.error(e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCode.FAILED.status();
        });
        line.setParameterExceptionHandler((e, argv) -> {
            console.error(e.getMessage() + " (agentcore-deploy " + e.getCommandLine().getCommandName() + " --help)");
            return ExitCode.USAGE.status();
        });
        return line.execute(args);
    }

    /** Commands get the console they print to (tests pass their own). */
    private record Factory(Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getConstructor(Console.class).newInstance(console);
            } catch (NoSuchMethodException plain) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
