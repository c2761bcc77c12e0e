/** The flags of the HTTP servers (`woma serve`, `woma mcp --port`) that fit them into a deployment: `--instance-id` and `--drain-timeout`. */
import { hostname } from "node:os";
import type { Argv } from "yargs";
import { defaultInstanceId, instanceIdProblem } from "../clients/web/instance-id.ts";
import { timerFlagMs } from "./daemon-flags.ts";
import { UsageError } from "./usage-error.ts";

/** Seconds a drain waits for runs in flight by default: the longest a run of `woma serve` or `woma mcp` may take by default (`--timeout 30`), so one that just started can finish. */
export const DEFAULT_DRAIN_TIMEOUT_SECONDS = 30;

/** The flag names, for a command's group in `--help`. */
export const SERVICE_FLAGS = ["instance-id", "drain-timeout"];

/** Adds `--instance-id` and `--drain-timeout`; `needs` is said in their help (e.g. "with --port"). */
export function serviceFlags<T>(y: Argv<T>, needs = "") {
  return y
    .option("instance-id", {
      type: "string",
      describe: `This instance's name for balancers and clients${needs}: sent as X-Woma-Instance on every answer and put before MCP session ids (ID.<uuid>); 1 to 64 letters, digits, '-' or '_' (default: the host name's first label and the port, e.g. web-1-8000)`,
    })
    .option("drain-timeout", {
      type: "number",
      describe: `Seconds SIGTERM lets runs in flight finish${needs} (new ones get 503) before what still runs is interrupted and the server exits; a second SIGTERM stops at once (default ${DEFAULT_DRAIN_TIMEOUT_SECONDS})`,
    });
}

/** The checked `--instance-id`, or undefined when not given (the id is then made once the port is bound, see {@link instanceIdFor}). */
export function instanceIdFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = instanceIdProblem(value);
  if (problem !== undefined) throw new UsageError(`--instance-id ${problem}`);
  return value;
}

/** The instance's id: `--instance-id`, else the host name's first label and the bound port. */
export function instanceIdFor(flag: string | undefined, port: number): string {
  return flag ?? defaultInstanceId(hostname(), port);
}

/** `--drain-timeout` in ms (its default when not given). */
export function drainTimeoutMs(seconds: number | undefined): number {
  return timerFlagMs("drain-timeout", seconds ?? DEFAULT_DRAIN_TIMEOUT_SECONDS);
}
