/** Screens incoming JSON-RPC messages before vscode-jsonrpc sees them, so that no message can throw inside the library. */
import type { DataCallback, Disposable, Message, MessageReader } from "vscode-jsonrpc";

/** What to do with one incoming message. */
export type Screening =
  | { kind: "deliver" }
  /** A notification JSON-RPC forbids answering: dropped, with why (for the log). */
  | { kind: "drop"; why: string };

/** Options of {@link guardMessages}. */
export interface MessageGuardOptions {
  /** Told about each notification dropped, and why; the connection carries on. */
  dropped(why: string): void;
  /** Told about a delivery that threw anyway (a bug in the library or a handler); the next message is delivered as usual. */
  threw(error: unknown): void;
}

/** True for a JSON-RPC id vscode-jsonrpc can key a request by: a string or a finite number. */
function isId(id: unknown): id is string | number {
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id));
}

function describe(value: unknown): string {
  if (value === undefined) return "no params";
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? JSON.stringify(value).slice(0, 120) : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Says whether vscode-jsonrpc can take `message` safely. The library reads
 * `message.params.id` of every `$/cancelRequest` notification and calls `id.toString()`,
 * so one without params, with an array, a null or an object id throws inside its reader
 * callback; `$/progress` reads `params.token` the same way. Such notifications are dropped:
 * JSON-RPC never answers a notification, and a cancel naming no request cancels nothing.
 * A `$/cancelRequest` sent as a request (with an id) is delivered and gets "unknown method".
 */
export function screenMessage(message: Message): Screening {
  const record = message as unknown as Record<string, unknown>;
  if ("id" in record || typeof record.method !== "string") return { kind: "deliver" };
  const params = record.params;
  const object = params !== null && typeof params === "object" && !Array.isArray(params) ? (params as Record<string, unknown>) : undefined;
  if (record.method === "$/cancelRequest" && !isId(object?.id)) {
    return { kind: "drop", why: `$/cancelRequest needs params {"id": <the request's id, a number or a string>}, got ${object ? `id ${describe(object.id)}` : describe(params)}` };
  }
  if (record.method === "$/progress" && !isId(object?.token)) {
    return { kind: "drop", why: `$/progress needs params {"token": <a number or a string>, "value": ...}, got ${describe(params)}` };
  }
  return { kind: "deliver" };
}

/**
 * Wraps `inner` so that messages {@link screenMessage} refuses never reach the
 * connection, and so that a delivery that throws anyway (a library bug) is reported and
 * the next message is still delivered: the last line of defence between a client's bytes
 * and the daemon's reader loop.
 */
export function guardMessages(inner: MessageReader, options: MessageGuardOptions): MessageReader {
  return Object.assign(Object.create(inner) as MessageReader, {
    listen: (callback: DataCallback): Disposable =>
      inner.listen((message) => {
        const screening = screenMessage(message);
        if (screening.kind === "drop") {
          options.dropped(screening.why);
          return;
        }
        try {
          callback(message);
        } catch (error) {
          options.threw(error);
        }
      }),
  });
}
