#!/usr/bin/env python3
"""Measures the local AgentCore's start-up: from starting the command to the first answered request.

Usage: measure-startup.py RUNS COMMAND...   e.g.  measure-startup.py 10 infra/local-agentcore/bin/local-agentcore
Starts COMMAND RUNS times; each time waits for its "listening on" line, sends one request (unsigned: the 403 is an
answer), stops it, and prints the medians. A measurement, not a test: the numbers depend on the machine and its load.
"""
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request


def main():
    runs, command = int(sys.argv[1]), sys.argv[2:]
    listening, answered, uptime = [], [], []
    for _ in range(runs):
        started = time.monotonic()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            line = process.stdout.readline()
            listening.append((time.monotonic() - started) * 1000)
            port = re.search(r"127\.0\.0\.1:(\d+)", line).group(1)
            try:
                urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/runtimes/", method="POST"),
                                       timeout=10)
            except urllib.error.HTTPError as e:
                assert e.code == 403, e.code
            answered.append((time.monotonic() - started) * 1000)
            uptime.append(int(re.search(r"ready in (\d+) ms", line).group(1)))
        finally:
            process.terminate()
            process.wait()
    for name, values in (("start to 'listening on'", listening), ("start to first answer", answered),
                         ("JVM uptime when listening", uptime)):
        print(f"{name:27} median {statistics.median(values):5.0f} ms   min {min(values):5.0f}   max {max(values):5.0f}")


if __name__ == "__main__":
    main()
