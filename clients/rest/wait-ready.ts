/** Waits until the daemon has a Python runner ready, so the bridge answers its first request the way the original tool did. */
import type { InfoResult } from "../../protocol/generated/types.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";

/**
 * Polls `daemon/info` every 50 ms until a runner has Pyodide loaded, and resolves with that
 * answer. Rejects when the daemon reports it is degraded (no runner could start) or when
 * `timeoutMs` passes first, saying how long it waited and what the daemon last said.
 */
export async function waitUntilReady(client: DaemonClient, timeoutMs: number): Promise<InfoResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await client.info();
    if (info.pyodide_loaded) return info;
    if (info.status !== "healthy") throw new Error(`the daemon has no working Python runner (status ${info.status}); see its log above`);
    if (Date.now() > deadline) {
      const states = info.runners.map((runner) => `${runner.runner_id}: ${runner.state}`).join(", ") || "none";
      throw new Error(`no Python runner was ready after ${Math.round(timeoutMs / 1000)} s (runners: ${states})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
