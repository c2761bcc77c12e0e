/** The MCP tools woma offers: names, descriptions written for a model, and input and output JSON Schemas. */
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { RunError, RunStatus, SessionState, Truncation } from "../../protocol/generated/types.ts";
import { describeDuration, type McpOptions } from "./mcp-options.ts";
import { fileTools } from "./file-tools.ts";
import { OUTPUTS_SCHEMA, type OutputSummary } from "./outputs.ts";
import { SESSION_NAME_PATTERN } from "./session-scope.ts";

/** The tools' names, as a model calls them. */
export const ToolNames = {
  runPython: "run_python",
  listSessions: "list_sessions",
  resetSession: "reset_session",
  closeSession: "close_session",
  installPackages: "install_packages",
} as const;

/** One of {@link ToolNames}. */
export type ToolName = (typeof ToolNames)[keyof typeof ToolNames];

/** Arguments of `run_python` once validated. */
export interface RunPythonArgs {
  code: string;
  session?: string;
  timeout_seconds?: number;
  reset_globals?: boolean;
  stdin?: string;
}

/** Arguments of `install_packages` once validated. */
export interface InstallPackagesArgs {
  packages: string[];
}

/** Arguments of `reset_session` and `close_session` once validated. */
export interface SessionArgs {
  session: string;
}

/** The `structuredContent` of `run_python`; see {@link runPythonOutputSchema}. */
export interface RunPythonOutput {
  /** A run's own status, or how the daemon ended it (see the output schema). */
  status: RunStatus | "timeout" | "terminated" | "cancelled" | "error";
  session: string | null;
  result: string | null;
  stdout: string;
  stderr: string;
  error: RunError | null;
  execution_time_ms: number;
  truncated: Truncation | null;
  notes: string[];
  /** Rich outputs (images, HTML, ...), summarised; their content is in the result's content blocks. */
  outputs: OutputSummary[];
}

/** One session in the `structuredContent` of `list_sessions`. */
export interface SessionSummary {
  name: string;
  state: SessionState;
  run_count: number;
  created_at: string;
  last_used_at: string;
  expires_at: string | null;
  lost_reason?: string;
}

const sessionNameSchema = (what: string) => ({ type: "string", pattern: SESSION_NAME_PATTERN, description: what });

const runPythonOutputSchema = {
  type: "object",
  properties: {
    status: {
      type: "string",
      enum: ["success", "exception", "timeout", "terminated", "cancelled", "error"],
      description:
        "success: the code ran to the end. exception: a Python exception ended it (see error). timeout: it ran past its time limit and was interrupted. terminated: its Python process died (memory limit or crash). cancelled: the client cancelled the call. error: woma could not run it (see error.message).",
    },
    session: { type: ["string", "null"], description: "The session the code ran in, or null for a one-off run." },
    result: { type: ["string", "null"], description: "repr() of the last expression's value, or null when there is none." },
    stdout: { type: "string", description: "Everything printed to stdout, in full (up to the server's output limit)." },
    stderr: { type: "string", description: "Everything printed to stderr, in full (up to the server's output limit)." },
    error: {
      type: ["object", "null"],
      description: "Why the run did not succeed, or null when it did.",
      properties: {
        type: { type: "string", description: "The exception's class name (e.g. ValueError), or TimeoutError, RuntimeTerminated, Cancelled, ServerError." },
        message: { type: "string", description: "The exception's message." },
        traceback: { type: "string", description: "The Python traceback; user code appears as File \"<exec>\". Empty when there is none." },
      },
      required: ["type", "message", "traceback"],
    },
    execution_time_ms: { type: "number", description: "Time the code ran, in milliseconds." },
    truncated: {
      type: ["object", "null"],
      description: "What the server's output limit cut from stdout, stderr or the result before they reached this tool, or null when nothing was cut.",
      properties: {
        stdout_bytes: { type: "number" },
        stderr_bytes: { type: "number" },
        result_chars: { type: "number" },
        displays: { type: "number", description: "Rich outputs dropped past the server's limit per run." },
      },
    },
    notes: { type: "array", items: { type: "string" }, description: "What happened to the session around this run (created, expired and recreated, reset after a crash)." },
    outputs: OUTPUTS_SCHEMA,
  },
  required: ["status", "session", "result", "stdout", "stderr", "error", "execution_time_ms", "truncated", "notes"],
} as const;

function runPythonTool(options: McpOptions): Tool {
  const limit = options.maxTimeoutMs > 0 ? describeDuration(options.maxTimeoutMs) : undefined;
  const idle = options.sessionIdleMs > 0 ? `is closed after ${describeDuration(options.sessionIdleMs)} without a run` : "stays open until closed";
  return {
    name: ToolNames.runPython,
    title: "Run Python",
    description: [
      "Run Python 3 code in a sandbox (CPython compiled to WebAssembly by Pyodide) and get back what it printed, the value of its last expression, and any exception with its traceback.",
      `State: without \`session\` the code runs once in fresh globals and nothing is kept. With \`session\` (a name you choose, e.g. "main"), variables, functions and imports persist across calls naming that session. A session is created on first use, is private to this client connection, and ${idle}.`,
      "Output: print() output (stdout), stderr and repr() of the last expression are returned, as in the Python REPL (end the code with ';' to drop the value). Very long output is cut in the middle, with a note of how much was cut.",
      "Rich output: display(obj) shows objects with _repr_png_/_repr_html_/_repr_markdown_/... (as in Jupyter), and matplotlib figures (plt.show(), or left open) come back as images; HTML, Markdown and JSON as text.",
      `Limits: ${limit ? `a call runs for at most ${limit}; at its limit` : "there is no time limit unless `timeout_seconds` is given; at the limit"} the code gets KeyboardInterrupt and the call reports a timeout. There is no access to the host's files; the file system is a temporary in-memory one. Top-level \`await\` works.`,
      packagesSentence(options),
      networkSentence(options),
    ].join("\n\n"),
    inputSchema: {
      type: "object",
      properties: {
        code: {
          type: "string",
          description: "Python source to run; several lines are fine. The value of the last expression is returned as its repr, unless the code ends with a statement or ';'. Use print() to show anything else.",
        },
        session: sessionNameSchema(
          "Name of a persistent session (1-64 letters, digits, '.', '_' or '-'). Omit it for a one-off run in fresh globals. Calls naming the same session share variables and imports; a new name starts an empty session.",
        ),
        timeout_seconds: {
          type: "number",
          exclusiveMinimum: 0,
          description: limit
            ? `Seconds the code may run before it is interrupted. Default and maximum: ${options.maxTimeoutMs / 1000}; a larger value is lowered to it.`
            : "Seconds the code may run before it is interrupted. Default: no limit.",
        },
        reset_globals: {
          type: "boolean",
          description: "With `session`: run in fresh, empty globals that are thrown away afterwards, leaving the session's variables untouched. Default false.",
        },
        stdin: {
          type: "string",
          description: "Text that input() and sys.stdin read, a line at a time, as if piped into python. Without it (or once it is used up), input() raises EOFError at once.",
        },
      },
      required: ["code"],
      additionalProperties: false,
    },
    outputSchema: runPythonOutputSchema as unknown as Tool["outputSchema"],
    // Open-world when Python's HTTP can reach anything at all.
    annotations: { title: "Run Python", readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: options.environment?.network?.mode !== "off" || (options.environment.network.allow.length ?? 0) > 0 },
  };
}

/** What the model is told about packages, from what the daemon said. */
export function packagesSentence(options: McpOptions): string {
  const packages = options.environment?.packages;
  if (!packages || !packages.available) {
    return `Packages: only the Python standard library is available${packages?.detail ? ` (${packages.detail})` : ""}; third-party packages cannot be loaded.`;
  }
  const count = packages.count !== undefined ? `the ${packages.count} packages` : "the packages";
  const popular = packages.popular.length > 0 ? ` (including ${packages.popular.slice(0, 12).join(", ")})` : "";
  const preload = packages.preload.length > 0 ? ` Already imported at start: ${packages.preload.join(", ")}.` : "";
  return `Packages: ${count} of Pyodide's distribution${popular} load automatically the first time code imports them (just write \`import pandas\`; the first import of a large package takes a few seconds). Other pure-Python packages from PyPI must be installed first with the ${ToolNames.installPackages} tool (or \`await micropip.install("name")\` in code); packages with C extensions that Pyodide does not build cannot be installed.${preload}`;
}

/** What the model is told about HTTP, from the daemon's network policy. */
export function networkSentence(options: McpOptions): string {
  const network = options.environment?.network;
  const libraries = "urllib.request, requests, httpx (Client and AsyncClient) and pyodide.http.pyfetch";
  if (!network) return `Network: HTTP from Python (${libraries}) goes through woma's network policy; raw sockets are not available.`;
  const allow = network.allow.length > 0 ? ` Allowed besides: ${network.allow.join(", ")}.` : "";
  const deny = network.deny.length > 0 ? ` Always refused: ${network.deny.join(", ")}.` : "";
  switch (network.mode) {
    case "off":
      return network.allow.length > 0
        ? `Network: HTTP from Python (${libraries}) may reach only ${network.allow.join(", ")}; everything else is refused.${deny} Raw sockets are not available.`
        : "Network: there is no network access from Python.";
    case "public":
      return `Network: HTTP and HTTPS from Python (${libraries}) reach public internet hosts; localhost, private-network and cloud-metadata addresses are refused with a 'network policy refuses' error.${allow}${deny} Raw sockets and aiohttp are not available.`;
    default:
      return `Network: HTTP and HTTPS from Python (${libraries}) reach any host.${deny} Raw sockets and aiohttp are not available.`;
  }
}

function installPackagesTool(options: McpOptions): Tool {
  const index = options.environment?.packages?.index;
  return {
    name: ToolNames.installPackages,
    title: "Install Python packages",
    description: [
      "Install Python packages for this connection's sessions, so code can import them. Packages of Pyodide's distribution (numpy, pandas, matplotlib, ...) need no install: importing them loads them. Use this for other pure-Python packages from PyPI, by name or requirement (e.g. \"tabulate\", \"python-dateutil>=2.8\"); dependencies are resolved, and every file is verified and cached.",
      `Installed packages are available in every session of this connection from the next run_python on.${index ? ` Packages come from ${index}.` : ""} A package that has no pure-Python wheel (a C extension Pyodide does not build) is refused with the reason.`,
    ].join("\n\n"),
    inputSchema: {
      type: "object",
      properties: {
        packages: {
          type: "array",
          items: { type: "string", minLength: 1, maxLength: 500 },
          minItems: 1,
          maxItems: 50,
          description: "Package names or requirements, e.g. [\"tabulate\", \"python-dateutil>=2.8\"].",
        },
      },
      required: ["packages"],
      additionalProperties: false,
    },
    outputSchema: {
      type: "object",
      properties: {
        installed: {
          type: "array",
          description: "Everything installed, dependencies included, in install order.",
          items: { type: "object", properties: { name: { type: "string" }, version: { type: "string" } }, required: ["name", "version"] },
        },
      },
      required: ["installed"],
    },
    annotations: { title: "Install Python packages", readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  };
}

const listSessionsTool: Tool = {
  name: ToolNames.listSessions,
  title: "List Python sessions",
  description: "List this connection's Python sessions (those created by run_python with `session`): name, state, number of runs, when each was last used and when it expires; and this connection's own use (runs, Python processes, memory, calls waiting). Other clients' sessions and use are never shown.",
  inputSchema: { type: "object", properties: {}, additionalProperties: false },
  outputSchema: {
    type: "object",
    properties: {
      sessions: {
        type: "array",
        description: "Open sessions, oldest first.",
        items: {
          type: "object",
          properties: {
            name: { type: "string", description: "The name given to run_python." },
            state: { type: "string", enum: ["ready", "lost"], description: "ready: usable. lost: its Python process died; the next run_python resets it." },
            run_count: { type: "number", description: "Runs started in the session." },
            created_at: { type: "string", description: "ISO 8601 time of creation." },
            last_used_at: { type: "string", description: "ISO 8601 time of the last run." },
            expires_at: { type: ["string", "null"], description: "ISO 8601 time it will be closed if no run comes first, or null when it never expires." },
            lost_reason: { type: "string", description: "Why the session was lost, when it was." },
          },
          required: ["name", "state", "run_count", "created_at", "last_used_at", "expires_at"],
        },
      },
      usage: {
        type: "object",
        description: "This connection's own use of woma (never another client's): runs started, Python processes held and busy, their memory, calls waiting.",
        properties: {
          runs: { type: "number", description: "Runs started by this connection." },
          runners: { type: "number", description: "Python processes it holds." },
          busy: { type: "number", description: "Of those, the ones running its code now." },
          memory_bytes: { type: "number", description: "Resident memory of those processes together, in bytes." },
          queued: { type: "number", description: "Its calls waiting for a Python process." },
        },
        required: ["runs", "runners", "busy", "memory_bytes", "queued"],
      },
    },
    required: ["sessions"],
  },
  annotations: { title: "List Python sessions", readOnlyHint: true, openWorldHint: false },
};

const resetSessionTool: Tool = {
  name: ToolNames.resetSession,
  title: "Reset a Python session",
  description: "Empty a session's variables, functions and imports, keeping its name, as if it had just been created. Also revives a session whose Python process died. Fails when this connection has no session of that name.",
  inputSchema: { type: "object", properties: { session: sessionNameSchema("Name of the session to reset.") }, required: ["session"], additionalProperties: false },
  outputSchema: {
    type: "object",
    properties: {
      session: { type: "string", description: "The session's name." },
      state: { type: "string", enum: ["ready", "lost"], description: "The session's state after the reset (ready)." },
    },
    required: ["session", "state"],
  },
  annotations: { title: "Reset a Python session", readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
};

const closeSessionTool: Tool = {
  name: ToolNames.closeSession,
  title: "Close a Python session",
  description: "Close a session and free its memory; its variables are gone. Closing a session that is not open (never created, already closed or expired) does nothing.",
  inputSchema: { type: "object", properties: { session: sessionNameSchema("Name of the session to close.") }, required: ["session"], additionalProperties: false },
  outputSchema: {
    type: "object",
    properties: {
      session: { type: "string", description: "The session's name." },
      closed: { type: "boolean", description: "True when an open session was closed, false when none of that name was open." },
    },
    required: ["session", "closed"],
  },
  annotations: { title: "Close a Python session", readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
};

const definitions = new WeakMap<McpOptions, Tool[]>();

/**
 * Every tool as `tools/list` returns it; descriptions state this server's limits. The same
 * array for the same options object, so the connections of one server share it (and the
 * argument validators compiled from its schemas).
 */
export function toolDefinitions(options: McpOptions): Tool[] {
  let tools = definitions.get(options);
  if (!tools) {
    tools = [runPythonTool(options), listSessionsTool, resetSessionTool, closeSessionTool];
    if (options.environment?.packages?.available) tools.push(installPackagesTool(options));
    tools.push(...fileTools(options));
    definitions.set(options, tools);
  }
  return tools;
}
