"""The Python reference for the runtime benchmark: BedrockAgentCoreApp with the same echo handler as
agents/benchmarks/echo-agent (EchoAgent.java). {"stream": n} streams n events; anything else is echoed."""
import sys

from bedrock_agentcore.runtime import BedrockAgentCoreApp

app = BedrockAgentCoreApp()


@app.entrypoint
def echo(payload):
    n = payload.get("stream") if isinstance(payload, dict) else None
    if isinstance(n, int):
        def events():
            for i in range(n):
                yield {"i": i, "text": "chunk"}
        return events()
    return payload


if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), host="127.0.0.1")
