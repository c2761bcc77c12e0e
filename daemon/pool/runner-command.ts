/** Works out the command line that starts a runner: this same program, re-executed with the internal `__runner` subcommand. */
import { dirname, join, resolve } from "node:path";
import { realpathSync } from "node:fs";
import { isCompiledBinary } from "../runtime/compiled-binary.ts";

/** The command that starts a runner, and the files it must be able to read. */
export interface RunnerCommand {
  argv: string[];
  /** Paths the runner reads at start (the executable and, when run as a script, the sources). */
  readOnly: string[];
  /** Extra environment for the runner (its environment is otherwise empty). */
  env: Record<string, string>;
}

/** Flags that harden the runner's JavaScript engine: no `eval`/`Function` from strings, so a JS object reached from Python cannot be turned into code. */
const HARDENING_FLAGS = ["--disallow-code-generation-from-strings"];

/** The command that re-executes this program as a runner. */
export function runnerCommand(): RunnerCommand {
  const executable = realpathSync(process.execPath);
  if (isCompiledBinary()) {
    return { argv: [executable, "__runner"], readOnly: [executable], env: { BUN_OPTIONS: HARDENING_FLAGS.join(" ") } };
  }
  const root = resolve(import.meta.dir, "..", "..");
  const entry = join(root, "cli", "main.ts");
  // Only what a runner loads: its sources and two packages, not the checkout (.git, tests, other dependencies).
  const sources = ["cli", "daemon", "protocol", "package.json", "node_modules/vscode-jsonrpc", "node_modules/pyodide"].map((path) => join(root, path));
  return { argv: [executable, ...HARDENING_FLAGS, entry, "__runner"], readOnly: [...sources, dirname(executable)], env: {} };
}
