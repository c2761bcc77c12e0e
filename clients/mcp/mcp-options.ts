/** The MCP server's settings, shared by its transports, with their defaults. */
import { DEFAULTS } from "../../protocol/defaults.ts";
import type { NetworkInfo, PackagesInfo } from "../../protocol/generated/types.ts";

/** How the MCP server treats runs and sessions; every connection of one server shares them. */
export interface McpOptions {
  /** Longest a run may take, in ms (`--timeout`, default 30 s); a call's `timeout_seconds` is capped by it. 0 means no limit. */
  maxTimeoutMs: number;
  /** A session is closed after this long without a run, in ms (`--session-idle-timeout`, default 30 min); 0 means never. */
  sessionIdleMs: number;
  /** Give each session a runner process of its own, sharing no imported module or file (`--fresh-interpreter`). */
  freshInterpreter: boolean;
  /** Most characters of each section (stdout, stderr, result, error) put in a tool result's text; the middle is cut past it. */
  sectionChars: number;
  /** Most bytes of one image given to the model (`--max-image-bytes`, default 1 MiB); a bigger PNG is scaled down, other types are left out with a note. */
  maxImageBytes: number;
  /** Most pixels of one image (`--max-image-pixels`, default 1,150,000, about what vision models take without resizing); a bigger PNG is scaled down. */
  maxImagePixels: number;
  /** Largest MCP message accepted, in bytes (`--max-message-bytes`, default 16 MiB): a stdio line or an HTTP body; a larger one gets an error and the server carries on. */
  maxMessageBytes: number;
  /** What the daemon said in `daemon/initialize` about Python's network and packages, so the tool descriptions tell the model. Absent: not known (said as such). */
  environment?: { network?: NetworkInfo | undefined; packages?: PackagesInfo | undefined };
}

/** The defaults: 30 s per run, sessions closed after 30 min idle, shared interpreters, 8,000 characters per section, 16 MiB per message, images of at most 1 MiB and 1.15 megapixels. */
export function defaultMcpOptions(): McpOptions {
  return { maxTimeoutMs: DEFAULTS.bridgeTimeoutMs, sessionIdleMs: DEFAULTS.mcpSessionIdleMs, freshInterpreter: false, sectionChars: 8000, maxMessageBytes: 16 * 1024 * 1024, maxImageBytes: 1024 * 1024, maxImagePixels: 1_150_000 };
}

/** A duration for people and models: "30 s", "2 min", "1 h 30 min". */
export function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${Math.round((ms / 1000) * 10) / 10} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
