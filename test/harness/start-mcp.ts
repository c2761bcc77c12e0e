/** Starts `woma mcp` as a user's MCP client would (stdio, or Streamable HTTP with --port 0) and connects the real MCP SDK Client. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { REPO_ROOT, testCacheDir, waitFor } from "./paths.ts";

/** How the test reaches the MCP server. */
export type McpTransportKind = "stdio" | "http";

const ENTRY = join(REPO_ROOT, "cli", "main.ts");

/** The command line of `woma mcp` with the suite's Pyodide cache and extra flags. */
export function mcpArgs(extra: string[] = []): string[] {
  return [ENTRY, "mcp", "--pyodide-cache", testCacheDir(), ...extra];
}

/** A stdio MCP server process and the SDK client attached to it. */
export interface StdioMcp {
  client: Client;
  transport: StdioClientTransport;
  stderr(): string;
}

/** Spawns `woma mcp` on stdio through the SDK's StdioClientTransport, as an MCP host does, and connects. */
export async function startStdioMcp(extra: string[] = [], name = "woma-test"): Promise<StdioMcp> {
  const transport = new StdioClientTransport({ command: process.execPath, args: mcpArgs(extra), stderr: "pipe", env: { ...process.env } as Record<string, string> });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name, version: "1.0.0" });
  await client.connect(transport);
  return { client, transport, stderr: () => stderr };
}

/** A `woma mcp --port 0` process and its URL. */
export interface HttpMcp {
  url: URL;
  process: ChildProcess;
  stderr(): string;
  /** A new MCP client (a new MCP session) of this server, sending `headers` (a token) on every request. */
  connect(name?: string, headers?: Record<string, string>): Promise<{ client: Client; transport: StreamableHTTPClientTransport }>;
  /** SIGTERM, then waits for the exit (SIGKILL after 5 s); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Resolves with the exit code when the process exits, however it was stopped. */
  exited: Promise<number | null>;
}

/** Starts `woma mcp --port 0` and waits for its `woma: MCP on URL` line. WOMA_TOKEN is removed from its environment unless `env` sets it. */
export async function startHttpMcp(extra: string[] = [], env: Record<string, string> = {}): Promise<HttpMcp> {
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  if (env.WOMA_TOKEN === undefined) delete environment.WOMA_TOKEN;
  const child = spawn(process.execPath, mcpArgs(["--port", "0", ...extra]), { stdio: ["ignore", "pipe", "pipe"], env: environment });
  let stderr = "";
  let stdout = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    await waitFor("\"woma: MCP on\" from woma mcp --port 0", () => /woma: MCP on \S+/.test(stderr) || child.exitCode !== null, 30_000);
    if (child.exitCode !== null) throw new Error(`woma mcp exited with ${child.exitCode}: ${stderr}`);
    if (stdout !== "") throw new Error(`woma mcp --port wrote to stdout: ${stdout}`);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const url = new URL(/woma: MCP on (\S+)/.exec(stderr)![1]!);
  return {
    url,
    process: child,
    exited,
    stderr: () => stderr,
    connect: async (name = "woma-test", headers = {}) => {
      const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
      const client = new Client({ name, version: "1.0.0" });
      await client.connect(transport);
      return { client, transport };
    },
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** A tool result's text, all text blocks joined. */
export function textOf(result: unknown): string {
  return ((result as CallToolResult).content ?? []).map((block) => (block.type === "text" ? block.text : `[${block.type}]`)).join("\n");
}

/** Calls run_python and returns the result, typed. */
export async function runPython(client: Client, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name: "run_python", arguments: args })) as CallToolResult;
}
