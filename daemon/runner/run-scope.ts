/** Keeps every way JavaScript can call back into Python within the run that armed it: timers, the scheduler, AbortSignal.timeout, promise reactions and Python functions handed to JS. */

/** A JS function made for a Python callable (once-callables, promise handles): calling it runs Python; `destroy` frees the callable. */
type PythonCallback = ((...args: unknown[]) => unknown) & { destroy?: () => void };

/** The part of Pyodide's Emscripten module the scope hooks (the worker alone holds it). */
export interface ProxyInternals {
  pyproxy_new: (...args: unknown[]) => unknown;
  getPyProxyClass: (flags: number) => { prototype: object };
  PyProxy_getAttrsQuiet: (proxy: unknown) => { shared?: object } | undefined;
}

/**
 * Methods of Pyodide's PyProxy classes through which JavaScript runs Python code: calls, and
 * stepping iterators and generators. `copy` makes a new proxy of the same object, which
 * keeps its stamp.
 */
const GATED_METHODS = ["apply", "call", "callWithOptions", "callKwargs", "callRelaxed", "callKwargsRelaxed", "callPromising", "callPromisingKwargs", "next", "send", "return", "throw"];

/** The longest delay JavaScript keeps (setTimeout fires a longer one at once). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Time in the worker is cut into epochs: each run is one, and each stretch between two runs
 * is one. Whatever Python hands JavaScript to call later (a timer's callback, a scheduled
 * callback, a promise reaction, a Python function wrapped as a JS one) is stamped with the
 * epoch it was made in and does nothing once that epoch is over: its run has ended, so it
 * can neither print into the next run nor spin between runs. Timers of a run are cleared at
 * its end and pending answers from the daemon are dropped, so nothing they would settle ever
 * settles. Python functions that Pyodide and woma wrapped before the first run (woma's
 * runtime, Pyodide's own API) carry no stamp and are always callable.
 */
export class RunScope {
  private epoch = 0;
  private running = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** The epoch of each stamped proxy's shared state (copies and bound methods of one proxy share it). */
  private readonly stamps = new WeakMap<object, number>();
  /** The epoch of each stamped proxy's attribute cache, whose entries (proxies JS made by reading its attributes) inherit it. */
  private readonly cacheOwners = new WeakMap<object, number>();
  /** Reads a proxy's internal attributes, once {@link guardProxies} has run. */
  private attrsOf: ((proxy: unknown) => { shared?: { cache?: { map?: object } } } | undefined) | undefined;
  private readonly endListeners = new Set<(ended: number) => void>();

  /** The current epoch (each run, and each stretch between runs, has its own). */
  get current(): number {
    return this.epoch;
  }

  /** A run starts: a new epoch. */
  begin(): void {
    this.epoch++;
    this.running = true;
  }

  /** The run has ended: its timers are cleared, a new epoch (between runs) starts, and `onEnd` listeners are told the run's epoch. */
  end(): void {
    const ended = this.epoch;
    this.running = false;
    this.epoch++;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const listener of [...this.endListeners]) listener(ended);
  }

  /** Calls `listener` with the run's epoch at the end of every run (to drop what the run left waiting). */
  onEnd(listener: (ended: number) => void): void {
    this.endListeners.add(listener);
  }

  /** Whether something stamped with `epoch` may still call Python. */
  live(epoch: number): boolean {
    return epoch === this.epoch;
  }

  /**
   * `callback` stamped with the current epoch: called later, it runs only within this epoch,
   * and otherwise frees its Python callable (when it has one) and does nothing.
   */
  stamp<T extends PythonCallback>(callback: T, destroy: (() => void) | undefined = callback.destroy?.bind(callback)): T {
    const epoch = this.epoch;
    const gated = ((...args: unknown[]) => {
      if (epoch === this.epoch) return callback(...args);
      try {
        destroy?.();
      } catch {
        // Already destroyed (a promise's other handle ran): nothing to free.
      }
      return undefined;
    }) as T;
    if (callback.destroy) gated.destroy = callback.destroy;
    return gated;
  }

  /**
   * Pyodide put `proxy` in `cache` (a proxy's attribute cache: JS read an attribute of that
   * proxy and got this one): it belongs to whoever the cache's owner belongs to. A proxy read
   * from Pyodide's own API (`package_loader.unpack_buffer`) is Pyodide's, and is handed out
   * again from the cache in later runs; one read from a run's proxy is that run's.
   */
  cached(cache: object, proxy: unknown): void {
    if (!this.attrsOf) return;
    const owner = this.cacheOwners.get(cache);
    const key = this.sharedOf(proxy);
    if (key === undefined) return;
    if (owner === undefined) {
      this.stamps.delete(key);
      const map = this.attrsOf(proxy)?.shared?.cache?.map;
      if (map) this.cacheOwners.delete(map);
    } else this.restamp(proxy, owner, true);
  }

  private sharedOf(proxy: unknown): object | undefined {
    try {
      return this.attrsOf?.(proxy)?.shared;
    } catch {
      return undefined;
    }
  }

  /** Stamps a proxy's shared state and its attribute cache with `epoch` (unless it has one, or `override`). */
  private restamp(proxy: unknown, epoch: number, override: boolean): void {
    const key = this.sharedOf(proxy);
    if (key === undefined || (!override && this.stamps.has(key))) return;
    this.stamps.set(key, epoch);
    const map = this.attrsOf?.(proxy)?.shared?.cache?.map;
    if (map && (override || !this.cacheOwners.has(map))) this.cacheOwners.set(map, epoch);
  }

  /** setTimeout for Python: only during a run, cleared at its end. Outside a run nothing is scheduled. */
  setTimeout(callback: unknown, ms: unknown, args: unknown[] = [], onError: (error: unknown) => void = () => {}): ReturnType<typeof setTimeout> | 0 {
    if (!this.running || typeof callback !== "function") return 0;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        try {
          const result = (callback as (...a: unknown[]) => unknown)(...args) as { then?: unknown } | undefined;
          if (result && typeof result.then === "function") (result as Promise<unknown>).then(undefined, onError);
        } catch (error) {
          onError(error);
        }
      },
      typeof ms === "number" && ms > 0 ? Math.min(ms, MAX_DELAY_MS) : 0,
    );
    this.timers.add(timer);
    return timer;
  }

  /** clearTimeout for Python: only its own run's timers. */
  clearTimeout(timer: unknown): void {
    for (const t of this.timers) {
      if (t === timer) {
        clearTimeout(t);
        this.timers.delete(t);
      }
    }
  }

  /**
   * Pyodide's scheduleCallback (`raw`), scoped: a callback scheduled during a run is called
   * within that run or not at all, and outside a run nothing is scheduled. `wrap` is applied
   * to each callback (it keeps what the callback throws from escaping into JavaScript).
   */
  scheduler(raw: (callback: () => void, delay: number) => void, wrap: (callback: () => unknown) => () => void): (callback: unknown, delay?: unknown) => void {
    return (callback, delay) => {
      if (!this.running || typeof callback !== "function") return;
      const epoch = this.epoch;
      const run = wrap(callback as () => unknown);
      raw(() => {
        if (epoch === this.epoch) run();
      }, typeof delay === "number" && delay > 0 ? Math.min(delay, MAX_DELAY_MS) : 0);
    };
  }

  /** AbortSignal.timeout, scoped: the signal aborts within the run that asked for it, or never. */
  timeoutSignal(ms: unknown): AbortSignal {
    const controller = new AbortController();
    this.setTimeout(() => controller.abort(new DOMException("The operation timed out.", "TimeoutError")), ms);
    return controller.signal;
  }

  /**
   * Stamps every PyProxy Pyodide makes from now on, and gates the methods by which JavaScript
   * runs Python through one (calls, iteration): a stale proxy's call throws, running nothing. Proxies made before this (Pyodide's API, woma's runtime) stay callable. Each
   * PyProxy class's prototype is gated and then frozen the first time Pyodide uses the class.
   * Throws when Pyodide's internals are not where this expects them.
   */
  guardProxies(module: ProxyInternals): void {
    const { pyproxy_new: create, getPyProxyClass: classFor, PyProxy_getAttrsQuiet: attrsOf } = module;
    if (typeof create !== "function" || typeof classFor !== "function" || typeof attrsOf !== "function") {
      throw new Error("Pyodide's PyProxy internals are not where woma expects them; review daemon/runner/run-scope.ts");
    }
    this.attrsOf = attrsOf as typeof this.attrsOf;
    const stampOf = (proxy: unknown): number | undefined => {
      const key = this.sharedOf(proxy);
      return key === undefined ? undefined : this.stamps.get(key);
    };
    const stamp = (proxy: unknown, epoch: number): void => this.restamp(proxy, epoch, false);
    module.pyproxy_new = (...args: unknown[]) => {
      const proxy = create(...args);
      // Proxies made while Pyodide boots are its own, like those made before this hook.
      if (this.epoch > 0) stamp(proxy, this.epoch);
      return proxy;
    };
    const gated = new WeakSet<object>();
    const scope = this;
    const gate = (proto: Record<string, unknown>): void => {
      for (const name of GATED_METHODS) {
        const method = Object.getOwnPropertyDescriptor(proto, name)?.value as ((...args: unknown[]) => unknown) | undefined;
        if (typeof method !== "function") continue;
        Object.defineProperty(proto, name, {
          value: function (this: unknown, ...args: unknown[]) {
            const epoch = stampOf(this);
            if (epoch === undefined || scope.live(epoch)) return method.apply(this, args);
            throw new Error("a Python function handed to JavaScript serves only the run that handed it over; this one has ended");
          },
          writable: false,
          configurable: false,
        });
      }
      const copy = Object.getOwnPropertyDescriptor(proto, "copy")?.value as ((this: unknown) => unknown) | undefined;
      if (typeof copy === "function") {
        Object.defineProperty(proto, "copy", {
          value: function (this: unknown) {
            const made = copy.call(this);
            const epoch = stampOf(this);
            if (epoch !== undefined) stamp(made, epoch);
            return made;
          },
          writable: false,
          configurable: false,
        });
      }
      // Python holds JS objects whose prototype chain leads here: nothing of it may be replaced.
      Object.freeze(proto);
    };
    module.getPyProxyClass = (flags: number) => {
      const cls = classFor(flags);
      // The class's own prototype, then the PyProxy base they all share (copy, destroy, toJs).
      for (let proto = cls.prototype as Record<string, unknown> | null; proto && proto !== Object.prototype && (proto as unknown) !== Function.prototype; proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null) {
        if (gated.has(proto)) break;
        gated.add(proto);
        gate(proto);
      }
      return cls;
    };
  }
}
