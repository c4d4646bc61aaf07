package dev.agentcore.local.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image made ready to run on the host: its application folder extracted, and its java command with every path
 * under the application folder rewritten to the extracted one (arguments, {@code @argfiles} such as Jib's
 * {@code jib-classpath-file}, and environment values).
 *
 * @param image what the image's config says
 * @param root the host folder standing for the image's {@code /}
 * @param appRoot the image's application folder, such as {@code /app}
 * @param javaArguments the image's command after {@code java}, rewritten
 */
record PreparedImage(ContainerImage image, Path root, String appRoot, List<String> javaArguments) {

    private static final String READY = ".ready";

    static PreparedImage prepare(String containerUri, ContainerImage image, Path folder) {
        List<String> command = image.command();
        if (command.isEmpty() || !Path.of(command.getFirst()).getFileName().toString().equals("java")) {
            throw new RunnerException.UnsupportedEntrypoint("image '" + containerUri + "' runs "
                    + (command.isEmpty() ? "nothing (no Entrypoint or Cmd)" : "'" + command.getFirst() + "'")
                    + ", not java: this runner runs Java images on the host's JDK");
        }
        String appRoot = appRoot(command, image.workingDir());
        Path root = folder.resolve("rootfs").toAbsolutePath().normalize();
        try {
            if (!Files.exists(folder.resolve(READY))) {
                LayerExtractor.delete(root);
                LayerExtractor extractor = new LayerExtractor(root, appRoot);
                for (Path layer : image.layers()) {
                    extractor.apply(layer);
                }
                for (String argument : command) {
                    if (argument.startsWith("@" + appRoot + "/")) {
                        Path argfile = host(root, argument.substring(1));
                        if (Files.isRegularFile(argfile)) {
                            Files.writeString(argfile, rewrite(Files.readString(argfile), appRoot, root));
                        }
                    }
                }
                Files.writeString(folder.resolve(READY), image.digest());
            }
        } catch (IOException e) {
            throw new RunnerException.StartFailed("cannot extract image '" + containerUri + "' into " + root + ": "
                    + e.getMessage(), e);
        }
        List<String> arguments = new ArrayList<>();
        for (String argument : command.subList(1, command.size())) {
            arguments.add(rewrite(argument, appRoot, root));
        }
        return new PreparedImage(image, root, appRoot, List.copyOf(arguments));
    }

    /** The image's environment with application paths rewritten; its PATH and JAVA_HOME name the image's JDK. */
    Map<String, String> environment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        image.environment().forEach((name, value) -> {
            if (!name.equals("PATH") && !name.equals("JAVA_HOME")) {
                env.put(name, rewrite(value, appRoot, root));
            }
        });
        return env;
    }

    /** The image's working folder on the host, when it lies in the application folder. */
    Optional<Path> workingDir() {
        return image.workingDir().filter(dir -> dir.equals(appRoot) || dir.startsWith(appRoot + "/"))
                .map(dir -> host(root, dir));
    }

    /**
     * The application folder: the parent of the classpath argfile ({@code -cp @/app/jib-classpath-file}), else the
     * working folder, else Jib's default {@code /app}.
     */
    static String appRoot(List<String> command, Optional<String> workingDir) {
        for (int i = 0; i + 1 < command.size(); i++) {
            String option = command.get(i);
            String value = command.get(i + 1);
            if ((option.equals("-cp") || option.equals("-classpath") || option.equals("--class-path"))
                    && value.startsWith("@/")) {
                Path parent = Path.of(value.substring(1)).getParent();
                if (parent != null && parent.getNameCount() > 0) {
                    return parent.toString();
                }
            }
        }
        return workingDir.filter(dir -> dir.startsWith("/") && !dir.equals("/")).orElse("/app");
    }

    static String rewrite(String text, String appRoot, Path root) {
        Pattern prefix = Pattern.compile("(^|[\\s:=@,;])" + Pattern.quote(appRoot) + "(?=/|$|[\\s:,;])");
        String hostAppRoot = host(root, appRoot).toString();
        return prefix.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + hostAppRoot));
    }

    private static Path host(Path root, String imagePath) {
        return root.resolve(imagePath.substring(1)).normalize();
    }
}
