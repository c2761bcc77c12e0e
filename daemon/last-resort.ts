/** The daemon process's last line of defence: an error nothing else caught is logged, and the daemon carries on serving. */
import { log } from "./log.ts";

let installed = false;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Logs uncaught exceptions and unhandled rejections instead of letting them end the
 * process: one connection's bad luck must not cost every other client its sessions. Every
 * known path already handles its own errors; this is for the one nobody foresaw, and each
 * occurrence is logged at `error` as a bug to fix. Safe to call more than once.
 */
export function keepServingOnUncaughtErrors(): void {
  if (installed) return;
  installed = true;
  process.on("uncaughtException", (error) => log("error", `uncaught exception (a bug; the daemon carries on): ${describe(error)}`));
  process.on("unhandledRejection", (reason) => log("error", `unhandled rejection (a bug; the daemon carries on): ${describe(reason)}`));
}
