/** Freezes the JavaScript built-ins of the worker's realm, so Python cannot plant code in them for the runner's own JS to call. */

/**
 * Global names whose values are the language's built-ins (constructors, namespaces). Host
 * objects (process, Bun, fetch) are not here: Python has no reference to them to change.
 */
const INTRINSIC_GLOBALS = [
  "Object", "Function", "Array", "Number", "parseFloat", "parseInt", "Boolean", "String", "Symbol", "Date",
  "Promise", "RegExp", "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError", "SyntaxError",
  "TypeError", "URIError", "JSON", "Math", "Intl", "ArrayBuffer", "SharedArrayBuffer", "Atomics", "Uint8Array",
  "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array",
  "Uint8ClampedArray", "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt", "Set", "WeakMap", "WeakSet",
  "Proxy", "Reflect", "WeakRef", "FinalizationRegistry", "Iterator", "WebAssembly", "decodeURI", "decodeURIComponent",
  "encodeURI", "encodeURIComponent", "escape", "unescape", "isFinite", "isNaN", "TextEncoder", "TextDecoder",
  "AbortController", "AbortSignal", "Event", "EventTarget", "URL", "URLSearchParams", "Headers", "Request", "Response",
  "Blob", "File", "FormData", "ReadableStream", "ReadableStreamDefaultReader", "WritableStream", "TransformStream", "DOMException",
  "queueMicrotask", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "structuredClone",
] as const;

/**
 * Properties that ordinary code assigns on instances (`err.name = ...`). Once a prototype
 * is frozen, assigning a property it has throws in strict mode (the "override mistake"),
 * so these become accessors that define the property on the instance instead.
 */
const OVERRIDABLE = ["constructor", "name", "message", "toString", "valueOf", "toJSON", "stack", "cause", "code"];

/** Intrinsics that no global names: reachable only through prototypes. */
function hiddenIntrinsics(): object[] {
  const proto = (value: unknown) => Object.getPrototypeOf(value) as object;
  /* eslint-disable @typescript-eslint/no-empty-function */
  const generator = function* () {};
  const asyncFunction = async function () {};
  const asyncGenerator = async function* () {};
  return [
    proto(generator), // %GeneratorFunction.prototype%
    proto(generator()), // %GeneratorPrototype% via an instance
    proto(asyncFunction),
    proto(asyncGenerator),
    proto(asyncGenerator()),
    proto(proto([][Symbol.iterator]())), // %IteratorPrototype%
    proto([][Symbol.iterator]()),
    proto(new Map()[Symbol.iterator]()),
    proto(new Set()[Symbol.iterator]()),
    proto(""[Symbol.iterator]()),
    proto(/a/[Symbol.matchAll]("")),
    proto(Uint8Array), // %TypedArray%
  ];
}

function overridable(target: object, key: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor || !("value" in descriptor) || !descriptor.configurable) return;
  const value: unknown = descriptor.value;
  Object.defineProperty(target, key, {
    configurable: false,
    enumerable: descriptor.enumerable ?? false,
    get() {
      return value;
    },
    set(this: object, next: unknown) {
      if (this === target) throw new TypeError(`Cannot assign to read only property '${key}' of a frozen built-in`);
      Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
  });
}

/**
 * Deep-freezes every built-in reachable from the language's globals and hidden
 * intrinsics: constructors, prototypes, and everything their properties (values, getters,
 * setters) lead to. Python reaches these through any JS object Pyodide hands it
 * (`to_js({}).constructor.prototype`), so without this it could replace
 * `Object.prototype.then` or `Array.prototype.push` with a Python function and be called
 * by the runner's own code with internal objects as arguments. Also fixes
 * `Error.prepareStackTrace` to one that writes no frames: frames name the host's files,
 * and a prepareStackTrace of Python's would see call sites.
 * Call once, after Pyodide has booted and before any user code runs.
 */
export function lockDownRealm(): void {
  const global = globalThis as unknown as Record<string, unknown>;
  const roots: unknown[] = INTRINSIC_GLOBALS.map((name) => global[name]).filter((value) => value !== undefined);
  roots.push(...hiddenIntrinsics());
  // Stack traces name the host's files (the checkout, node_modules/pyodide), and Pyodide copies
  // a JS error's frames into Python tracebacks: every error's stack is empty (an empty stack
  // also keeps Pyodide from adding a frame made of the message to the traceback).
  // Assigned, not defined, because Bun honours prepareStackTrace only when it is set that way;
  // then made permanent, so Python can neither restore frames nor see call sites.
  const errorCtor = Error as unknown as Record<string, unknown>;
  if (Object.getOwnPropertyDescriptor(Error, "prepareStackTrace")?.configurable !== false) {
    errorCtor.prepareStackTrace = noFrames;
    Object.defineProperty(errorCtor, "prepareStackTrace", { writable: false, configurable: false });
  }
  // Pyodide raises Error.stackTraceLimit around `new PythonError(...)`, and the engine reads
  // it as a plain number (an accessor would leave errors without a stack), so it alone
  // stays a writable data property of a constructor that is otherwise frozen.
  const keepWritable = new Map<unknown, string>([[Error, "stackTraceLimit"]]);
  const seen = new Set<unknown>();
  const queue = [...roots];
  while (queue.length > 0) {
    const value = queue.pop();
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value) || value === globalThis) continue;
    seen.add(value);
    if (typeof value === "object" || typeof value === "function") {
      for (const key of OVERRIDABLE) if (Object.prototype.hasOwnProperty.call(value, key) && isPrototypeLike(value)) overridable(value, key);
    }
    queue.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (!descriptor) continue;
      if ("value" in descriptor) queue.push(descriptor.value);
      else queue.push(descriptor.get, descriptor.set);
    }
    const writable = keepWritable.get(value);
    if (writable === undefined) {
      Object.freeze(value);
      continue;
    }
    for (const key of Reflect.ownKeys(value)) {
      if (key === writable) continue;
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
      Object.defineProperty(value, key, "value" in descriptor ? { configurable: false, writable: false } : { configurable: false });
    }
    Object.preventExtensions(value);
  }
}

/** The stack an error gets in the worker: none (frames would name the host's files). */
function noFrames(): string {
  return "";
}

/** True for an object that is some constructor's prototype: instances inherit its properties and may want to override them. */
function isPrototypeLike(value: object): boolean {
  const ctor = Object.getOwnPropertyDescriptor(value, "constructor");
  return ctor !== undefined && "value" in ctor && typeof ctor.value === "function" && (ctor.value as { prototype?: unknown }).prototype === value;
}
