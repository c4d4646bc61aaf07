package dev.agentcore.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal image tar (docker-load layout) whose config says amd64: all the architecture check reads. */
final class AmdImage {

    private AmdImage() {
    }

    static void write(Path tar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry(out, "config.json", "{\"architecture\":\"amd64\",\"os\":\"linux\"}");
        entry(out, "manifest.json", "[{\"Config\":\"config.json\",\"RepoTags\":[],\"Layers\":[]}]");
        out.write(new byte[1024]);
        Files.write(tar, out.toByteArray());
    }

    private static void entry(ByteArrayOutputStream out, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, header, 0, name.length());
        byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        out.write(header);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }
}
