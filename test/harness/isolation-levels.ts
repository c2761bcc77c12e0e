/** The isolation levels this machine can run, for suites that probe each of them the same way. */
import { spawnSync } from "node:child_process";

/** True when bubblewrap can make namespaces here (it is installed and user namespaces are allowed). */
export function bwrapWorksHere(): boolean {
  return spawnSync("bwrap", ["--unshare-all", "--ro-bind", "/", "/", "true"]).status === 0;
}

/** `process`, and `namespace` where bubblewrap works (saying so on stderr where it does not). */
export function isolationLevels(suite: string): Array<"process" | "namespace"> {
  if (bwrapWorksHere()) return ["process", "namespace"];
  process.stderr.write(`${suite}: bubblewrap does not work here, so only the process level is probed\n`);
  return ["process"];
}
