/** The worker's run scope without Pyodide: what JavaScript may still call once the run that armed it has ended. */
import { expect, test } from "bun:test";
import { RunScope, type ProxyInternals } from "../../daemon/runner/run-scope.ts";

test("a callback made in a run works within it, and after it does nothing but free its Python callable", () => {
  const scope = new RunScope();
  scope.begin();
  let destroyed = 0;
  const made = Object.assign((x: unknown) => `ran ${String(x)}`, { destroy: () => void destroyed++ });
  const stamped = scope.stamp(made);
  expect(stamped(1)).toBe("ran 1");
  scope.end();
  expect(stamped(2)).toBeUndefined();
  expect(destroyed).toBe(1);
  scope.begin();
  expect(stamped(3)).toBeUndefined(); // the next run is another epoch
});

/** Resolves when a plain timer set now for `ms` fires: the scope's timers set before it for no longer have had their chance by then. */
const control = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

test("timers, the scheduler and AbortSignal.timeout of a run fire within it or never; outside a run nothing is scheduled", async () => {
  const scope = new RunScope();
  const fired: string[] = [];
  // Pyodide's scheduler, by hand: the test decides when what it was given runs.
  const scheduled: Array<() => void> = [];
  const schedule = scope.scheduler((callback) => void scheduled.push(callback), (callback) => () => void callback());
  schedule(() => fired.push("scheduled between runs"), 0);
  expect(scheduled).toHaveLength(0);
  expect(scope.setTimeout(() => fired.push("timer between runs"), 0)).toBe(0);
  scope.begin();
  schedule(() => fired.push("scheduled in the run"), 0);
  scheduled.shift()!();
  schedule(() => fired.push("scheduled, due after the run"), 20);
  scope.setTimeout(() => fired.push("timer due after the run"), 20);
  const signal = scope.timeoutSignal(20);
  scope.end();
  scheduled.shift()!(); // Pyodide calls it later: a new epoch by then
  await control(40);
  expect(fired).toEqual(["scheduled in the run"]);
  expect(signal.aborted).toBe(false);
  scope.begin();
  const inRun = scope.timeoutSignal(1);
  await new Promise((resolve) => inRun.addEventListener("abort", resolve, { once: true }));
  expect((inRun.reason as DOMException).name).toBe("TimeoutError");
  scope.end();
});

test("the end of a run tells its listeners which run ended", () => {
  const scope = new RunScope();
  const ended: number[] = [];
  scope.onEnd((epoch) => ended.push(epoch));
  scope.begin();
  const run = scope.current;
  scope.end();
  expect(ended).toEqual([run]);
  expect(scope.current).not.toBe(run);
});

/** A stand-in for Pyodide's proxy machinery: proxies whose `shared` state and attribute cache the scope reads. */
function fakePyodide() {
  class Callable {
    call(...args: unknown[]) {
      return `called with ${args.length}`;
    }
    copy() {
      return module.pyproxy_new({ copyOf: this });
    }
  }
  const attrs = new WeakMap<object, { shared: { cache: { map: object } } }>();
  const module: ProxyInternals = {
    pyproxy_new: () => {
      const proxy = Object.create(module.getPyProxyClass(1).prototype) as object;
      attrs.set(proxy, { shared: { cache: { map: new Map() } } });
      return proxy;
    },
    getPyProxyClass: () => Callable,
    PyProxy_getAttrsQuiet: (proxy) => attrs.get(proxy as object),
  };
  return { module, attrs };
}

test("a PyProxy made in a run can be called in it and throws, running nothing, in a later one; proxies made before the first run, and those JS reads from them, always work", () => {
  const { module, attrs } = fakePyodide();
  const scope = new RunScope();
  const api = module.pyproxy_new() as { call(): unknown }; // made before the hooks: Pyodide's own
  scope.guardProxies(module);
  const boot = module.pyproxy_new() as { call(): unknown }; // made while booting (epoch 0)
  scope.begin();
  const mine = module.pyproxy_new() as { call(...a: unknown[]): unknown; copy(): { call(): unknown } };
  const copied = mine.copy();
  const readFromApi = module.pyproxy_new() as { call(): unknown };
  scope.cached(attrs.get(api as object)!.shared.cache.map, readFromApi);
  expect(mine.call(1, 2)).toBe("called with 2");
  scope.end();
  scope.begin();
  expect(() => mine.call()).toThrow("serves only the run that handed it over");
  expect(() => copied.call()).toThrow("serves only the run that handed it over");
  expect(api.call()).toBe("called with 0");
  expect(boot.call()).toBe("called with 0");
  expect(readFromApi.call()).toBe("called with 0");
  // The gated prototype is frozen: Python cannot put the original back.
  expect(Object.isFrozen(Object.getPrototypeOf(mine))).toBe(true);
});
