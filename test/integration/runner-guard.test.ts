/** A runner that breaks the runner protocol is killed as a protocol violation; the daemon side carries on. Real processes, no Pyodide. */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { DaemonError } from "../../daemon/daemon-error.ts";
import { RunnerProcess } from "../../daemon/pool/runner-process.ts";
import { REPO_ROOT } from "../harness/paths.ts";

const ROGUE = join(REPO_ROOT, "test", "fixtures", "rogue-runner.ts");
const params = { runId: "run-1", sessionId: null, fresh: true, code: "1", maxOutputBytes: 1000, maxResultChars: 1000, maxDisplayBytes: 1000, maxDisplays: 2 };

async function rogue(mode: string) {
  return RunnerProcess.start("rogue", "shared", {
    argv: [process.execPath, ROGUE, mode],
    env: {},
    boot: { runnerId: "rogue", indexURL: "/nowhere/", boot: { kind: "plain" } },
    maxMessageBytes: 1024 * 1024,
  });
}

describe("the runner guard", () => {
  test.each([
    ["garbage", "bad frame"],
    ["forged-id", "which was never asked"],
    ["second-result", "which was never asked or was already answered"],
    ["huge-frame", "larger than the limit"],
    ["wrong-run-output", "which is not running"],
    ["malformed-result", "does not match the runner protocol"],
    ["over-cap", "over the 1000-byte cap"],
    ["output-in-result", "must NOT have additional properties"],
    ["request", "runners may not make"],
    ["display-flood", "more display outputs than the 2 the run allows"],
    ["display-too-big", "its display output of 2000 bytes is over the 1000-byte cap"],
    ["display-not-base64", "image/png is not base64"],
    ["display-wrong-run", "a display output for run \"someone-else\", which is not running"],
    ["display-no-text", "must have required property 'text/plain'"],
    ["display-metadata", "its display output's metadata of"],
    ["display-deep-metadata", "its display output's metadata nests deeper than 32 levels"],
    ["output-flood", "it sent 1200 bytes of stdout output, over the 1000-byte cap"],
    ["long-error-type", "must NOT have more than 256 characters"],
    ["request-flood", "it has 256 requests unanswered, the most a runner may have"],
    ["input-wrong-run", "runner/input for run \"someone-else\", which is not running"],
    ["input-huge-prompt", "must NOT have more than 4096 characters"],
  ])("a runner that sends %s is killed as a protocol violation (%s)", async (mode, says) => {
    const { runner } = await rogue(mode);
    let failure: unknown;
    const outcome = await runner.run(params, () => {}).then(
      (result) => result,
      (error: unknown) => {
        failure = error;
        return undefined;
      },
    );
    const reason = await runner.exited;
    expect(reason).toContain("runner protocol violation");
    expect(reason).toContain(says);
    expect(runner.alive).toBe(false);
    // The forged second answer never became the run's result: either the run failed, or it got the genuine first one.
    if (outcome) expect(outcome.result).toBe("'genuine'");
    else {
      expect(failure).toBeInstanceOf(DaemonError);
      expect((failure as DaemonError).code).toBe("RUNNER_DIED");
    }
  });
});
