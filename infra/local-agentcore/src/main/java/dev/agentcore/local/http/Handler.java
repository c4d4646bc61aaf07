package dev.agentcore.local.http;

import java.io.IOException;

/** Answers one request of one route. Throw {@link AwsErrorException} to answer with an AWS error. */
@FunctionalInterface
public interface Handler {

    Response handle(Request request) throws IOException;
}
