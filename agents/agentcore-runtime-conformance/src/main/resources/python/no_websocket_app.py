"""The reference with no @app.websocket handler: what /ws answers then (app.py _handle_websocket closes with
1011 before accepting, which the server turns into a refused handshake)."""
import sys

from bedrock_agentcore.runtime import BedrockAgentCoreApp

app = BedrockAgentCoreApp()


@app.entrypoint
def handler(payload):
    return payload


if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), host="127.0.0.1")
