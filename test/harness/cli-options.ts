/** The daemon options a command line gives, parsed as woma parses its shared flags, for unit tests of the flags. */
import yargs from "yargs";
import { daemonFlags, daemonOptionsFrom, type DaemonArgs } from "../../cli/daemon-flags.ts";
import type { DaemonOptions } from "../../daemon/daemon-options.ts";

/** Parses `argv` with the shared flags (strictly, as woma does) and turns them into daemon options; throws what woma would print. */
export function daemonOptionsFor(argv: string[]): DaemonOptions {
  const args = daemonFlags(yargs(argv).strict().fail((message, error) => {
    throw error ?? new Error(message);
  })).parseSync() as unknown as DaemonArgs;
  return daemonOptionsFrom(args, { timeoutSeconds: 0, spares: 0 });
}
