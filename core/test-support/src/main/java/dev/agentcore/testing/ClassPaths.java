package dev.agentcore.testing;

import java.util.List;

/** What the running class path holds: for a test that a module ships without a library (the samples without Spring). */
public final class ClassPaths {

    /** Classes of Spring's core, Boot and context: any Spring on a class path brings one of them. */
    public static final List<String> SPRING = List.of("org.springframework.core.SpringVersion",
            "org.springframework.boot.SpringApplication", "org.springframework.context.ApplicationContext");

    private ClassPaths() {
    }

    /** Those of {@code classNames} the class path can load (without initializing them). */
    public static List<String> loadable(List<String> classNames) {
        return classNames.stream().filter(ClassPaths::loadable).toList();
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, ClassPaths.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
