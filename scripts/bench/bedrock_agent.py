"""The Python reference for the first-event benchmark: BedrockAgentCoreApp with an entrypoint that streams boto3
bedrock-runtime converse_stream text deltas as server-sent events, the Python side of
agents/benchmarks/bedrock-agent (LeanBedrockAgent.java). The client is built at import, as a Python agent (and Strands'
BedrockModel) builds it; endpoint, region and credentials come from the environment
(AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID)."""
import sys

import boto3
from bedrock_agentcore.runtime import BedrockAgentCoreApp

MODEL_ID = "us.anthropic.claude-sonnet-4-6"

app = BedrockAgentCoreApp()
bedrock = boto3.client("bedrock-runtime")


@app.entrypoint
def invoke(payload):
    response = bedrock.converse_stream(modelId=MODEL_ID,
                                       messages=[{"role": "user", "content": [{"text": payload["prompt"]}]}])
    for event in response["stream"]:
        text = event.get("contentBlockDelta", {}).get("delta", {}).get("text")
        if text:
            yield text


if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), host="127.0.0.1")
