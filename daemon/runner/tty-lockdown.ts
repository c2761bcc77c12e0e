/** Cuts Emscripten's terminal devices off from the runner process's own stdin and stdout, which carry the daemon's messages. */

/** The part of Emscripten's module this touches. */
interface EmscriptenTty {
  TTY?: {
    default_tty_ops?: Record<string, unknown>;
    default_tty1_ops?: Record<string, unknown>;
  };
}

/**
 * Emscripten's `/dev/tty` and `/dev/tty1` read the process's real stdin and write to its
 * console. In a runner, stdin carries the daemon's requests, so Python opening `/dev/tty`
 * (or a device it makes with `os.mknod` on the same numbers) could read them. The device
 * operations are changed in place, so every tty device, old or new, reads end-of-file and
 * drops what is written.
 */
export function lockDownTerminals(module: EmscriptenTty): void {
  for (const ops of [module.TTY?.default_tty_ops, module.TTY?.default_tty1_ops]) {
    if (!ops) throw new Error("Emscripten's TTY operations are not where woma expects them; review daemon/runner/tty-lockdown.ts");
    ops.get_char = () => null;
    ops.put_char = () => {};
    ops.fsync = () => {};
  }
}
