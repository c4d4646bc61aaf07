// Lists the tools of an MCP server and calls some of them with the official TypeScript SDK client over
// streamable HTTP. Input from the environment: MCP_URL, MCP_CALLS (JSON list of {name, arguments}),
// MCP_HEADERS (JSON object of extra HTTP headers). Output: one JSON object on stdout.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = new URL(process.env.MCP_URL);
const calls = JSON.parse(process.env.MCP_CALLS ?? '[]');
const headers = JSON.parse(process.env.MCP_HEADERS ?? '{}');

const client = new Client({ name: 'typescript-sdk-test-client', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));

const { tools } = await client.listTools();
const results = [];
for (const call of calls) {
  try {
    results.push({ name: call.name, result: await client.callTool(call) });
  } catch (error) {
    // A JSON-RPC error (unknown tool, ...) arrives as a rejected promise with code and message.
    results.push({ name: call.name, error: { code: error.code ?? null, message: String(error.message) } });
  }
}
console.log(JSON.stringify({ server: client.getServerVersion(), tools, results }));
await client.close();
