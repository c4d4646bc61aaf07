"""The seed's FastMCP echo server (heeki/agents strands-on-agentcore/mcp/server.py) without its Langfuse tracing,
on the pinned Python MCP SDK. In mcp 2.x FastMCP is called MCPServer; stateless_http=True is the seed's setting
and AgentCore's default. The benchmark's reference for mcp-echo.

Usage: echo_mcp_server.py PORT [json]
As the seed runs it, the server answers every POST with a one-event SSE stream (text/event-stream); with `json`
it answers plain application/json (json_response=True), as mcp-echo does, so that both can be compared.
"""
import sys
from typing import Any, Dict

from mcp.server.mcpserver import MCPServer

mcp = MCPServer("echo", log_level="WARNING")


@mcp.tool()
def echo(message: str) -> Dict[str, Any]:
    """
    Echo a message back to the user.
    Args:
        message: message to echo
    Returns:
        Object with the message echoed back
    """
    return {"message": message}


if __name__ == "__main__":
    mcp.run(transport="streamable-http", host="127.0.0.1", port=int(sys.argv[1]), stateless_http=True,
            json_response=sys.argv[2:] == ["json"])
