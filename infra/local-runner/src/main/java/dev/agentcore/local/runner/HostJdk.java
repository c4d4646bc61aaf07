package dev.agentcore.local.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's JDK (21 or newer) that runs the image's java command, found as {@code scripts/find-jdk.sh --runtime}
 * finds it: {@code JAVA_HOME} if it qualifies, the {@code java} on {@code PATH}, then the newest under
 * {@code /usr/lib/jvm}. The version comes from the JDK's {@code release} file, without starting it.
 *
 * @param home the JDK's folder
 * @param feature its feature version, such as 21
 */
public record HostJdk(Path home, int feature) {

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
    static final int MINIMUM = 21;

    /** The java launcher. */
    public Path java() {
        return home.resolve("bin/java");
    }

    /** The JDK found on this host; the one running this code when nothing else qualifies. */
    public static HostJdk find() {
        return find(System.getenv("JAVA_HOME"), System.getenv("PATH"), List.of(Path.of("/usr/lib/jvm")))
                .or(() -> at(Path.of(System.getProperty("java.home"))))
                .orElseThrow(() -> new RunnerException.NoHostJdk("no JDK " + MINIMUM + " or newer: set JAVA_HOME"));
    }

    static Optional<HostJdk> find(String javaHome, String path, List<Path> jdkDirs) {
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<HostJdk> chosen = at(Path.of(javaHome));
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        if (path != null) {
            for (String dir : path.split(":")) {
                Path java = Path.of(dir.isEmpty() ? "." : dir, "java");
                if (Files.isExecutable(java)) {
                    try {
                        Optional<HostJdk> onPath = at(java.toRealPath().getParent().getParent());
                        if (onPath.isPresent()) {
                            return onPath;
                        }
                    } catch (IOException e) {
                        // A dangling link: not a JDK.
                    }
                    break;
                }
            }
        }
        return jdkDirs.stream().filter(Files::isDirectory).flatMap(HostJdk::children).map(HostJdk::at)
                .flatMap(Optional::stream).max(Comparator.comparingInt(HostJdk::feature));
    }

    static Optional<HostJdk> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isReadable(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            if (m.find() && Integer.parseInt(m.group(1)) >= MINIMUM) {
                return Optional.of(new HostJdk(home.toAbsolutePath().normalize(), Integer.parseInt(m.group(1))));
            }
        } catch (IOException | NumberFormatException e) {
            // Unreadable release file: not a JDK we can vouch for.
        }
        return Optional.empty();
    }

    private static Stream<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
