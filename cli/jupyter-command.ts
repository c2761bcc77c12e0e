/** `woma jupyter install|list|uninstall|kernel`: woma as a Jupyter kernel, and the kernelspecs that let front ends start it. */
import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import yargs, { type Argv, type CommandModule } from "yargs";
import { errorMessage } from "../protocol/describe.ts";
import type { SpecLocation } from "../clients/jupyter/kernelspec.ts";
import { isCompiledBinary } from "../daemon/runtime/compiled-binary.ts";
import { setLogLevel } from "../daemon/log.ts";
import { daemonFlags, daemonOptionsFrom, exitAfterFlush } from "./daemon-flags.ts";

/** Display outputs a cell may make in the kernel: notebooks show many more than a tool call does (the daemon's default is 32). */
const KERNEL_MAX_DISPLAYS = 256;

function kernelFlags<T>(y: Argv<T>) {
  return daemonFlags(y)
    .option("f", { alias: "connection-file", type: "string", demandOption: true, describe: "The connection file a Jupyter front end wrote ({connection_file} in kernel.json); one is written, with free ports, when it does not exist" })
    .option("connect", { type: "string", describe: "Use the daemon listening on this Unix socket instead of starting one" })
    .option("trust-outputs", {
      type: "boolean",
      default: false,
      describe:
        "Pass every representation a cell makes to the front end as it is: HTML with scripts, JavaScript, widget and plugin types. Without it only what a browser shows without running code goes out (HTML cleaned), since a notebook runs such code with your Jupyter session's access. Only for code you trust",
    })
    .option("max-displays", { type: "number", default: KERNEL_MAX_DISPLAYS, describe: "Display outputs (display(), updates, clear_output, figures) kept per cell; later ones are dropped and counted (0: none)" });
}

type KernelArgs = ReturnType<typeof kernelFlags<object>> extends Argv<infer U> ? U : never;

/** Where a kernelspec goes, from --user, --prefix and --sys-prefix (at most one). */
interface LocationArgs {
  user?: boolean;
  prefix?: string;
  "sys-prefix"?: boolean;
}

function locationFlags<T>(y: Argv<T>) {
  return y
    .option("user", { type: "boolean", describe: "The user's Jupyter data directory (the default), e.g. ~/.local/share/jupyter/kernels" })
    .option("prefix", { type: "string", describe: "PREFIX/share/jupyter/kernels, e.g. a virtual environment's prefix" })
    .option("sys-prefix", { type: "boolean", describe: "The active Python environment's prefix ($CONDA_PREFIX, $VIRTUAL_ENV, else python3's sys.prefix)" })
    .check((args) => {
      if ([args.user, args.prefix !== undefined, args["sys-prefix"]].filter(Boolean).length > 1) throw new Error("give at most one of --user, --prefix DIR and --sys-prefix");
      return true;
    });
}

/** The prefix of the Python environment Jupyter runs in. */
function sysPrefix(): string {
  const fromEnv = process.env.CONDA_PREFIX || process.env.VIRTUAL_ENV;
  if (fromEnv) return fromEnv;
  const probe = spawnSync("python3", ["-c", "import sys; print(sys.prefix)"], { encoding: "utf8" });
  const prefix = probe.stdout?.trim();
  if (probe.status !== 0 || !prefix) throw new Error("--sys-prefix: no active environment ($CONDA_PREFIX, $VIRTUAL_ENV) and python3 could not say its sys.prefix; give --prefix DIR instead");
  return prefix;
}

function specLocation(args: LocationArgs): SpecLocation {
  if (args.prefix !== undefined) return { kind: "prefix" as const, prefix: args.prefix };
  if (args["sys-prefix"]) return { kind: "prefix" as const, prefix: sysPrefix() };
  return { kind: "user" as const };
}

/** How kernel.json starts woma, from anywhere: the binary itself, or Bun with this checkout's entry point. */
function womaCommand(): string[] {
  const executable = realpathSync(process.execPath);
  return isCompiledBinary() ? [executable] : [executable, resolve(import.meta.dir, "main.ts")];
}

/** Checks the daemon flags meant for kernel.json now, as the kernel will parse them, so a typo fails at install and not at every start. */
function checkKernelFlags(flags: string[]): void {
  let problem: string | undefined;
  const parsed = kernelFlags(yargs([...flags, "-f", "check.json"]))
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      problem = error?.message ?? message;
    })
    .help(false)
    .version(false)
    .parseSync();
  if (problem !== undefined) throw new Error(`the flags after -- are not ones 'woma jupyter kernel' takes: ${problem}`);
  daemonOptionsFrom(parsed as unknown as KernelArgs, { timeoutSeconds: 0, spares: 0 });
}

async function report(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`woma: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  }
}

const installCommand: CommandModule<object, LocationArgs & { name: string; "display-name": string; "--"?: Array<string | number> }> = {
  command: "install",
  describe: "Write a kernelspec (kernels/NAME/kernel.json) so Jupyter front ends can start woma; daemon flags for the kernel go after --",
  builder: (y) =>
    locationFlags(y)
      .option("name", { type: "string", default: "woma", describe: "The kernel's name (what `jupyter console --kernel NAME` takes)" })
      .option("display-name", { type: "string", default: "Python (woma)", describe: "The name front ends show" })
      .parserConfiguration({ "populate--": true }),
  handler: (args) =>
    report(async () => {
      const { installKernel, kernelJson } = await import("../clients/jupyter/kernelspec.ts");
      const flags = (args["--"] ?? []).map(String);
      checkKernelFlags(flags);
      const directory = installKernel(specLocation(args), args.name, kernelJson(womaCommand(), args["display-name"], flags));
      process.stdout.write(`installed kernel ${JSON.stringify(args.name)} ("${args["display-name"]}") in ${directory}\n`);
    }),
};

const listCommand: CommandModule<object, { prefix?: string }> = {
  command: "list",
  describe: "List woma's kernelspecs where Jupyter looks for them (or only under --prefix DIR)",
  builder: (y) => y.option("prefix", { type: "string", describe: "Only PREFIX/share/jupyter/kernels" }),
  handler: (args) =>
    report(async () => {
      const { kernelsDir, listKernels, searchedKernelDirs } = await import("../clients/jupyter/kernelspec.ts");
      const dirs = args.prefix === undefined ? searchedKernelDirs() : [kernelsDir({ kind: "prefix", prefix: args.prefix })];
      const kernels = listKernels(dirs);
      if (kernels.length === 0) {
        process.stdout.write(`no woma kernel in ${dirs.join(", ")}; add one with 'woma jupyter install'\n`);
        return;
      }
      const width = Math.max(...kernels.map((kernel) => kernel.name.length));
      for (const kernel of kernels) process.stdout.write(`${kernel.name.padEnd(width)}  ${kernel.directory}  (${kernel.displayName})\n`);
    }),
};

const uninstallCommand: CommandModule<object, LocationArgs & { name: string }> = {
  command: "uninstall",
  describe: "Remove a woma kernelspec (never another kernel's)",
  builder: (y) => locationFlags(y).option("name", { type: "string", default: "woma", describe: "The kernel's name" }),
  handler: (args) =>
    report(async () => {
      const { uninstallKernel } = await import("../clients/jupyter/kernelspec.ts");
      process.stdout.write(`removed ${uninstallKernel(specLocation(args), args.name)}\n`);
    }),
};

const kernelCommand: CommandModule<object, KernelArgs> = {
  command: "kernel",
  describe: "Run as a Jupyter kernel on a connection file (what kernel.json starts); one kernel is one woma session",
  builder: (y) => kernelFlags(y),
  handler: async (args) => {
    // A front end shows the kernel's stderr: only warnings and errors unless asked.
    if (args["log-level"] === undefined) setLogLevel("warn");
    // Notebooks have no run timeout unless one is asked for: a long cell is the user's to interrupt.
    const options = daemonOptionsFrom(args, { timeoutSeconds: 0, spares: 0 });
    const { openDaemon } = await import("./embedded-daemon.ts");
    const daemon = await openDaemon(options, args.connect);
    const { runKernelProcess } = await import("../clients/jupyter/kernel-process.ts");
    let code = 1;
    try {
      code = await runKernelProcess({
        connectionFile: resolve(args.f),
        client: daemon.client,
        closeDaemon: () => daemon.close(),
        maxMessageBytes: options.maxMessageBytes,
        trustOutputs: args["trust-outputs"],
        daemonName: args.connect === undefined ? "the embedded daemon" : `the daemon at ${args.connect}`,
      });
    } catch (error) {
      process.stderr.write(`woma jupyter: ${errorMessage(error)}\n`);
      await daemon.close();
    }
    exitAfterFlush(code);
  },
};

/** `woma jupyter`: kernelspecs and the kernel itself. */
export const jupyterCommand: CommandModule = {
  command: "jupyter <command>",
  describe: "woma as a Jupyter kernel: install a kernelspec for JupyterLab, Notebook, VS Code and jupyter console, list or remove it; `kernel` is what they start",
  builder: (y) => y.command(installCommand).command(listCommand).command(uninstallCommand).command(kernelCommand).demandCommand(1),
  handler: () => {},
};
