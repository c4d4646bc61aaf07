package dev.agentcore.cli;

import picocli.CommandLine.Option;

/** How much to say: raw output for scripts, the full diagnosis, stack traces. Mixed into every command. */
final class OutputOptions {

    @Option(names = "--raw",
            description = "Print the response exactly as it came back (no SSE decoding, no pretty-printing): for scripts.")
    boolean raw;

    @Option(names = {"-v", "--verbose"},
            description = "On failure, show the exact request (token redacted), the response, the token's claims and "
                    + "what was looked up; on success, the session id.")
    boolean verbose;

    @Option(names = "--debug", description = "Print stack traces.")
    boolean debug;
}
