/** Python's fetch: a request goes to the daemon, whose broker applies the network policy and performs it, and the body is pulled from the daemon as Python reads it. */
import type { DaemonCalls } from "./daemon-calls.ts";
import { MAX_FETCH_BODY_BYTES, MAX_FETCH_HEADER_CHARS, MAX_FETCH_HEADERS, MAX_FETCH_URL_CHARS, type RelayChunk, type RelayHead } from "../contract/runner-protocol.ts";

/** The fetch Python's `js.fetch` is: every request asks the daemon through `calls`. */
export function pythonFetch(calls: DaemonCalls): (input: unknown, init?: RequestInit) => Promise<Response> {
  return (input, init) => brokerFetch(calls, input, init);
}

/** A fetch error as fetch reports them (a TypeError), or a TimeoutError / AbortError, with the broker's message. */
function fetchError(message: string, kind?: string): Error {
  if (kind === "aborted" || kind === "interrupted") return new DOMException(message, "AbortError");
  const error = new TypeError(message);
  // Error.prototype is frozen in the runner, so "name" is defined on the error, not assigned.
  if (kind === "timeout") Object.defineProperty(error, "name", { value: "TimeoutError", configurable: true, writable: true });
  return error;
}

/**
 * fetch() for Python: the request goes to the daemon, whose broker applies the network
 * policy and performs it; the body is pulled from the daemon as Python reads it. It always
 * rejects with plain Error objects (a rejection Pyodide cannot convert would end the worker).
 */
async function brokerFetch(calls: DaemonCalls, input: unknown, init?: RequestInit): Promise<Response> {
  let request: Request;
  try {
    request = new Request(input as string, init);
  } catch (error) {
    throw fetchError(`invalid request: ${(error as Error).message}`);
  }
  const signal = init?.signal ?? request.signal;
  if (signal?.aborted) throw fetchError("the request was aborted", "aborted");
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  if (body && body.length > MAX_FETCH_BODY_BYTES) throw fetchError(`request body of ${body.length} bytes is over woma's limit of ${MAX_FETCH_BODY_BYTES}`);
  const headers = [...request.headers];
  // The daemon kills a runner whose message breaks these bounds, so a request past them is Python's error here.
  if (request.url.length > MAX_FETCH_URL_CHARS) throw fetchError(`URL of ${request.url.length} characters is over woma's limit of ${MAX_FETCH_URL_CHARS} characters per request URL`);
  if (headers.length > MAX_FETCH_HEADERS) throw fetchError(`${headers.length} request headers are over woma's limit of ${MAX_FETCH_HEADERS} headers per request`);
  const long = headers.find(([name, value]) => name.length > MAX_FETCH_HEADER_CHARS || value.length > MAX_FETCH_HEADER_CHARS);
  if (long) throw fetchError(`request header ${long[0].slice(0, 40)} is over woma's limit of ${MAX_FETCH_HEADER_CHARS} characters per header name or value`);
  if (!/^[A-Za-z]{1,20}$/.test(request.method)) throw fetchError(`method ${JSON.stringify(request.method.slice(0, 40))} is not allowed: woma sends methods of 1 to 20 letters`);
  const params: Record<string, unknown> = {
    url: request.url,
    method: request.method,
    headers,
    redirect: request.redirect === "follow" ? "follow" : "manual",
  };
  if (body && body.length > 0) params.body = Buffer.from(body).toString("base64");
  // A timeout woma's Python side passes (urllib's, httpx's), in ms: the broker bounds the request by it.
  const timeout = (init as { timeout?: unknown } | undefined)?.timeout;
  if (typeof timeout === "number" && timeout > 0) params.timeoutMs = timeout;
  let head: RelayHead;
  try {
    head = (await raceAbort(calls.ask("runner/fetch", params), signal)) as RelayHead;
  } catch (error) {
    throw fetchError((error as Error).message, (error as { kind?: string }).kind);
  }
  if (head.bytes !== undefined) {
    // The whole body came with the head: nothing to pull, nothing to close.
    const bytes = [101, 204, 205, 304].includes(head.status) ? null : head.bytes;
    const whole = new Response(bytes, { status: head.status, statusText: head.statusText, headers: head.headers });
    Object.defineProperty(whole, "url", { value: head.url });
    Object.defineProperty(whole, "redirected", { value: head.redirected });
    return whole;
  }
  const { requestId } = head;
  let ended = false;
  const close = () => {
    if (!ended) void calls.ask("runner/fetch-close", { requestId }).catch(() => {});
  };
  const hasBody = ![101, 204, 205, 304].includes(head.status) && request.method !== "HEAD";
  const stream = hasBody
    ? new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            try {
              const chunk = (await raceAbort(calls.ask("runner/fetch-read", { requestId }), signal)) as RelayChunk;
              if (chunk.done) {
                controller.close();
                return;
              }
              controller.enqueue(chunk.bytes);
              if (chunk.last) {
                ended = true;
                controller.close();
              }
            } catch (error) {
              close();
              controller.error(fetchError((error as Error).message, (error as { kind?: string }).kind));
            }
          },
          cancel: close,
        },
        // One chunk ahead: the next is on its way while Python handles this one.
        { highWaterMark: 1 },
      )
    : null;
  if (!hasBody) close();
  const response = new Response(stream, { status: head.status, statusText: head.statusText, headers: head.headers });
  // A Response made here has no url; Python's libraries read it (redirect handling, .url).
  Object.defineProperty(response, "url", { value: head.url });
  Object.defineProperty(response, "redirected", { value: head.redirected });
  return response;
}

/** Settles with `promise`, or rejects as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error("the request was aborted"), { kind: "aborted" }));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
