/** What the daemon logs of a runner's stray stdout and stderr: one plain line each, bounded in rate and in total. */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { setLogLevel } from "../../daemon/log.ts";
import { RunnerOutputLog } from "../../daemon/pool/runner-output-log.ts";

let lines: string[] = [];
const write = process.stderr.write.bind(process.stderr);
beforeEach(() => {
  lines = [];
  setLogLevel("debug");
  process.stderr.write = ((chunk: string) => (lines.push(...String(chunk).split("\n").filter(Boolean)), true)) as typeof process.stderr.write;
});
afterEach(() => {
  process.stderr.write = write;
  setLogLevel("info");
});

test("a line cannot forge another log line or move the terminal: control characters are escaped, long lines cut", () => {
  new RunnerOutputLog("r1").write("stderr", `plain\rwoma error: forged \u001b[2Jcleared ${"x".repeat(1000)}\n`);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toStartWith("woma debug: runner r1 stderr: plain\\x0dwoma error: forged \\x1b[2Jcleared xxx");
  expect(lines[0]!.length).toBeLessThan(400);
});

test("a flood is logged at a bounded rate, and what was left out is counted", () => {
  let now = 0;
  const log = new RunnerOutputLog("r2", () => now);
  log.write("stdout", "line\n".repeat(1000));
  expect(lines).toHaveLength(20);
  now += 1000;
  log.write("stdout", "later\n");
  expect(lines.slice(-2)).toEqual(["woma debug: runner r2: 980 more lines of its output were not logged (more than 5 a second)", "woma debug: runner r2 stdout: later"]);
});

test("a runner's logged output has a ceiling for its whole life", () => {
  let now = 0;
  const log = new RunnerOutputLog("r3", () => now);
  for (let i = 0; i < 2000; i++) {
    now += 1000;
    log.write("stderr", `${"y".repeat(299)}\n`);
  }
  expect(lines.at(-1)).toBe("woma debug: runner r3: 262144 characters of its output were logged; the rest of it will not be");
  expect(lines.length).toBeLessThan(900);
});
