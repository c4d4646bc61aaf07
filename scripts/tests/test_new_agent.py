"""make new-agent (scripts/new_agent.py) on a temporary copy of the files it reads and writes, never the repository.
The HTTP scaffold is built and its generated test run with Maven offline, against the SNAPSHOTs of this build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import new_agent  # noqa: E402


def copy_repository_part(destination: Path) -> None:
    for name in ("pom.xml", "runtimes.json"):
        shutil.copy(ROOT / name, destination / name)
    for module in (new_agent.HTTP.module, new_agent.MCP.module):
        shutil.copytree(ROOT / module, destination / module, ignore=shutil.ignore_patterns("target"))


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


class NewAgentTest(unittest.TestCase):

    def setUp(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="new-agent-test-"))
        copy_repository_part(self.root)

    def tearDown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def run_script(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "scripts/new_agent.py"), "--root", str(self.root), *args],
                              capture_output=True, text=True, timeout=60)

    def test_an_http_agent_is_scaffolded_registered_and_builds_with_its_test(self) -> None:
        run = self.run_script("weather_agent")
        self.assertEqual(run.returncode, 0, run.stderr)
        module = self.root / "agents/weather-agent"
        java = module / "src/main/java/dev/agentcore/agents/weatheragent"
        self.assertTrue((java / "WeatherAgentApplication.java").is_file())
        self.assertTrue((java / "WeatherAgent.java").is_file())
        self.assertTrue((module / "src/test/java/dev/agentcore/agents/weatheragent/WeatherAgentTest.java").is_file())
        self.assertIn("# weather_agent", (module / "README.md").read_text())
        pom = (module / "pom.xml").read_text()
        self.assertIn("<artifactId>weather-agent</artifactId>", pom)
        self.assertIn("<relativePath>../../pom.xml</relativePath>", pom)
        # A plain main, no Spring: the image and java -jar start the copy's own class.
        self.assertEqual(pom.count("<mainClass>dev.agentcore.agents.weatheragent.WeatherAgentApplication</mainClass>"), 2)
        self.assertNotIn("springframework", pom)
        self.assertFalse((module / "src/main/resources").exists())
        for source in module.rglob("*"):
            if source.is_file() and source.name != "README.md":  # the README links its sample
                self.assertNotRegex(source.read_text(), r"hello-agent|HelloAgent|samples\.hello", source)
        self.assertIn("    <module>agents/weather-agent</module>\n    <module>core/architecture-tests</module>",
                      (self.root / "pom.xml").read_text())
        entry = json.loads((self.root / "runtimes.json").read_text())["runtimes"][-1]
        self.assertEqual(entry, {"name": "weather_agent", "module": "agents/weather-agent", "protocol": "HTTP",
                                 "auth": "SIGV4", "model": "us.anthropic.claude-sonnet-4-20250514-v1:0",
                                 "environment": {"AGENT_MODEL_PROVIDER": "bedrock"}, "endpoints": {"dev": 2}})

        # Only this module, offline, against the installed SNAPSHOTs: compile, then its generated test on the offline model.
        env = {**os.environ, "JAVA_HOME": subprocess.run([str(ROOT / "scripts/find-jdk.sh")], capture_output=True,
                                                         text=True, check=True).stdout.strip()}
        build = subprocess.run([str(ROOT / "mvnw"), "-B", "-ntp", "-o", "-q", "-f", str(module / "pom.xml"), "test",
                                "-Dsurefire.failIfNoSpecifiedTests=false"], cwd=ROOT, env=env, capture_output=True,
                               text=True, timeout=600)
        self.assertEqual(build.returncode, 0, build.stdout[-4000:] + build.stderr[-2000:])
        report = module / "target/surefire-reports/TEST-dev.agentcore.agents.weatheragent.WeatherAgentTest.xml"
        self.assertIn('failures="0"', report.read_text())
        self.assertRegex(report.read_text(), r'tests="[1-9]')

    def test_an_mcp_server_is_scaffolded_with_jwt_and_no_model(self) -> None:
        self.assertEqual(self.run_script("tide_server", "mcp").returncode, 0)
        module = self.root / "mcp-servers/tide-server"
        self.assertTrue((module / "src/main/java/dev/agentcore/mcp/tideserver/TideServerApplication.java").is_file())
        self.assertTrue((module / "src/test/java/dev/agentcore/mcp/tideserver/EchoTest.java").is_file())
        self.assertIn("mcp.server.name=tide-server", (module / "src/main/resources/application.properties").read_text())
        # The image starts the lean main, which the copy has under its own name.
        lean = module / "src/main/java/dev/agentcore/mcp/tideserver/LeanTideServer.java"
        self.assertIn('.serverInfo("tide-server", ', lean.read_text())
        self.assertIn("<mainClass>dev.agentcore.mcp.tideserver.LeanTideServer</mainClass>", (module / "pom.xml").read_text())
        for source in module.rglob("*.java"):
            self.assertNotRegex(source.read_text(), r"LeanEchoServer|EchoServerApplication|mcp-echo|mcp\.echo", source)
        entry = json.loads((self.root / "runtimes.json").read_text())["runtimes"][-1]
        self.assertEqual(entry, {"name": "tide_server", "module": "mcp-servers/tide-server", "protocol": "MCP",
                                 "auth": "JWT", "endpoints": {"dev": 2}})

    def test_a_bad_or_taken_name_creates_nothing(self) -> None:
        before = snapshot(self.root)
        hyphen = self.run_script("weather-agent")
        self.assertEqual(hyphen.returncode, 1)
        self.assertIn("hyphens are not allowed; use weather_agent", hyphen.stderr)
        self.assertIn("nothing was created", hyphen.stderr)
        self.assertIn("is already in runtimes.json", self.run_script("mcp_echo", "MCP").stderr)
        self.assertIn("share the stacks and repository mcp-echo", self.run_script("MCP_echo", "MCP").stderr)
        self.assertIn("expected HTTP", self.run_script("x_agent", "A2A").stderr)
        (self.root / "agents/taken").mkdir()
        self.assertIn("agents/taken exists already", self.run_script("taken").stderr)
        (self.root / "agents/taken").rmdir()
        self.assertEqual(snapshot(self.root), before)

    def test_a_failure_while_registering_puts_everything_back(self) -> None:
        before = snapshot(self.root)
        real = new_agent.replace_file
        calls = []

        def fail_on_the_manifest(path: Path, text: str) -> None:
            calls.append(path.name)
            if path.name == "runtimes.json" and calls.count("runtimes.json") == 1:
                raise OSError("disk full")
            real(path, text)

        with mock.patch.object(new_agent, "replace_file", fail_on_the_manifest):
            with self.assertRaises(OSError):
                new_agent.scaffold(self.root, "weather_agent", "HTTP")
        self.assertEqual(snapshot(self.root), before)
        self.assertEqual([p.name for p in (self.root / "agents").iterdir()], ["samples"])


if __name__ == "__main__":
    unittest.main()
