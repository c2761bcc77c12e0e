/** Serves the daemon's methods on one JSON-RPC connection: validates params, dispatches, maps errors. */
import {
  CancellationToken,
  createMessageConnection,
  Message,
  ResponseError,
  type DataCallback,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
  type RequestType,
} from "vscode-jsonrpc";
import { JsonRpcErrorCodes } from "../../protocol/error-codes.ts";
import {
  CheckRequest,
  InfoRequest,
  InitializeRequest,
  OutputNotificationType,
  RunRequest,
  SessionCloseRequest,
  SessionCreateRequest,
  SessionListRequest,
  SessionResetRequest,
  ShutdownRequest,
} from "../../protocol/methods.ts";
import type { Daemon } from "../daemon.ts";
import { log } from "../log.ts";
import { checkParams } from "./validate-params.ts";
import { toResponseError } from "./wire-errors.ts";

type Handler = (params: unknown, token: CancellationToken, connection: MessageConnection) => unknown;

/** A method's handler together with the schema definition its params must match. */
interface Route {
  definition: string;
  handler: Handler;
}

function route<P, R>(type: RequestType<P, R, void>, definition: string, handler: (params: P, token: CancellationToken, connection: MessageConnection) => R | Promise<R>): [string, Route] {
  return [type.method, { definition, handler: handler as Handler }];
}

/** A served connection, and how to wait for the requests it still has in flight. */
export interface ServedConnection {
  connection: MessageConnection;
  /** Resolves when no request of this connection is being handled. */
  idle(): Promise<void>;
}

/** What the transport's owner learns about a connection. */
export interface ServeHooks {
  /** A client asked the daemon to stop (`daemon/shutdown`), after the answer was sent. */
  onShutdownRequested?: () => void;
}

/**
 * Binds the daemon to a connection made of `reader` and `writer` and starts listening.
 * Params are checked against the schema before any handler runs, so bad input gets
 * InvalidParams naming the field; an unknown method gets MethodNotFound listing the
 * known ones. Nothing a client sends can stop the daemon or disturb other connections.
 */
export function serveConnection(daemon: Daemon, reader: MessageReader, writer: MessageWriter, hooks: ServeHooks = {}): ServedConnection {
  const tracker = new RequestTracker();
  const connection = createMessageConnection(tracker.reader(reader), tracker.writer(writer), {
    error: (message) => log("warn", `connection: ${message}`),
    warn: (message) => log("debug", `connection: ${message}`),
    info: () => {},
    log: () => {},
  });
  const routes = new Map<string, Route>([
    route(InitializeRequest, "InitializeParams", (params) => daemon.initialize(params)),
    route(InfoRequest, "InfoParams", () => daemon.info()),
    route(ShutdownRequest, "ShutdownParams", () => {
      setTimeout(() => hooks.onShutdownRequested?.(), 0);
      return { stopping: true };
    }),
    route(SessionCreateRequest, "SessionCreateParams", (params) => daemon.createSession(params ?? {})),
    route(SessionListRequest, "SessionListParams", () => daemon.listSessions()),
    route(SessionResetRequest, "SessionResetParams", (params) => daemon.resetSession(params)),
    route(SessionCloseRequest, "SessionCloseParams", (params) => daemon.closeSession(params)),
    route(RunRequest, "RunParams", (params, token, conn) =>
      daemon.run(params, {
        onOutput: (notification) => void conn.sendNotification(OutputNotificationType, notification).catch(() => {}),
        onCancel: (listener) => {
          const subscription = token.onCancellationRequested(listener);
          return () => subscription.dispose();
        },
      }),
    ),
    route(CheckRequest, "CheckParams", (params) => daemon.check(params)),
  ]);
  const known = [...routes.keys()].join(", ");

  connection.onRequest(async (method: string, params: unknown, token: CancellationToken) => {
    const found = routes.get(method);
    if (!found) throw new ResponseError(JsonRpcErrorCodes.MethodNotFound, `unknown method "${method}"; this daemon knows ${known}`);
    const problem = checkParams(found.definition, params);
    if (problem !== undefined) throw new ResponseError(JsonRpcErrorCodes.InvalidParams, `invalid params for ${method}: ${problem}`);
    try {
      return await found.handler(params ?? {}, token, connection);
    } catch (error) {
      throw toResponseError(error, method);
    }
  });
  connection.onNotification((method: string) => {
    log("debug", `ignored notification "${method}"`);
  });
  connection.listen();
  return { connection, idle: () => tracker.idle() };
}

/**
 * Counts requests from the moment they are read until their answer is written, so a
 * transport can wait for them: requests sent just before stdin closes still get answers.
 */
class RequestTracker {
  private readonly open = new Set<string | number>();
  private waiters: Array<() => void> = [];

  reader(inner: MessageReader): MessageReader {
    return Object.assign(Object.create(inner) as MessageReader, {
      listen: (callback: DataCallback) =>
        inner.listen((message) => {
          if (Message.isRequest(message) && message.id !== null) this.open.add(message.id);
          callback(message);
        }),
    });
  }

  writer(inner: MessageWriter): MessageWriter {
    return Object.assign(Object.create(inner) as MessageWriter, {
      write: async (message: Message) => {
        try {
          await inner.write(message);
        } finally {
          if (Message.isResponse(message) && message.id !== null && this.open.delete(message.id) && this.open.size === 0) {
            for (const resolve of this.waiters.splice(0)) resolve();
          }
        }
      },
    });
  }

  idle(): Promise<void> {
    return this.open.size === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
