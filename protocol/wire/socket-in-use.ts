/** Whether a process listens on a Unix socket file: a live one must not be replaced, a stale one left by a dead process may. */
import { createConnection } from "node:net";

/** True when a connection to the Unix socket at `path` is accepted. */
export function unixSocketInUse(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once("connect", () => {
      probe.destroy();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
  });
}
