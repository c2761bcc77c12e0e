/** Jupyter kernelspecs for woma: where Jupyter looks for them, and installing, listing and removing woma's. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { WOMA_VERSION } from "../../protocol/version.ts";

/** A kernelspec on disk. */
export interface InstalledKernel {
  name: string;
  /** The directory holding kernel.json. */
  directory: string;
  displayName: string;
  argv: string[];
  /** True when woma wrote it (its metadata says so). */
  woma: boolean;
}

/** Where a kernelspec goes: the user's Jupyter data directory, or `PREFIX/share/jupyter`. */
export type SpecLocation = { kind: "user" } | { kind: "prefix"; prefix: string };

/** The kernel name Jupyter accepts (jupyter_client's rule): letters, digits, `.`, `_` and `-`. */
const NAME = /^[a-z0-9._-]+$/i;

/** The user's Jupyter data directory, as jupyter_core computes it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JUPYTER_DATA_DIR) return resolve(env.JUPYTER_DATA_DIR);
  if (process.platform === "darwin") return join(homedir(), "Library", "Jupyter");
  if (process.platform === "win32") return join(env.APPDATA ?? homedir(), "jupyter");
  return join(env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "jupyter");
}

/** The `kernels` directory of a location. */
export function kernelsDir(location: SpecLocation, env: NodeJS.ProcessEnv = process.env): string {
  return location.kind === "user" ? join(userDataDir(env), "kernels") : join(resolve(location.prefix), "share", "jupyter", "kernels");
}

/** Every `kernels` directory Jupyter searches, in its order: JUPYTER_PATH, the user's, the active environment's, then the system's. */
export function searchedKernelDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = (env.JUPYTER_PATH ?? "").split(":").filter(Boolean).map((dir) => join(resolve(dir), "kernels"));
  dirs.push(kernelsDir({ kind: "user" }, env));
  for (const prefix of [env.CONDA_PREFIX, env.VIRTUAL_ENV]) if (prefix) dirs.push(kernelsDir({ kind: "prefix", prefix }, env));
  dirs.push("/usr/local/share/jupyter/kernels", "/usr/share/jupyter/kernels");
  return [...new Set(dirs)];
}

/** The content of a woma kernel.json: `argv` runs `woma jupyter kernel -f {connection_file}` with the daemon flags given. */
export function kernelJson(command: readonly string[], displayName: string, flags: readonly string[]): Record<string, unknown> {
  return {
    argv: [...command, "jupyter", "kernel", "-f", "{connection_file}", ...flags],
    display_name: displayName,
    language: "python",
    // The kernel takes interrupt_request on the control channel (a signal would reach Bun, not Python).
    interrupt_mode: "message",
    metadata: { debugger: false, woma: { version: WOMA_VERSION } },
  };
}

/** Checks a kernel name; throws naming the rule. */
export function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`--name must be letters, digits, '.', '_' or '-' (Jupyter's rule for kernel names), got ${JSON.stringify(name)}`);
  return name.toLowerCase();
}

/** Writes `kernels/NAME/kernel.json` at a location; returns its directory. An existing woma spec of that name is replaced; another kernel's is not. */
export function installKernel(location: SpecLocation, name: string, spec: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): string {
  const directory = join(kernelsDir(location, env), checkName(name));
  const existing = readKernel(directory, name);
  if (existing !== undefined && !existing.woma) throw new Error(`${directory} holds another kernel (${JSON.stringify(existing.displayName)}), not woma's; choose another --name`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "kernel.json"), `${JSON.stringify(spec, null, 1)}\n`);
  return directory;
}

/** The kernelspec in `directory`, or undefined when there is none or it is not readable JSON. */
export function readKernel(directory: string, name: string): InstalledKernel | undefined {
  try {
    const spec = JSON.parse(readFileSync(join(directory, "kernel.json"), "utf8")) as { argv?: unknown; display_name?: unknown; metadata?: { woma?: unknown } };
    return {
      name,
      directory,
      displayName: typeof spec.display_name === "string" ? spec.display_name : name,
      argv: Array.isArray(spec.argv) ? spec.argv.map(String) : [],
      woma: spec.metadata !== null && typeof spec.metadata === "object" && spec.metadata.woma !== undefined,
    };
  } catch {
    return undefined;
  }
}

/** woma's kernelspecs in the given `kernels` directories, the first of each name winning (as in Jupyter). */
export function listKernels(dirs: readonly string[]): InstalledKernel[] {
  const found = new Map<string, InstalledKernel>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (found.has(name.toLowerCase())) continue;
      const kernel = readKernel(join(dir, name), name);
      if (kernel) found.set(name.toLowerCase(), kernel);
    }
  }
  return [...found.values()].filter((kernel) => kernel.woma);
}

/** Removes woma's kernelspec NAME from a location; throws when it is missing or is another kernel's. */
export function uninstallKernel(location: SpecLocation, name: string, env: NodeJS.ProcessEnv = process.env): string {
  const directory = join(kernelsDir(location, env), checkName(name));
  const kernel = readKernel(directory, name);
  if (kernel === undefined) throw new Error(`no kernel named ${JSON.stringify(name)} in ${kernelsDir(location, env)}`);
  if (!kernel.woma) throw new Error(`${directory} is not a woma kernel (its kernel.json has no woma metadata); remove it with 'jupyter kernelspec uninstall ${name}'`);
  rmSync(directory, { recursive: true, force: true });
  return directory;
}
