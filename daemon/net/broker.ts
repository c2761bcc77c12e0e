/** The network broker: performs a guest's HTTP request under the network policy, connecting only to addresses it checked. */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { log as daemonLog } from "../log.ts";
import { netErrorFromFetch } from "./fetch-failure.ts";
import { guestRequestHeaders, redirectHeaders, responseHeaders, type HeaderList } from "./http-headers.ts";
import { assertNetRequest, type NetBrokerOptions, type NetRequest, type NetRequestContext, type NetResponse } from "./net-request.ts";
import { auditLine, type AuditEntry } from "./net-audit.ts";
import { checkAddresses, checkUrl, type CheckedAddress, type NetTarget } from "./net-check.ts";
import { NetError } from "./net-error.ts";
import type { NetPolicy } from "./net-policy.ts";
import { resolveHost, systemResolver, type Resolver } from "./resolve.ts";
import { ResponseBody } from "./response-body.ts";
import { SessionSlots } from "./session-slots.ts";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/** One hop of a request, kept for the audit log and the error messages. */
interface Hop {
  target?: NetTarget;
  host: string;
  address?: string;
  started: number;
}

/**
 * Performs HTTP requests for guests under a {@link NetPolicy}.
 *
 * How a hop is made: the URL is parsed by the WHATWG parser and checked ({@link checkUrl});
 * the host name is resolved once and every address checked ({@link checkAddresses}); then
 * Bun's `fetch` dials the checked address itself, written into the URL, with the `Host`
 * header set to the original host and, for HTTPS, `tls.serverName` set to the original host
 * name. Bun then sends that name as SNI and verifies the certificate against it (measured on
 * Bun 1.4.5: a certificate for another name fails with ERR_TLS_CERT_ALTNAME_INVALID, even
 * when a connection to the same address verified for another name sits in the pool). No
 * second resolution happens, so DNS rebinding between check and connect cannot move the
 * request. `proxy: false` keeps the daemon's proxy variables out of it, and Bun's fetch has no
 * cookie jar, so no ambient credentials leave. Bun decodes gzip, deflate, br and zstd itself,
 * and the size cap counts the decoded bytes.
 */
export class NetBroker {
  private readonly slots: SessionSlots;
  private readonly ca: string[] | undefined;
  private readonly log: NonNullable<NetBrokerOptions["log"]>;
  private readonly resolver: Resolver;
  private readonly connectTimeoutMs: number;
  private readonly totalTimeoutMs: number;
  private readonly maxRedirects: number;
  private readonly chunkBytes: number;

  /** Throws when `caFile` cannot be read. */
  constructor(
    readonly policy: NetPolicy,
    readonly options: NetBrokerOptions,
  ) {
    this.slots = new SessionSlots(options.maxInFlightPerSession ?? 8, options.maxWaitingPerSession ?? 64);
    // A `ca` list replaces the bundled roots, so they go in with the extra CA rather than being lost.
    this.ca = options.caFile === undefined ? undefined : [...rootCertificates, readFileSync(options.caFile, "utf8")];
    this.log = options.log ?? daemonLog;
    this.resolver = options.resolver ?? systemResolver;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 30_000;
    this.totalTimeoutMs = options.totalTimeoutMs ?? 300_000;
    this.maxRedirects = options.maxRedirects ?? 10;
    this.chunkBytes = options.chunkBytes ?? 64 * 1024;
  }

  /** Requests of `session` in flight now, bodies still streaming included. */
  inFlight(session: string): number {
    return this.slots.active(session);
  }

  /**
   * Performs a request and resolves when the response head arrives. Rejects with a
   * {@link NetError} (a `NetRefusedError` for a policy refusal, before any packet is sent to
   * the refused address). The response body must be read to its end or cancelled; until then
   * the request holds one of the session's slots (the total timeout ends it in any case).
   */
  async open(request: NetRequest, context: NetRequestContext): Promise<NetResponse> {
    const startedAt = performance.now();
    try {
      assertNetRequest(request);
    } catch (error) {
      this.audit(context, "-", { host: "(malformed request)", started: startedAt }, { outcome: "invalid", error: error as NetError });
      throw error;
    }
    const controller = new AbortController();
    let hop: Hop = { host: hostForLog(request.url), started: startedAt };
    let method = (request.method ?? "GET").toUpperCase();
    let release = () => {};
    let body: ResponseBody | undefined;
    const { totalMs, why } = this.totalBudget(request, context);
    const fail = (error: NetError) => {
      if (!controller.signal.aborted) controller.abort(error);
      body?.abandon(error);
    };
    const timer = setTimeout(() => fail(new NetError("timeout", `request to ${hop.host} timed out after ${seconds(totalMs)} (${why})`, { host: hop.host })), Math.max(0, totalMs));
    const onAbort = () => fail(new NetError("aborted", `request to ${hop.host} was aborted`, { host: hop.host }));
    context.signal?.addEventListener("abort", onAbort, { once: true });
    const finish = () => {
      clearTimeout(timer);
      context.signal?.removeEventListener("abort", onAbort);
      release();
    };
    try {
      if (context.signal?.aborted) onAbort();
      if (totalMs <= 0) fail(new NetError("timeout", `request to ${hop.host} has no time left (${why})`, { host: hop.host }));
      controller.signal.throwIfAborted();
      if (!TOKEN.test(method) || FORBIDDEN_METHODS.has(method)) throw new NetError("invalid", `method ${JSON.stringify(method.slice(0, 40))} is not allowed`);
      let headers = guestRequestHeaders(request.headers ?? []);
      let payload = request.body;
      if (payload !== undefined && (method === "GET" || method === "HEAD")) throw new NetError("invalid", `a ${method} request cannot have a body`);
      release = await this.slots.acquire(context.session, controller.signal);
      let url = request.url;
      for (let redirects = 0; ; redirects++) {
        hop = { host: hostForLog(url), started: performance.now() };
        const { response, target, address } = await this.hop(url, method, headers, payload, controller, hop, context.policy ?? this.policy);
        const location = response.headers.get("location");
        if (request.redirect === "follow" && REDIRECTS.has(response.status) && location !== null) {
          await response.body?.cancel().catch(() => {});
          this.audit(context, method, hop, { status: response.status, bytes: 0, outcome: "redirect" });
          if (redirects >= this.maxRedirects) throw new NetError("redirect", `more than ${this.maxRedirects} redirects, the last from ${target.host}`, { host: target.host });
          let next: URL;
          try {
            next = new URL(location, target.url);
          } catch {
            throw new NetError("redirect", `${target.host} redirects to an invalid URL ${JSON.stringify(location.slice(0, 200))}`, { host: target.host });
          }
          // As the fetch standard says: 303 turns anything but HEAD into GET; 301 and 302 turn POST into GET.
          const toGet = (response.status === 303 && method !== "HEAD") || ((response.status === 301 || response.status === 302) && method === "POST");
          if (toGet) {
            method = "GET";
            payload = undefined;
          }
          headers = redirectHeaders(headers, next.origin !== target.url.origin, toGet);
          url = next.href;
          continue;
        }
        const head = responseHeaders(response.headers);
        const finalHop = hop;
        const declared = response.headers.get("content-length");
        body = new ResponseBody(response.body, {
          declaredBytes: head.decoded || declared === null ? undefined : Number(declared),
          chunkBytes: this.chunkBytes,
          maxBytes: context.maxBytes?.bytes ?? this.options.maxResponseBytes,
          maxBytesName: context.maxBytes?.name ?? "--max-response-bytes",
          host: target.host,
          mapError: (error) => this.mapError(error, controller, finalHop),
          abort: (reason) => {
            if (!controller.signal.aborted) controller.abort(reason);
          },
          onEnd: (outcome) => {
            finish();
            const error = outcome.kind === "failed" ? outcome.error : undefined;
            this.audit(context, method, finalHop, { status: response.status, bytes: outcome.bytes, outcome: error?.kind ?? outcome.kind, error });
          },
        });
        // As in fetch, the response URL has no fragment.
        const finalUrl = new URL(target.url);
        finalUrl.hash = "";
        return { status: response.status, statusText: response.statusText, headers: head.headers, url: finalUrl.href, redirected: redirects > 0, address, body };
      }
    } catch (error) {
      finish();
      const netError = this.mapError(error, controller, hop);
      this.audit(context, method, hop, { outcome: netError.kind, error: netError });
      throw netError;
    }
  }

  /** Checks, resolves, checks again and fetches one hop; resolves with the response head. */
  private async hop(url: string, method: string, headers: HeaderList, payload: Uint8Array | undefined, controller: AbortController, hop: Hop, policy: NetPolicy): Promise<{ response: Response; target: NetTarget; address: string }> {
    const target = checkUrl(url, policy);
    hop.target = target;
    hop.host = `${target.host}:${target.port}`;
    if (target.literal) hop.address = target.host;
    const connectTimer = setTimeout(
      () => controller.abort(new NetError("timeout", `no response from ${target.host} within ${seconds(this.connectTimeoutMs)} (connect timeout)`, { host: target.host })),
      this.connectTimeoutMs,
    );
    try {
      const addresses = target.literal ? [target.host] : await resolveHost(target.host, this.resolver, controller.signal);
      let checked: CheckedAddress[];
      try {
        checked = checkAddresses(target, addresses, policy);
      } catch (error) {
        hop.address = (error as NetError).address;
        throw error;
      }
      // Try the checked addresses in order; only a failure to connect moves on to the next one.
      for (let i = 0; ; i++) {
        const address = checked[i]!;
        hop.address = address.connect;
        try {
          const response = await fetch(dialUrl(target.url, address.connect), {
            method,
            headers: [...headers, ["host", target.url.host]],
            body: payload,
            redirect: "manual",
            signal: controller.signal,
            proxy: false,
            ...(target.url.protocol === "https:" ? { tls: this.tlsFor(target) } : {}),
          });
          return { response, target, address: address.connect };
        } catch (error) {
          const netError = this.mapError(error, controller, hop);
          if (netError.kind !== "connect" || i + 1 >= checked.length) throw netError;
        }
      }
    } finally {
      clearTimeout(connectTimer);
    }
  }

  private tlsFor(target: NetTarget): BunFetchRequestInitTLS {
    // An address has no SNI (RFC 6066); Bun then checks the certificate against the address in the URL, which is the one asked for.
    // rejectUnauthorized is explicit: NODE_TLS_REJECT_UNAUTHORIZED=0 in the daemon's environment would otherwise switch verification off.
    const tls: BunFetchRequestInitTLS = { rejectUnauthorized: true, ...(target.literal ? {} : { serverName: target.host }) };
    if (this.ca !== undefined) tls.ca = this.ca;
    return tls;
  }

  private totalBudget(request: NetRequest, context: NetRequestContext): { totalMs: number; why: string } {
    let budget = { totalMs: context.totalTimeoutMs ?? this.totalTimeoutMs, why: "total timeout" };
    if (request.timeoutMs !== undefined && Number.isFinite(request.timeoutMs) && request.timeoutMs < budget.totalMs) budget = { totalMs: Math.max(0, request.timeoutMs), why: "the request's timeout" };
    if (context.deadline !== undefined && context.deadline - Date.now() < budget.totalMs) budget = { totalMs: context.deadline - Date.now(), why: "the run's deadline" };
    return budget;
  }

  /** Turns whatever a hop or a body read threw into a {@link NetError}; an abort carries its own reason. */
  private mapError(error: unknown, controller: AbortController, hop: Hop): NetError {
    if (controller.signal.aborted && controller.signal.reason instanceof NetError) return controller.signal.reason;
    return netErrorFromFetch(error, { host: hop.target?.host ?? hop.host, port: hop.target?.port, address: hop.address });
  }

  private audit(context: NetRequestContext, method: string, hop: Hop, result: Partial<AuditEntry> & { outcome: string }): void {
    const ms = performance.now() - hop.started;
    this.log("info", auditLine({ session: context.session, method, host: hop.host, ...(hop.address !== undefined ? { address: hop.address } : {}), ms, ...result }));
    this.options.onHop?.(result.outcome, ms);
  }
}

/** The URL with the checked address in place of the host, so fetch dials exactly that address. */
function dialUrl(url: URL, address: string): string {
  const host = address.includes(":") ? `[${address}]` : address;
  return `${url.protocol}//${host}${url.port === "" ? "" : `:${url.port}`}${url.pathname}${url.search}`;
}

/** A host for messages before the URL is checked: the parsed host, or a short form of the text. */
function hostForLog(url: string): string {
  try {
    return new URL(url).host || "(no host)";
  } catch {
    return "(invalid URL)";
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
