#!/usr/bin/env python3
"""make new-agent NAME=weather_agent [PROTOCOL=HTTP|MCP]: a new runtime from a sample, wired into the build and runtimes.json.

HTTP copies agents/samples/hello-agent into agents/<slug>; MCP copies mcp-servers/mcp-echo into mcp-servers/<slug>
(slug: the name in lower case, hyphens for underscores). The copy gets its own artifactId, Java package and class
names, its entry points (the agent's plain main; the MCP server's lean main, which its image starts, and its Spring
one), one test and a README; the root pom lists the module; runtimes.json gets the runtime (HTTP:
SigV4 and the model of the first HTTP runtime there; MCP: Cognito JWT, no model; endpoint dev on version 1). The
templates and the deploy plan take every runtime of runtimes.json, so nothing else needs editing.

Nothing is left half-written: the module is built in a temporary directory beside its place and renamed into it, the
two files are replaced by renames, and a failure puts back what was there. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# AgentCore's agentRuntimeName pattern (core/agentcore-core RuntimeName.PATTERN).
RUNTIME_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9_]{0,47}")
DEFAULT_MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0"
MODULES_ANCHOR = "    <module>core/architecture-tests</module>"


class Refused(Exception):
    """A reason to create nothing, shown as one line."""


@dataclass(frozen=True)
class Sample:
    """A sample module and what in it names the sample: replaced, longest first, by the new runtime's names."""

    module: str
    target_dir: str
    package: str
    target_package_prefix: str
    files: dict[str, str]  # path in the sample -> path in the copy ({Class} is the new class prefix)
    names: tuple[tuple[str, str], ...]  # text in the sample -> template for the copy


HTTP = Sample(
    module="agents/samples/hello-agent",
    target_dir="agents",
    package="dev.agentcore.samples.hello",
    target_package_prefix="dev.agentcore.agents",
    files={
        "pom.xml": "pom.xml",
        "src/main/java/dev/agentcore/samples/hello/HelloAgentApplication.java": "{Class}Application.java",
        "src/main/java/dev/agentcore/samples/hello/HelloAgent.java": "{Class}.java",
        "src/main/java/dev/agentcore/samples/hello/SessionAgents.java": "SessionAgents.java",
        "src/test/java/dev/agentcore/samples/hello/HelloAgentTest.java": "{Class}Test.java",
    },
    names=(("agents/samples/hello-agent", "{module}"), ("HelloAgentApplication", "{Class}Application"), ("HelloAgentTest", "{Class}Test"),
           ("HelloAgent", "{Class}"), ("hello-agent", "{slug}"), ("Sample: hello agent", "Agent: {name}"),
           ("The hello agent", "The {name} agent"), ("the hello agent", "the {name} agent"),
           ("The seed's hello world: one prompt in, the model's answer streamed back as server-sent events.",
            "{name}: one prompt in, the model's answer streamed back as server-sent events (from the hello agent)."),
           ("../../../pom.xml", "../../pom.xml")),
)

MCP = Sample(
    module="mcp-servers/mcp-echo",
    target_dir="mcp-servers",
    package="dev.agentcore.mcp.echo",
    target_package_prefix="dev.agentcore.mcp",
    files={
        "pom.xml": "pom.xml",
        "src/main/java/dev/agentcore/mcp/echo/EchoServerApplication.java": "{Class}Application.java",
        "src/main/java/dev/agentcore/mcp/echo/LeanEchoServer.java": "Lean{Class}.java",
        "src/main/java/dev/agentcore/mcp/echo/Echo.java": "Echo.java",
        "src/main/resources/application.properties": "src/main/resources/application.properties",
        "src/test/java/dev/agentcore/mcp/echo/EchoTest.java": "EchoTest.java",
    },
    names=(("EchoServerApplication", "{Class}Application"), ("LeanEchoServer", "Lean{Class}"), ("mcp-echo", "{slug}"),
           ("mcp.server.name=echo", "mcp.server.name={slug}"), ('.serverInfo("echo", ', '.serverInfo("{slug}", '),
           ("MCP server: echo", "MCP server: {name}"),
           ("The seed's FastMCP echo server in Java: tool echo, stateless streamable HTTP, POST /mcp on port 8000.",
            "{name}: stateless MCP server (from mcp-echo: tool echo), POST /mcp on port 8000.")),
)


def slug(name: str) -> str:
    return name.lower().replace("_", "-")


def class_prefix(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


def check_name(name: str) -> None:
    if not RUNTIME_NAME.fullmatch(name):
        hint = ""
        if "-" in name and RUNTIME_NAME.fullmatch(name.replace("-", "_")):
            hint = f" (hyphens are not allowed; use {name.replace('-', '_')})"
        raise Refused(f"runtime name '{name}' does not match {RUNTIME_NAME.pattern}: a letter, then letters, digits"
                      f" or underscores, at most 48{hint}")


def format_manifest(manifest: dict) -> str:
    """runtimes.json as it is committed: one line per field of a runtime, objects on one line."""
    lines = ["{"]
    top = [key for key in manifest if key != "runtimes"]
    for key in top:
        lines.append(f"  {json.dumps(key)}: {json.dumps(manifest[key], ensure_ascii=False)},")
    lines.append('  "runtimes": [')
    for i, runtime in enumerate(manifest["runtimes"]):
        lines.append("    {")
        fields = list(runtime.items())
        for j, (key, value) in enumerate(fields):
            text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
            if isinstance(value, dict) and value:
                text = "{ " + text[1:-1] + " }"
            lines.append(f"      {json.dumps(key)}: {text}" + ("," if j < len(fields) - 1 else ""))
        lines.append("    }" + ("," if i < len(manifest["runtimes"]) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(text: str, sample: Sample, name: str, package: str) -> str:
    values = {"Class": class_prefix(name), "slug": slug(name), "name": name,
              "module": f"{sample.target_dir}/{slug(name)}"}
    text = text.replace(sample.package, package)
    for old, new in sample.names:
        text = text.replace(old, new.format(**values))
    return text


def readme(sample: Sample, name: str, module: str, protocol: str) -> str:
    build = f"./mvnw -B -ntp install -pl {module} -am"
    if protocol == "HTTP":
        body = (f"An agent made by `make new-agent` from [hello-agent](../samples/hello-agent/README.md): "
                f"`POST /invocations {{\"prompt\": \"...\"}}` streams the model's answer; `GET /ping` on 8080. "
                f"A plain `main` on the runtime core, no Spring; its settings are environment variables "
                f"(`AGENT_MODEL_*` for the model, `SERVER_PORT`).\n\n"
                f"```bash\n{build}\nAGENT_MODEL_PROVIDER=offline java -jar {module}/target/{slug(name)}.jar\n```\n")
    else:
        body = (f"An MCP server made by `make new-agent` from [mcp-echo](../mcp-echo/README.md): stateless "
                f"streamable HTTP on `POST /mcp`, port 8000, with the tool `echo` to replace with yours (`Echo.java`).\n\n"
                f"```bash\n{build}\njava -jar {module}/target/{slug(name)}.jar\n```\n")
    return (f"# {name}\n\n{body}\nThe runtime `{name}` is in [runtimes.json](../../runtimes.json) "
            f"([docs/runtimes-manifest.md](../../docs/runtimes-manifest.md)): the deploy plan gives it an ECR "
            f"repository, an execution role scoped to its name, the runtime and its endpoints.\n")


def replace_file(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def scaffold(root: Path, name: str, protocol: str) -> Path:
    """Creates the module and registers it; returns the module's directory."""
    check_name(name)
    protocol = protocol.strip().upper()
    if protocol not in ("HTTP", "MCP"):
        raise Refused(f"protocol '{protocol}': expected HTTP (an agent) or MCP (an MCP server)")
    sample = HTTP if protocol == "HTTP" else MCP
    manifest_file, pom_file = root / "runtimes.json", root / "pom.xml"
    manifest_text, pom_text = manifest_file.read_text(encoding="utf-8"), pom_file.read_text(encoding="utf-8")
    manifest = json.loads(manifest_text)
    taken = [runtime.get("name", "") for runtime in manifest.get("runtimes", [])]
    if name in taken:
        raise Refused(f"runtime '{name}' is already in runtimes.json")
    if any(slug(other) == slug(name) for other in taken):
        raise Refused(f"'{name}' would share the stacks and repository {slug(name)} of a runtime in runtimes.json")
    module = f"{sample.target_dir}/{slug(name)}"
    target = root / module
    if target.exists():
        raise Refused(f"{module} exists already")
    if f"<module>{module}</module>" in pom_text:
        raise Refused(f"the root pom lists {module} already")
    if MODULES_ANCHOR not in pom_text:
        raise Refused(f"pom.xml: no '{MODULES_ANCHOR.strip()}' line to add the module before")

    package = f"{sample.target_package_prefix}.{name.lower().replace('_', '')}"
    java = "src/main/java/" + package.replace(".", "/")
    tests = "src/test/java/" + package.replace(".", "/")
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{slug(name)}."))
    try:
        for source, destination in sample.files.items():
            destination = destination.format(Class=class_prefix(name))
            if destination.endswith(".java"):
                destination = f"{tests if 'src/test/' in source else java}/{destination}"
            out = staging / destination
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(render((root / sample.module / source).read_text(encoding="utf-8"), sample, name, package),
                           encoding="utf-8")
        (staging / "README.md").write_text(readme(sample, name, module, protocol), encoding="utf-8")

        entry = {"name": name, "module": module, "protocol": protocol, "auth": "SIGV4" if protocol == "HTTP" else "JWT"}
        if protocol == "HTTP":
            models = [r["model"] for r in manifest["runtimes"] if r.get("protocol") == "HTTP" and r.get("model")]
            entry["model"] = models[0] if models else DEFAULT_MODEL
            entry["environment"] = {"AGENT_MODEL_PROVIDER": "bedrock"}
        entry["endpoints"] = {"dev": 2}  # version 1 predates MMDSv2: docs/runtimes-manifest.md
        manifest["runtimes"].append(entry)
        new_pom = pom_text.replace(MODULES_ANCHOR, f"    <module>{module}</module>\n{MODULES_ANCHOR}", 1)

        os.rename(staging, target)
        try:
            replace_file(pom_file, new_pom)
            replace_file(manifest_file, format_manifest(manifest))
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            replace_file(pom_file, pom_text)
            replace_file(manifest_file, manifest_text)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-agent", description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the runtime name: letters, digits, underscores (weather_agent)")
    parser.add_argument("protocol", nargs="?", default="HTTP", help="HTTP (an agent, default) or MCP (an MCP server)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        target = scaffold(args.root, args.name, args.protocol)
    except Refused as refused:
        print(f"new-agent: {refused}; nothing was created", file=sys.stderr)
        return 1
    module = target.relative_to(args.root)
    print(f"new-agent: {module} ({args.protocol.upper()}), in the root pom and runtimes.json as '{args.name}'")
    print(f"  build and test it:  ./mvnw -B -ntp install -pl {module} -am")
    print("  then: make lint; make test; deploy (every runtime of runtimes.json gets its stacks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
