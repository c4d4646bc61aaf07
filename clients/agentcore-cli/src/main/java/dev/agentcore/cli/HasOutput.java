package dev.agentcore.cli;

/** A command with the output options, so the error handler knows whether to be verbose. */
interface HasOutput {

    OutputOptions output();
}
