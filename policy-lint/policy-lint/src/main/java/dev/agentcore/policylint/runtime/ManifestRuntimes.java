package dev.agentcore.policylint.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.agentcore.core.runtime.RuntimeName;
import dev.agentcore.policylint.source.ListNode;
import dev.agentcore.policylint.source.MapNode;
import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ScalarNode;

/**
 * The runtime names a runtimes manifest ({@code runtimes.json}: {@code {"runtimes": [{"name": ...}, ...]}}) plans to
 * deploy. Only the names are read: they are what IAM grants are scoped by before any runtime exists.
 */
public final class ManifestRuntimes {

    private ManifestRuntimes() {
    }

    public static List<String> names(Path path) throws RuntimeSourceException {
        String display = path.toString();
        Node root = RuntimeFiles.tree(path);
        if (!(root instanceof MapNode m) || !(m.get("runtimes") instanceof ListNode list)) {
            throw new RuntimeSourceException(display + ":" + root.position()
                    + ": not a runtimes manifest (expected {\"runtimes\": [{\"name\": ...}, ...]})");
        }
        List<String> names = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof MapNode runtime) || !(runtime.get("name") instanceof ScalarNode name) || !name.isString()) {
                throw new RuntimeSourceException(display + ":" + item.position() + ": a runtime needs a name");
            }
            String problem = RuntimeName.problem(name.value());
            if (problem != null) {
                throw new RuntimeSourceException(display + ":" + name.position() + ": " + problem);
            }
            names.add(name.value());
        }
        return names;
    }
}
