package dev.agentcore.agent.offline;

import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.ModelRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text the way the offline models stream it, and counts words where real models count tokens. */
final class Words {

    private static final Pattern WORD_WITH_SPACE = Pattern.compile("\\S+\\s*|\\s+");

    private Words() {
    }

    /** "Hello big world" -> "Hello ", "big ", "world"; joining the pieces gives the text back. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        Matcher matcher = WORD_WITH_SPACE.matcher(text);
        while (matcher.find()) {
            chunks.add(matcher.group());
        }
        return chunks;
    }

    static int count(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** Words in the system prompt and every text, tool input and tool result of the request. */
    static int count(ModelRequest request) {
        int words = request.systemPrompt() == null ? 0 : count(request.systemPrompt());
        for (Message message : request.messages()) {
            for (ContentBlock block : message.content()) {
                words += switch (block) {
                    case ContentBlock.Text text -> count(text.text());
                    case ContentBlock.ToolUse use -> count(use.input().toString());
                    case ContentBlock.ToolResult result -> count(result.text());
                };
            }
        }
        return words;
    }
}
