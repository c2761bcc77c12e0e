/** How one woma instance names itself to a load balancer and its clients: `--instance-id`, or a name made from the host name and the port. */

/** What an instance id may be, in words, for error messages. */
export const INSTANCE_ID_RULE = "1 to 64 letters, digits, '-' or '_', starting with a letter or digit (no '.': MCP session ids are ID.<uuid>, and a balancer splits them at the first dot)";

const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Undefined when `id` is a usable instance id; otherwise what is wrong with it. */
export function instanceIdProblem(id: string): string | undefined {
  return INSTANCE_ID.test(id) ? undefined : `must be ${INSTANCE_ID_RULE}, got ${JSON.stringify(id)}`;
}

/**
 * The id of an instance that was given none: the first label of the host name (a pod's name
 * under Kubernetes, a container's id under podman) and the port it listens on, e.g.
 * `web-7d9f-8000`, so several instances on one machine differ by port. Characters an id may
 * not hold become '-'.
 */
export function defaultInstanceId(hostName: string, port: number): string {
  const label = (hostName.split(".")[0] ?? "")
    .replace(/[^A-Za-z0-9_-]/g, "-")
    .replace(/^[-_]+/, "")
    .slice(0, 58);
  return `${label || "woma"}-${port}`;
}
