"""The reference: the Python SDK's BedrockAgentCoreApp with the same trivial handlers as
ConformanceAgent.java (the starter) and ConformanceHandlers.java (the core). The conformance test sends both the same requests and compares the answers."""
import sys

from bedrock_agentcore.runtime import BedrockAgentCoreApp
from starlette.responses import Response

app = BedrockAgentCoreApp()


@app.entrypoint
def handler(payload, context):
    case = payload.get("case") if isinstance(payload, dict) else None
    if case == "echo":
        return payload
    if case == "text":
        return "Hello, AgentCore \u2713"
    if case == "number":
        return 42
    if case == "list":
        return [1, "two", {"three": 3.5}]
    if case == "none":
        return None
    if case == "stream":
        def chunks():
            yield "Hi"
            yield " there \u2713"
            yield {"n": 1, "done": True}
        return chunks()
    if case == "stream_error":
        def broken():
            yield "partial"
            raise ValueError("stream broke")
        return broken()
    if case == "stream_timeout":
        def timed_out():
            yield "partial"
            raise TimeoutError("upstream timed out")
        return timed_out()
    if case == "empty_response":
        return Response(status_code=202)
    if case == "error":
        raise ValueError("boom")
    if case == "context":
        return {"session_id": context.session_id, "headers": dict(sorted((context.request_headers or {}).items()))}
    return {"unknown_case": case}


@app.websocket
async def websocket_handler(websocket, context):
    headers = context.request_headers or {}
    case = headers.get("x-amzn-bedrock-agentcore-runtime-custom-case")
    if case == "refuse":
        await websocket.close(code=1008)
        return
    if case == "raise_before_accept":
        raise ValueError("not accepted")
    if case == "return_before_accept":
        return
    await websocket.accept()
    while True:
        message = await websocket.receive_text()
        if message == "raise":
            raise ValueError("handler broke")
        if message == "return":
            return
        if message == "close":
            await websocket.close(code=4000, reason="bye")
            return
        if message == "context":
            tenant = headers.get("x-amzn-bedrock-agentcore-runtime-custom-tenant")
            await websocket.send_text(f"session={context.session_id} tenant={tenant}")
            continue
        if message == "binary":
            data = await websocket.receive_bytes()
            await websocket.send_bytes(data[::-1])
            continue
        await websocket.send_text("echo: " + message)


if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), host="127.0.0.1")
