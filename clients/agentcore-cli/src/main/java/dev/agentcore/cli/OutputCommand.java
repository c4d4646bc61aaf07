package dev.agentcore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that runs against an {@link Environment} and takes the {@link OutputOptions}; the error handler reads
 * those through {@link HasOutput}.
 */
abstract class OutputCommand implements Callable<Integer>, HasOutput {

    @Mixin
    OutputOptions output;

    final Environment env;

    OutputCommand(Environment env) {
        this.env = env;
    }

    @Override
    public OutputOptions output() {
        return output;
    }
}
