package dev.agentcore.cli;

/** Bad input caught before any request; printed as one line, exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
