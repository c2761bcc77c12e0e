/** Jupyter connection files: reading and checking the one a front end wrote, or writing one for a kernel started by hand. */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** The five channels a connection file gives a port (or, over ipc, a path suffix) to. */
export const CHANNELS = ["shell", "iopub", "stdin", "control", "hb"] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** What a connection file says. */
export interface ConnectionInfo {
  transport: "tcp" | "ipc";
  /** An address for tcp (`*` means every interface), a path prefix for ipc. */
  ip: string;
  key: string;
  signature_scheme: string;
  kernel_name: string;
  ports: Record<ChannelName, number>;
}

const describe = (value: unknown) => (value === undefined ? "nothing" : JSON.stringify(value)?.slice(0, 60) ?? String(value));

/** Checks a parsed connection file; throws naming the field that is wrong, expected against found. */
export function parseConnectionInfo(raw: unknown, path: string): ConnectionInfo {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new Error(`connection file ${path}: expected a JSON object, found ${describe(raw)}`);
  const file = raw as Record<string, unknown>;
  const transport = file.transport ?? "tcp";
  if (transport !== "tcp" && transport !== "ipc") throw new Error(`connection file ${path}: "transport" must be "tcp" or "ipc", found ${describe(transport)}`);
  const ip = file.ip ?? (transport === "tcp" ? "127.0.0.1" : "kernel-ipc");
  if (typeof ip !== "string" || ip === "") throw new Error(`connection file ${path}: "ip" must be a non-empty string, found ${describe(ip)}`);
  const key = file.key ?? "";
  if (typeof key !== "string") throw new Error(`connection file ${path}: "key" must be a string, found ${describe(key)}`);
  const scheme = file.signature_scheme ?? "hmac-sha256";
  if (scheme !== "hmac-sha256") throw new Error(`connection file ${path}: "signature_scheme" must be "hmac-sha256" (the only one woma signs with), found ${describe(scheme)}`);
  const ports = {} as Record<ChannelName, number>;
  for (const channel of CHANNELS) {
    const port = file[`${channel}_port`] ?? 0;
    if (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65535) throw new Error(`connection file ${path}: "${channel}_port" must be a whole number from 0 to 65535, found ${describe(port)}`);
    ports[channel] = port as number;
  }
  const kernelName = typeof file.kernel_name === "string" ? file.kernel_name : "";
  return { transport, ip, key, signature_scheme: scheme, kernel_name: kernelName, ports };
}

/**
 * The connection file at `path`, or, when there is none, a new one for a kernel started by
 * hand: loopback, a random key, ports the kernel picks when it binds (written back then).
 */
export function readConnectionFile(path: string): { info: ConnectionInfo; created: boolean } {
  if (!existsSync(path)) {
    const info: ConnectionInfo = { transport: "tcp", ip: "127.0.0.1", key: randomBytes(32).toString("hex"), signature_scheme: "hmac-sha256", kernel_name: "woma", ports: { shell: 0, iopub: 0, stdin: 0, control: 0, hb: 0 } };
    return { info, created: true };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`connection file ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  return { info: parseConnectionInfo(raw, path), created: false };
}

/** Writes a connection file (owner-only: it holds the key) with the ports actually bound. */
export function writeConnectionFile(path: string, info: ConnectionInfo): void {
  const file: Record<string, unknown> = { transport: info.transport, ip: info.ip, key: info.key, signature_scheme: info.signature_scheme, kernel_name: info.kernel_name };
  for (const channel of CHANNELS) file[`${channel}_port`] = info.ports[channel];
  writeFileSync(path, `${JSON.stringify(file, null, 1)}\n`, { mode: 0o600 });
}
