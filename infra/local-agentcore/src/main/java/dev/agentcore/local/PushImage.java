package dev.agentcore.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import dev.agentcore.local.hosting.ImageStore;

/**
 * {@code local-agentcore push-image URI TAR [--image-dir DIR | --state-dir DIR]}: the local {@code docker push} to ECR.
 * Copies a Jib image tar into the image store under the URI, where a running local AgentCore finds it at its next
 * CreateAgentRuntime, UpdateAgentRuntime or new session.
 */
final class PushImage {

    static final String COMMAND = "push-image";

    private PushImage() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String uri = null;
        String tar = null;
        Path folder = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--image-dir") || arg.equals("--state-dir")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option " + arg + " needs a value");
                    }
                    Path dir = Path.of(args[++i]);
                    folder = arg.equals("--image-dir") ? dir : dir.resolve("images");
                } else if (arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else if (uri == null) {
                    uri = arg;
                } else if (tar == null) {
                    tar = arg;
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
            }
            if (uri == null || tar == null || folder == null) {
                throw new IllegalArgumentException("usage: local-agentcore push-image URI TAR --image-dir DIR"
                        + " (or --state-dir DIR: its images folder)");
            }
            Path written = new ImageStore(folder).push(uri, Path.of(tar));
            out.println("pushed " + ImageStore.normalize(uri) + " to " + written);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("local-agentcore push-image: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("local-agentcore push-image: cannot write the image: " + e.getMessage());
            return 1;
        }
    }
}
