/** What both HTTP servers answer before their own routes: the probes (`/health`, `/ready`) for any Host and without a token, and `/metrics` behind the guard and the token. */
import { checkBearerToken } from "./bearer-token.ts";
import type { MetricsEndpoint } from "./metrics-endpoint.ts";
import type { ServiceProbes } from "./service-probes.ts";
import { refuseHost, refuseOrigin, type Refusal, type WebGuard } from "./web-guard.ts";

/** How the front is set up. */
export interface ServiceFrontOptions {
  probes: ServiceProbes;
  metrics: MetricsEndpoint;
  /** The server's web guard: `/metrics` passes its Host and Origin checks, as every route but the probes does. */
  guard: WebGuard;
  /** When set, `/metrics` needs `Authorization: Bearer <token>`; the probes never do. */
  token?: string;
  /**
   * The server's own, fuller `GET /health` (the REST bridge's: runners, network, packages),
   * given to requests whose Host passes the guard once the server is up; other requests
   * (a balancer's check with no Host, HTTP/1.0, any name) get the probes' short answer.
   */
  fullHealth?: (request: Request) => Promise<Response> | undefined;
}

/** The path of a request, also for one whose URL is only a path (an HTTP/1.0 request without a Host header). */
export function requestPath(request: Request): string {
  try {
    return new URL(request.url, "http://localhost").pathname;
  } catch {
    return "/";
  }
}

const PROBE_METHODS = new Set(["GET", "HEAD"]);

/** A refusal of the guard or the token, answered in the bridges' error shape. */
function refusalAnswer(refusal: Refusal): Response {
  return Response.json({ status: "error", error: refusal.message }, { status: refusal.status, headers: refusal.headers });
}

/**
 * Wraps a server's handler. `GET`/`HEAD` of `/health` and `/ready` are answered before any
 * check, whatever the Host (none, for HAProxy's `option httpchk`), with no token: they
 * reveal no session, code or tenant. `GET /metrics` passes the guard (Host, then Origin)
 * and the token first. Other methods on `/ready` and `/metrics` get 405; everything else
 * (other methods on `/health` included) goes to `handler`. Every answer is counted in
 * `woma_http_requests_total`.
 */
export function serviceFront(handler: (request: Request) => Promise<Response>, options: ServiceFrontOptions): (request: Request) => Promise<Response> {
  const answer = async (request: Request, path: string): Promise<Response> => {
    const probe = PROBE_METHODS.has(request.method);
    if (path === "/ready" || path === "/metrics") {
      if (!probe) return Response.json({ status: "error", error: `${request.method} is not allowed on ${path}; use GET` }, { status: 405, headers: { Allow: "GET, HEAD" } });
      if (path === "/ready") return options.probes.ready();
      const refusal = refuseHost(options.guard, request) ?? refuseOrigin(options.guard, request) ?? checkBearerToken(options.token, request);
      return refusal ? refusalAnswer(refusal) : options.metrics.respond(request);
    }
    if (path === "/health" && probe) {
      // HEAD has no body to show the fuller answer in.
      const full = request.method === "GET" && refuseHost(options.guard, request) === undefined ? options.fullHealth?.(request) : undefined;
      return full ?? options.probes.health();
    }
    return handler(request);
  };
  return async (request) => {
    const path = requestPath(request);
    const response = await answer(request, path);
    options.metrics.countRequest(path, response.status);
    return response;
  };
}
