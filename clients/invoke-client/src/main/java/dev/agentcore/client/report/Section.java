package dev.agentcore.client.report;

import java.util.List;

/** A titled block of detail lines shown with --verbose (the request, the response, the token's claims). */
public record Section(String title, List<String> lines) {

    public Section {
        lines = List.copyOf(lines);
    }
}
