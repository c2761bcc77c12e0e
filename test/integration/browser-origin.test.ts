/**
 * Issue 15 in a real browser: headless Debian Chromium, driven by playwright-core, loads one
 * attacker page from a foreign origin, from a DNS-rebinding origin and from a loopback origin,
 * and the page tries to run code through a local `woma serve`. What the page observed is read
 * back from it; what ran is read from the bridge by a loopback client.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { waitFor } from "../harness/paths.ts";
import { startServe, type ServeUnderTest } from "../harness/start-serve.ts";

/** Debian's chromium; WOMA_CHROMIUM points elsewhere. Never downloaded: .ci/run installs it with apt. */
const CHROMIUM = process.env.WOMA_CHROMIUM ?? "/usr/bin/chromium";
/** The name the attacker's pages live on; Chromium resolves it to 127.0.0.1 (--host-resolver-rules). */
const EVIL = "evil.test";
/** How long a page may take to finish its attempts, in ms. */
const PAGE_TIMEOUT_MS = 20_000;

/** What one fetch of the page came to: an answer it could read, or the error the browser gave instead. */
type Observed = { status: number; body: string } | { error: string };

/** What the attacker page saw of its two attempts. */
interface PageReport {
  json: Observed;
  plain: Observed;
}

/**
 * The attacker page. It posts `counter += 1` to the bridge named in `?bridge=` (its own origin
 * when empty) as JSON, which needs a preflight, then as text/plain, which browsers send with
 * none, and writes what it could read into `window.attackReport` and the page (not `window.report`:
 * an element's id is a window property too, so a wait on it could end before the script did).
 */
const ATTACK_PAGE = `<!doctype html>
<html><head><title>attacker</title></head><body><pre id="out">running</pre><script>
(async () => {
  const bridge = new URLSearchParams(location.search).get("bridge") || "";
  const body = JSON.stringify({ code: "counter += 1; counter" });
  const attempt = async (init) => {
    try {
      const response = await fetch(bridge + "/python", { method: "POST", body, ...init });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { error: String(error) };
    }
  };
  const report = {
    json: await attempt({ headers: { "Content-Type": "application/json" } }),
    plain: await attempt({ headers: { "Content-Type": "text/plain" } }),
  };
  document.getElementById("out").textContent = JSON.stringify(report);
  window.attackReport = report;
})();
</script></body></html>`;

/** One request to the bridge and the status of its answer, as the browser's network layer saw it. */
interface Exchange {
  method: string;
  path: string;
  status: number;
}

/**
 * Records the tab's requests to the bridge with their answers' statuses, through the Chrome
 * DevTools Protocol: it reports the status of answers that CORS then hid from the page (and
 * preflights), which Playwright's own events leave out. The function it returns waits until
 * `count` requests to the bridge's `/python` have their status, and lists those. (A request
 * the browser never sent, such as a POST whose preflight failed, gets no status.)
 */
async function watchTraffic(page: Page, bridgePort: number): Promise<(count: number) => Promise<Exchange[]>> {
  const cdp = await page.context().newCDPSession(page);
  const requests = new Map<string, { method: string; path: string }>();
  const statuses = new Map<string, number>();
  cdp.on("Network.requestWillBeSent", (event) => {
    const url = new URL(event.request.url);
    if (url.port === String(bridgePort) && url.pathname === "/python") requests.set(event.requestId, { method: event.request.method, path: url.pathname });
  });
  // Its order against requestWillBeSent, and against the page's own fetch settling, varies.
  cdp.on("Network.responseReceivedExtraInfo", (event) => statuses.set(event.requestId, event.statusCode));
  await cdp.send("Network.enable");
  const answered = () => [...requests].flatMap(([id, request]) => (statuses.has(id) ? [{ ...request, status: statuses.get(id)! }] : []));
  return async (count) => {
    await waitFor(`the browser to report the status of ${count} answers of the bridge's /python`, () => answered().length >= count, 5000);
    return answered();
  };
}

/** On Linux the browser must be there: a missing one fails the test instead of hiding it. */
const onLinux = process.platform === "linux";
if (!onLinux) console.log(`browser-origin.test.ts: skipped, the browser test runs on Linux only (Debian's chromium at ${CHROMIUM}); this is ${process.platform}`);

describe.skipIf(!onLinux)("a web page against a default woma serve, in headless Chromium", () => {
  let bridge: ServeUnderTest;
  let bridgePort: number;
  let pages: ReturnType<typeof Bun.serve>;
  let profile: string;
  let browser: BrowserContext;

  /** Runs `code` in the bridge's default session as a loopback client (no Origin) and returns the value's repr. */
  const loopbackRun = async (code: string): Promise<unknown> => {
    const response = await fetch(`${bridge.url}/python`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { result?: unknown }).result;
  };

  /** Opens `url` in a fresh tab and waits for the page's report and for `answers` answers of the bridge to reach the browser. */
  const visit = async (url: string, answers: number, prepare?: (page: Page) => Promise<unknown>): Promise<{ report: PageReport; traffic: Exchange[] }> => {
    const page = await browser.newPage();
    const traffic = await watchTraffic(page, bridgePort);
    try {
      await prepare?.(page);
      await page.goto(url);
      // These functions run in the page, where globalThis is its window.
      await page.waitForFunction(() => (globalThis as { attackReport?: unknown }).attackReport !== undefined, undefined, { timeout: PAGE_TIMEOUT_MS });
      const report = (await page.evaluate(() => (globalThis as { attackReport?: unknown }).attackReport)) as PageReport;
      // The page wrote the same report into its DOM.
      expect(JSON.parse(await page.locator("#out").innerText())).toEqual(report);
      return { report, traffic: await traffic(answers) };
    } finally {
      await page.close();
    }
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set WOMA_CHROMIUM`);
    // Default flags but one runner and no warm spare: the guard does not depend on the pool, and the machine is shared.
    bridge = await startServe(["--workers", "0"]);
    bridgePort = Number(new URL(bridge.url).port);
    pages = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response(ATTACK_PAGE, { headers: { "Content-Type": "text/html; charset=utf-8" } }) });
    profile = mkdtempSync(join(tmpdir(), "woma-chromium-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--host-resolver-rules=MAP ${EVIL} 127.0.0.1`,
        // Chromium's own Local Network Access check would stop the rebinding page before it reached woma.
        // Firefox and Safari have no such check; the test is about what woma itself refuses.
        "--disable-features=LocalNetworkAccessChecks",
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    pages?.stop(true);
    await bridge?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test("a page from another origin cannot read an answer, and its code does not run", async () => {
    await loopbackRun("counter = 0");
    const { report, traffic } = await visit(`http://${EVIL}:${pages.port}/attack.html?bridge=http://127.0.0.1:${bridgePort}`, 2);
    expect(report.json).toEqual({ error: "TypeError: Failed to fetch" });
    expect(report.plain).toEqual({ error: "TypeError: Failed to fetch" });
    // Both reached the bridge and were refused there, not by the browser alone: the JSON POST's preflight got 403
    // (so the POST was never sent), and the text/plain POST, which needs no preflight, got 415.
    expect(traffic).toHaveLength(2);
    expect(traffic).toContainEqual({ method: "OPTIONS", path: "/python", status: 403 });
    expect(traffic).toContainEqual({ method: "POST", path: "/python", status: 415 });
    expect(await loopbackRun("counter")).toBe("0");
  }, 60_000);

  test("a DNS-rebinding page, same-origin with the bridge, gets 403 because of its Host", async () => {
    await loopbackRun("counter = 0");
    // The page first comes from the attacker's server; then its name points at 127.0.0.1, the bridge's address.
    const url = `http://${EVIL}:${bridgePort}/attack.html`;
    const { report, traffic } = await visit(url, 2, (page) => page.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: ATTACK_PAGE })));
    expect(traffic).toEqual([
      { method: "POST", path: "/python", status: 403 },
      { method: "POST", path: "/python", status: 403 },
    ]);
    for (const attempt of [report.json, report.plain]) {
      expect(attempt).toMatchObject({ status: 403 });
      const body = JSON.parse((attempt as { body: string }).body) as { error: string };
      expect(body.error).toStartWith(`Host "${EVIL}:${bridgePort}" refused`);
      expect(body.error).toContain(`--allow-host ${EVIL}`);
    }
    expect(await loopbackRun("counter")).toBe("0");
  }, 60_000);

  test("the same page from a loopback origin runs code and reads the answer", async () => {
    await loopbackRun("counter = 0");
    const { report, traffic } = await visit(`http://localhost:${pages.port}/attack.html?bridge=http://127.0.0.1:${bridgePort}`, 3);
    expect(traffic).toHaveLength(3);
    expect(traffic).toContainEqual({ method: "OPTIONS", path: "/python", status: 204 });
    expect(report.json).toMatchObject({ status: 200 });
    expect(JSON.parse((report.json as { body: string }).body)).toMatchObject({ status: "success", result: "1" });
    // A loopback page may read answers, so it sees why its text/plain POST was refused.
    expect(report.plain).toMatchObject({ status: 415 });
    expect((report.plain as { body: string }).body).toContain("Content-Type: application/json");
    expect(await loopbackRun("counter")).toBe("1");
  }, 60_000);
});
