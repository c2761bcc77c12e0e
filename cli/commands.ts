/** The command line: parses flags with yargs and starts the REPL, the bare daemon or a bridge. */
import yargs, { type Argv } from "yargs";
import { defaultDaemonOptions, expandHome, type DaemonOptions } from "../daemon/daemon-options.ts";
import { setLogLevel, type LogLevel } from "../daemon/log.ts";
import { WOMA_VERSION } from "../protocol/version.ts";

/** Flags that shape a daemon, shared by every command that may start one. */
function daemonFlags<T>(y: Argv<T>) {
  const defaults = defaultDaemonOptions();
  return y
    .option("workers", { type: "number", default: defaults.workers, describe: "Runners executing in parallel (0: one runner, no warm spare)" })
    .option("pyodide-cache", { type: "string", default: "~/.pyodide-env", describe: "Cache directory for the Pyodide snapshot (~ is expanded)" })
    .option("isolation", { choices: ["auto", "namespace", "process"] as const, default: "auto" as const, describe: "How runners are isolated (auto: namespace when available)" })
    .option("timeout", { type: "number", describe: "Default timeout of a run, in seconds (0: none)" })
    .option("max-output", { type: "number", default: defaults.maxOutputBytes, describe: "Bytes of stdout (and of stderr) kept per run" })
    .option("memory-limit", { type: "number", default: defaults.memoryLimitBytes / 1048576, describe: "MiB of memory a runner may use before it is killed (0: no limit)" })
    .option("max-queue", { type: "number", default: defaults.maxQueue, describe: "Runs that may wait for a runner before new ones are refused" })
    .option("snapshot", { type: "boolean", default: true, describe: "Boot runners from a memory snapshot (--no-snapshot to boot plain)" })
    .option("log-level", { choices: ["debug", "info", "warn", "error", "silent"] as const, describe: "Lowest level of log lines printed to stderr" });
}

interface DaemonArgs {
  workers: number;
  "pyodide-cache": string;
  isolation: "auto" | "namespace" | "process";
  timeout?: number;
  "max-output": number;
  "memory-limit": number;
  "max-queue": number;
  snapshot: boolean;
}

function checkedCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}, got ${value}`);
  return value;
}

/** Turns parsed flags into daemon options; `defaultTimeoutSeconds` applies when --timeout is absent. */
export function daemonOptionsFrom(args: DaemonArgs, defaultTimeoutSeconds: number): DaemonOptions {
  const timeout = args.timeout ?? defaultTimeoutSeconds;
  if (!(timeout >= 0)) throw new Error(`--timeout must be a number of seconds, 0 or more, got ${args.timeout}`);
  return {
    ...defaultDaemonOptions(),
    workers: checkedCount("workers", args.workers, 0),
    cacheDir: expandHome(args["pyodide-cache"]),
    isolation: args.isolation,
    defaultTimeoutMs: Math.round(timeout * 1000),
    maxOutputBytes: checkedCount("max-output", args["max-output"], 0),
    memoryLimitBytes: checkedCount("memory-limit", args["memory-limit"], 0) * 1048576,
    maxQueue: checkedCount("max-queue", args["max-queue"], 0),
    snapshot: args.snapshot,
  };
}

/** Parses `argv` (without the program name) and runs the chosen command. */
export async function main(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName("woma")
    .version(WOMA_VERSION)
    .strict()
    .middleware((args) => {
      const level = args["log-level"] as LogLevel | undefined;
      // The REPL keeps the terminal for Python: only warnings and errors by default.
      setLogLevel(level ?? (args._.length === 0 ? "warn" : "info"));
    })
    .command(
      "$0",
      "Interactive Python (the REPL), with Python's >>> prompt; reads piped input too",
      (y) =>
        daemonFlags(y)
          .option("reset-globals", { type: "boolean", default: false, describe: "Run each input in fresh globals, thrown away afterwards" })
          .option("connect", { type: "string", describe: "Use the daemon listening on this Unix socket instead of starting one" }),
      async (args) => {
        // Each command loads only its own modules, so the REPL does not pay for the bridges.
        const { openDaemon } = await import("./embedded-daemon.ts");
        const daemon = await openDaemon(daemonOptionsFrom(args, 0), args.connect);
        const { runRepl } = await import("../clients/repl/repl.ts");
        const code = await runRepl(daemon.client, { resetGlobals: args["reset-globals"], embedded: daemon.embedded });
        await daemon.close();
        exitAfterFlush(code);
      },
    )
    .command(
      "daemon",
      "The bare daemon: JSON-RPC on stdio or on a Unix socket",
      (y) =>
        daemonFlags(y)
          .option("stdio", { type: "boolean", describe: "Speak JSON-RPC on stdin/stdout" })
          .option("socket", { type: "string", describe: "Listen on this Unix socket path (created owner-only)" })
          .check((args) => {
            if (Boolean(args.stdio) === Boolean(args.socket)) throw new Error("give exactly one of --stdio or --socket PATH");
            return true;
          }),
      async (args) => {
        const options = daemonOptionsFrom(args, 60);
        const { serveDaemon } = await import("../daemon/serve.ts");
        await serveDaemon(options, args.socket ? { kind: "socket", path: expandHome(args.socket) } : { kind: "stdio" });
        exitAfterFlush(0);
      },
    )
    .help()
    .alias("h", "help")
    .fail((message, error) => {
      process.stderr.write(`woma: ${error?.message ?? message}\nRun 'woma --help' for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
}

/** Exits once stdout has been written out, so a last answer on a pipe is not lost. */
function exitAfterFlush(code: number): void {
  process.stdout.write("", () => process.exit(code));
}
