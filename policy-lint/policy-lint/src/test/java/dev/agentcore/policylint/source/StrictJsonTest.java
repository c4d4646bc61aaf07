package dev.agentcore.policylint.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON templates read through JsonTokenizer give what Jackson gives; what it refuses Jackson reads (or refuses). */
class StrictJsonTest {

    static Stream<Path> jsonFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("jsonFiles")
    void everyJsonResourceReadsAsJacksonReadsIt(Path file) throws IOException {
        if (Documents.decode(file, file.toString(), Files.readAllBytes(file)) instanceof Documents.Text text) {
            BlockYamlTest.assertSameAsFullReader(text.file());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"b\": -0, \"c\": 1.50, \"d\": 1E5, \"e\": true, \"f\": null, \"g\": \"x\\u0041\\/\"}",
        "  {\n  \"a\" : [ 1 ,2 ],\r\n\t\"b\":{}}\n\n",
        "{\"a\": 1, \"a\": 2}",
        "[1, {\"x\": [[]]}]",
        "{\"a\": 1} {\"b\": 2}",
        "{\"a\": 01}",
        "{a: b}",
        "{\"a\": 1,}",
        "{\"a\": \"\\ud83d\\ude00\"}",
        "{\"a\": 'b'}",
        "[\"a\"] x",
    })
    void snippets(String json) {
        BlockYamlTest.assertSameAsFullReader(new SourceFile(Path.of("snippet.json"), "snippet.json", json));
    }
}
