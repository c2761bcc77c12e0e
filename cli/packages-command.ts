/** `woma packages list|fetch|mirror`: what Pyodide's lock offers, filling the package cache, and writing an offline mirror. */
import { DEFAULTS } from "../protocol/defaults.ts";
import { errorMessage, formatSize } from "../protocol/describe.ts";
import type { Argv, CommandModule } from "yargs";
import { expandHome } from "../daemon/daemon-options.ts";
import type { DownloadProgress } from "../daemon/packages/verified-download.ts";
import { mapLimited } from "../daemon/packages/concurrency.ts";
import { PackageError } from "../daemon/packages/package-error.ts";
import type { PackageStore } from "../daemon/packages/package-store.ts";
import { maxPackageBytesFrom, packageSourceFlags } from "./daemon-flags.ts";
import { UsageError } from "./usage-error.ts";

function commonFlags<T>(y: Argv<T>) {
  return packageSourceFlags(y).option("pyodide-cache", { type: "string", default: DEFAULTS.cacheDir, describe: "Cache directory; packages go to <dir>/packages/<pyodide version>/ (~ is expanded)" });
}

/** The flags every `woma packages` subcommand shares. */
interface CommonArgs {
  "pyodide-cache": string;
  "packages-url"?: string | undefined;
  "pypi-index"?: string | undefined;
  "max-package-bytes"?: number | undefined;
}

async function openStore(args: CommonArgs): Promise<PackageStore> {
  const { openPackageStore } = await import("../daemon/packages/open-store.ts");
  return openPackageStore({ cacheDir: expandHome(args["pyodide-cache"]), packagesUrl: args["packages-url"], pypiIndex: args["pypi-index"], maxPackageBytes: maxPackageBytesFrom(args) });
}

/** A lock name as given, or the package that provides a module of that name (`cv2` → opencv-python); unknown names pass through to be refused with suggestions. */
function packageName(store: PackageStore, name: string): string {
  return store.lock.get(name) ? name : (store.lock.packageForImport(name) ?? name);
}

/** Runs a command's work; a failure is printed as `woma: message` and exits 1 (usage errors keep yargs' exit 2). */
async function reportFailure(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`woma: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  }
}

/** One line per failure, except that packages whose source could not be reached share one line (a network outage is one problem, not 30). */
function describeFailures(failures: Array<{ name: string; error: unknown }>): string {
  const unreachable = failures.filter(({ error }) => error instanceof PackageError && error.code === "SOURCE_UNREACHABLE");
  const lines = failures.filter((failure) => !unreachable.includes(failure)).map(({ error }) => errorMessage(error));
  const first = unreachable[0];
  if (first) {
    const others = unreachable.slice(1).map(({ name }) => name);
    lines.push(`${(first.error as Error).message}${others.length > 0 ? ` (the same for ${others.join(", ")})` : ""}`);
  }
  return `${failures.length} package${failures.length === 1 ? "" : "s"} could not be fetched:\n  ${lines.join("\n  ")}`;
}

/**
 * Reports downloads on stderr: a redrawn bar on a terminal (at most ten times a second),
 * one line per finished file otherwise, so logs and pipes stay readable.
 */
function progressReporter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (progress: DownloadProgress) => void; finish: () => void; downloaded: Map<string, number> } {
  const active = new Map<string, DownloadProgress>();
  const downloaded = new Map<string, number>();
  let lastDraw = 0;
  let drawn = false;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    let done = 0;
    let total = 0;
    let known = true;
    for (const progress of active.values()) {
      done += progress.bytesDone;
      if (progress.bytesTotal === undefined) known = false;
      else total += progress.bytesTotal;
    }
    const names = [...active.keys()].join(", ");
    const width = 24;
    const fraction = known && total > 0 ? Math.min(1, done / total) : 0;
    const bar = known ? `[${"#".repeat(Math.round(fraction * width)).padEnd(width, ".")}] ${Math.round(fraction * 100)}%` : `[${formatSize(done)}]`;
    const columns = stream.columns || 80;
    stream.write(`\r\x1b[K${`${bar} ${formatSize(done)}${known ? ` of ${formatSize(total)}` : ""} ${names}`.slice(0, columns - 1)}`);
    drawn = true;
  };
  const onProgress = (progress: DownloadProgress) => {
    if (progress.done) {
      active.delete(progress.name);
      downloaded.set(progress.name, progress.bytesDone);
      if (stream.isTTY) {
        stream.write(`\r\x1b[K`);
        drawn = false;
      }
      stream.write(`downloaded ${progress.fileName} (${formatSize(progress.bytesDone)})\n`);
      if (stream.isTTY && active.size > 0) draw(true);
      return;
    }
    active.set(progress.name, progress);
    if (stream.isTTY) draw(false);
  };
  const finish = () => {
    if (drawn) stream.write(`\r\x1b[K`);
  };
  return { onProgress, finish, downloaded };
}

function listCommand(): CommandModule<object, CommonArgs & { cached: boolean; json: boolean }> {
  return {
    command: "list",
    describe: "List the packages Pyodide's lock (or the mirror's) offers, and which are cached",
    builder: (y) =>
      commonFlags(y)
        .option("cached", { type: "boolean", default: false, describe: "Only the cached ones" })
        .option("json", { type: "boolean", default: false, describe: "Print JSON (one array) instead of a table" }),
    handler: (args) =>
      reportFailure(async () => {
        const store = await openStore(args);
        const all = await store.list();
        const rows = all.filter((row) => !args.cached || row.cached);
        if (args.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        const nameWidth = Math.max(4, ...rows.map((row) => row.name.length));
        const versionWidth = Math.max(7, ...rows.map((row) => row.version.length));
        const lines = [`${"NAME".padEnd(nameWidth)}  ${"VERSION".padEnd(versionWidth)}  CACHED  IMPORTS`];
        for (const row of rows) lines.push(`${row.name.padEnd(nameWidth)}  ${row.version.padEnd(versionWidth)}  ${(row.cached ? "yes" : "-").padEnd(6)}  ${row.imports.join(", ")}`);
        lines.push("", `${all.length} packages in ${store.lock.origin}; ${all.filter((row) => row.cached).length} cached in ${store.cacheDir}`);
        process.stdout.write(`${lines.join("\n")}\n`);
      }),
  };
}

function fetchCommand(): CommandModule<object, CommonArgs & { names?: string[]; all: boolean }> {
  return {
    command: "fetch [names..]",
    describe: "Download packages (with their dependencies) into the cache, checking each sha256, for later use offline",
    builder: (y) =>
      commonFlags(y)
        .positional("names", { type: "string", array: true, describe: "Package names from the lock (module names such as cv2 work too)" })
        .option("all", { type: "boolean", default: false, describe: "Every package of the lock" })
        .check((args) => {
          if (args.all === ((args.names?.length ?? 0) > 0)) throw new UsageError("give package names or --all (not both)");
          return true;
        }),
    handler: (args) =>
      reportFailure(async () => {
        const store = await openStore(args);
        const names = args.all ? store.lock.names() : (args.names ?? []).map((name) => packageName(store, name));
        // Unknown names are refused before anything is downloaded.
        const packages = store.lock.resolve(names);
        const progress = progressReporter();
        const failures: Array<{ name: string; error: unknown }> = [];
        // One package at a time through ensure(), so one bad file does not stop the rest; shared dependencies download once.
        const ready = await mapLimited(packages, 4, (pkg) =>
          store.ensure([pkg.name], { onProgress: progress.onProgress }).then(
            (wheels) => wheels.at(-1),
            (error: unknown) => {
              failures.push({ name: pkg.name, error });
              return undefined;
            },
          ),
        );
        progress.finish();
        const fine = ready.filter((wheel) => wheel !== undefined);
        const fetched = fine.filter((wheel) => progress.downloaded.has(wheel.name)).length;
        if (fine.length > 0) process.stdout.write(`${fine.length} package${fine.length === 1 ? "" : "s"} ready in ${store.cacheDir} (${fetched} downloaded, ${fine.length - fetched} already cached): ${fine.map((wheel) => `${wheel.name} ${wheel.version}`).join(", ")}\n`);
        if (failures.length > 0) throw new Error(describeFailures(failures));
      }),
  };
}

function mirrorCommand(): CommandModule<object, CommonArgs & { dir: string; names?: string[]; all: boolean; cached: boolean; wheels?: string }> {
  return {
    command: "mirror <dir> [names..]",
    describe: "Write a mirror (pyodide-lock.json plus wheels) to a directory, for a machine with no network: --packages-url DIR there",
    builder: (y) =>
      commonFlags(y)
        .positional("dir", { type: "string", demandOption: true, describe: "Directory to write (created; an earlier mirror there is added to)" })
        .positional("names", { type: "string", array: true, describe: "Packages to include, with their dependencies" })
        .option("cached", { type: "boolean", default: false, describe: "Every package already in the cache (no download)" })
        .option("all", { type: "boolean", default: false, describe: "Every package of the lock (downloads what is missing)" })
        .option("wheels", { type: "string", describe: "Also add every .whl in this folder (e.g. from pip download), listed with the sha256 each file really has" })
        .check((args) => {
          const choices = [args.all, args.cached, (args.names?.length ?? 0) > 0].filter(Boolean).length;
          if (choices > 1 || (choices === 0 && args.wheels === undefined)) throw new UsageError("give package names, --cached or --all (one of them), and/or --wheels FOLDER");
          return true;
        }),
    handler: (args) =>
      reportFailure(async () => {
        const store = await openStore(args);
        const dir = expandHome(args.dir);
        const chosen = args.all || args.cached || (args.names?.length ?? 0) > 0;
        const selection = args.all ? "all" : args.cached ? "cached" : (args.names ?? []).map((name) => packageName(store, name));
        const progress = progressReporter();
        try {
          let summary = chosen ? await store.writeMirror(dir, selection, { onProgress: progress.onProgress }) : undefined;
          progress.finish();
          if (args.wheels !== undefined) {
            const added = await store.addWheelsToMirror(dir, expandHome(args.wheels));
            summary = { ...added, copied: added.copied + (summary?.copied ?? 0), bytes: added.bytes + (summary?.bytes ?? 0) };
          }
          if (summary) process.stdout.write(`mirror ${summary.dir}: ${summary.packages.length} packages (${summary.copied} files copied, ${formatSize(summary.bytes)}); use it with --packages-url ${summary.dir}\n`);
        } finally {
          progress.finish();
        }
      }),
  };
}

/** `woma packages`: list, fetch and mirror Pyodide's packages. */
export const packagesCommand: CommandModule = {
  command: "packages",
  describe: "Pyodide's packages: list what is offered and cached, fetch into the cache, write an offline mirror",
  builder: (y) => {
    commands = y.command(listCommand()).command(fetchCommand()).command(mirrorCommand());
    return commands;
  },
  // No subcommand: what there is to do, rather than a complaint about a missing argument.
  handler: () => void commands?.showHelp("log"),
};
let commands: Argv | undefined;
