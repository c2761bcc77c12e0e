/** What both HTTP edges (the REST bridge's and the MCP server's `Bun.serve`) share: headers on every answer, and a stop that lets the answers in flight go out first. */

/** Stops a Bun server: gracefully for up to `graceMs` (answers in flight are sent), then by dropping every connection. */
export async function stopServer(server: { stop(closeActiveConnections?: boolean): Promise<void> }, graceMs: number): Promise<void> {
  if (graceMs > 0) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const graceful = server.stop(false).then(() => true);
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    const done = await Promise.race([graceful, late]);
    clearTimeout(timer);
    if (done) return;
  }
  await server.stop(true);
}

/** The answer with `headers` set (on a copy when its headers cannot be changed). */
export function withHeaders(response: Response, headers: Record<string, string> | undefined): Response {
  if (headers === undefined || Object.keys(headers).length === 0) return response;
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Headers(response.headers);
    for (const [name, value] of Object.entries(headers)) copy.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: copy });
  }
}
