/** The MCP server of one client connection: its tools, its logging level and its sessions, over any transport. */
import { errorMessage } from "../../protocol/describe.ts";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
  type CallToolRequest,
  type CallToolResult,
  type LoggingLevel,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { WOMA_VERSION } from "../../protocol/version.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import type { McpOptions } from "./mcp-options.ts";
import { invalidArguments, sessionClosedToTool, sessionListToTool, sessionResetToTool, toolFailure } from "./result-format.ts";
import { FileResources } from "./file-resources.ts";
import { FileToolNames, readFileTool, writeFileTool, type ReadFileArgs, type WriteFileArgs } from "./file-tools.ts";
import { runPython } from "./run-python.ts";
import { SessionScope } from "./session-scope.ts";
import { checkArguments } from "./tool-arguments.ts";
import { networkSentence, packagesSentence, ToolNames, toolDefinitions, type InstallPackagesArgs, type RunPythonArgs, type SessionArgs, type ToolName } from "./tools.ts";
import { installPackages } from "./install-packages.ts";
import type { Drain } from "../web/drain.ts";

/** What the SDK hands a request handler besides the request (its cancel signal, a way to send notifications). */
type ToolExtra = Parameters<Parameters<Server["setRequestHandler"]>[1]>[1];

/** One MCP connection: an SDK `Server` to connect to a transport, and how to end it. */
export interface McpConnection {
  server: Server;
  /** Tool calls still running. */
  readonly activeCalls: number;
  /** Interrupts its running calls and closes its daemon sessions. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The protocol error for a tool name this server lacks (-32602, as the MCP specification
 * says). A plain error with a `code`, because the SDK's McpError would prefix the message
 * with "MCP error -32602:" and clients prefix it again.
 */
function unknownTool(name: string, tools: Tool[]): Error {
  const known = tools.map((t) => t.name);
  return Object.assign(new Error(`unknown tool "${name}"; this server has ${known.join(", ")}`), { code: ErrorCode.InvalidParams, data: { tools: known } });
}

/** The server's instructions: how to use the tools, and what Python has here. */
function instructions(options: McpOptions): string {
  return [
    "woma runs Python code in a sandbox. Call run_python with `code`; pass a `session` name (e.g. \"main\") to keep variables between calls, or omit it for a one-off run. list_sessions, reset_session and close_session manage this connection's sessions. Plots and display() images come back as images; write_file and read_file move files in and out of a session's working directory.",
    packagesSentence(options),
    networkSentence(options),
  ].join(" ");
}

/**
 * Builds the MCP server for one connection. Sessions it creates are visible to it alone
 * and are closed by {@link McpConnection.close}. Unknown tool names are protocol errors;
 * everything that goes wrong inside a known tool is a result with `isError`. With a `drain`
 * (the HTTP server's), a call still running when the drain is interrupted is stopped and
 * answered at once with a tool error giving the drain's reason.
 */
export function createMcpConnection(client: DaemonClient, options: McpOptions, drain?: Drain): McpConnection {
  const tools = toolDefinitions(options);
  const byName = new Map<string, Tool>(tools.map((t) => [t.name, t]));
  const scope = new SessionScope(client, options);
  const calls = new Set<AbortController>();
  let loggingLevel: LoggingLevel | undefined;
  let closing: Promise<void> | undefined;

  const server = new Server(
    { name: "woma", title: "woma: sandboxed Python", version: WOMA_VERSION },
    { capabilities: { tools: { listChanged: false }, logging: {}, resources: { listChanged: false } }, instructions: instructions(options) },
  );

  // Session files as resources, for the host to show or attach (file-resources.ts).
  const files = new FileResources(client, scope);
  server.setRequestHandler(ListResourcesRequestSchema, () => files.list());
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => files.templates());
  server.setRequestHandler(ReadResourceRequestSchema, (request) => files.read(request.params.uri));

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));

  // Replaces the SDK's own handler so that log messages are sent only after the client asked for them.
  server.setRequestHandler(SetLevelRequestSchema, (request) => {
    loggingLevel = request.params.level;
    return {};
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name } = request.params;
    const tool = byName.get(name);
    if (!tool) throw unknownTool(name, tools);
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    extra.signal.addEventListener("abort", onAbort);
    calls.add(controller);
    const call = () => callTool(request, extra, tool, controller);
    try {
      return drain ? await drain.interruptible(call, (reason) => (controller.abort(), toolFailure(reason))) : await call();
    } finally {
      extra.signal.removeEventListener("abort", onAbort);
      calls.delete(controller);
    }
  });

  /** One tool call; `controller` aborts when the client cancels, the connection ends or the drain is interrupted. */
  const callTool = async (request: CallToolRequest, extra: ToolExtra, tool: Tool, controller: AbortController): Promise<CallToolResult> => {
    const { name } = request.params;
    try {
      // The file tools (file-tools.ts).
      if (name === FileToolNames.writeFile) {
        const check = checkArguments<WriteFileArgs>(tool, request.params.arguments);
        if (!check.ok) return invalidArguments(name, check.problem);
        return await writeFileTool(client, scope, check.args);
      }
      if (name === FileToolNames.readFile) {
        const check = checkArguments<ReadFileArgs>(tool, request.params.arguments);
        if (!check.ok) return invalidArguments(name, check.problem);
        return await readFileTool(client, scope, options, check.args);
      }
      switch (name as ToolName) {
        case ToolNames.runPython: {
          const check = checkArguments<RunPythonArgs>(tool, request.params.arguments);
          if (!check.ok) return invalidArguments(name, check.problem);
          const stream = { loggingLevel, progressToken: request.params._meta?.progressToken, send: extra.sendNotification };
          return await runPython(client, scope, options, check.args, stream, controller.signal);
        }
        case ToolNames.listSessions: {
          const check = checkArguments<Record<string, never>>(tool, request.params.arguments);
          if (!check.ok) return invalidArguments(name, check.problem);
          // This connection's own use of the daemon (its tenant's), never another client's; left out if the daemon cannot say.
          const usage = (await client.info().catch(() => undefined))?.usage;
          return sessionListToTool(await scope.list(), usage);
        }
        case ToolNames.resetSession: {
          const check = checkArguments<SessionArgs>(tool, request.params.arguments);
          if (!check.ok) return invalidArguments(name, check.problem);
          const session = await scope.reset(check.args.session);
          return sessionResetToTool(check.args.session, session.state);
        }
        case ToolNames.installPackages: {
          const check = checkArguments<InstallPackagesArgs>(tool, request.params.arguments);
          if (!check.ok) return invalidArguments(name, check.problem);
          const stream = { loggingLevel, progressToken: request.params._meta?.progressToken, send: extra.sendNotification };
          return await installPackages(client, check.args, stream);
        }
        case ToolNames.closeSession: {
          const check = checkArguments<SessionArgs>(tool, request.params.arguments);
          if (!check.ok) return invalidArguments(name, check.problem);
          return sessionClosedToTool(check.args.session, await scope.close(check.args.session));
        }
      }
    } catch (error) {
      return toolFailure(`${name} failed: ${scope.clean(errorMessage(error))}`);
    }
    // The switch covers every tool name (the lookup above refused the others).
    throw unknownTool(name, tools);
  };

  return {
    server,
    get activeCalls() {
      return calls.size;
    },
    close: () => {
      closing ??= (async () => {
        for (const call of calls) call.abort();
        await scope.closeAll();
        await server.close().catch(() => undefined);
      })();
      return closing;
    },
  };
}
