/** PEP 508 environment markers (`python_version >= "3.9" and sys_platform != "win32"`), evaluated for Pyodide. */
import { satisfies, valid } from "@renovatebot/pep440";
import { normalizeName } from "./package-name.ts";
import { PackageError } from "./package-error.ts";
import type { PythonTarget } from "./wheel-tags.ts";

/** Values of the marker variables; `extra` is set per evaluation. */
export type MarkerEnvironment = Record<string, string>;

/** The marker environment of Pyodide running `target` (what `packaging.markers.default_environment()` says inside it). */
export function pyodideMarkerEnvironment(target: PythonTarget): MarkerEnvironment {
  const [major, minor] = target.python.split(".");
  return {
    implementation_name: "cpython",
    implementation_version: target.python,
    os_name: "posix",
    platform_machine: target.arch,
    platform_python_implementation: "CPython",
    platform_release: target.platform.replace(/^emscripten_/, "").replace(/_/g, "."),
    platform_system: "Emscripten",
    platform_version: "",
    python_full_version: target.python,
    python_version: `${major}.${minor}`,
    sys_platform: "emscripten",
  };
}

// Old spellings that PEP 508 still accepts.
const ALIASES: Record<string, string> = {
  "os.name": "os_name",
  "sys.platform": "sys_platform",
  "platform.version": "platform_version",
  "platform.machine": "platform_machine",
  "platform.python_implementation": "platform_python_implementation",
  python_implementation: "platform_python_implementation",
};

const VARIABLES = new Set(["implementation_name", "implementation_version", "os_name", "platform_machine", "platform_python_implementation", "platform_release", "platform_system", "platform_version", "python_full_version", "python_version", "sys_platform", "extra", ...Object.keys(ALIASES)]);

type Token = { kind: "string"; value: string } | { kind: "variable"; value: string } | { kind: "op"; value: string } | { kind: "word"; value: "and" | "or" } | { kind: "paren"; value: "(" | ")" };

function tokenize(marker: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const bad = (what: string): never => {
    throw new PackageError("BAD_REQUIREMENT", `marker ${JSON.stringify(marker)}: ${what} at position ${i}`);
  };
  while (i < marker.length) {
    const rest = marker.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const end = rest.indexOf(quote, 1);
      if (end < 0) bad("an unclosed string");
      tokens.push({ kind: "string", value: rest.slice(1, end) });
      i += end + 1;
      continue;
    }
    if (quote === "(" || quote === ")") {
      tokens.push({ kind: "paren", value: quote });
      i += 1;
      continue;
    }
    const op = /^(===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b)/.exec(rest);
    if (op) {
      tokens.push({ kind: "op", value: op[0].replace(/\s+/g, " ") });
      i += op[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      if (word[0] === "and" || word[0] === "or") tokens.push({ kind: "word", value: word[0] });
      else if (VARIABLES.has(word[0])) tokens.push({ kind: "variable", value: ALIASES[word[0]] ?? word[0] });
      else bad(`unknown marker variable "${word[0]}"`);
      i += word[0].length;
      continue;
    }
    bad(`unexpected "${rest[0]}"`);
  }
  return tokens;
}

function compare(left: string, op: string, right: string, isExtra: boolean): boolean {
  if (isExtra) {
    left = normalizeName(left);
    right = normalizeName(right);
  }
  if (op === "in") return right.includes(left);
  if (op === "not in") return !right.includes(left);
  // A version comparison when both sides read as PEP 440 versions (or the right side is a wildcard), else a string comparison.
  if (!isExtra && valid(left) && (valid(right) || (/\.\*$/.test(right) && (op === "==" || op === "!=")))) {
    return satisfies(left, `${op}${right}`, { prereleases: true });
  }
  switch (op) {
    case "==":
    case "===":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    default:
      return false;
  }
}

/**
 * Evaluates a PEP 508 marker against `env`. Version comparisons use PEP 440 when both
 * sides are versions; `extra` compares normalised names. Throws BAD_REQUIREMENT on a
 * marker it cannot parse (naming the position).
 */
export function evaluateMarker(marker: string, env: MarkerEnvironment): boolean {
  const tokens = tokenize(marker);
  let at = 0;
  const fail = (what: string): never => {
    throw new PackageError("BAD_REQUIREMENT", `marker ${JSON.stringify(marker)}: ${what}`);
  };
  const value = (): { text: string; variable?: string } => {
    const token = tokens[at++];
    if (token?.kind === "string") return { text: token.value };
    if (token?.kind === "variable") return { text: env[token.value] ?? "", variable: token.value };
    return fail("expected a variable or a quoted string");
  };
  const atom = (): boolean => {
    if (tokens[at]?.kind === "paren" && tokens[at]?.value === "(") {
      at++;
      const inner = or();
      if (tokens[at]?.kind !== "paren" || tokens[at]?.value !== ")") fail("a missing )");
      at++;
      return inner;
    }
    const left = value();
    const op = tokens[at++];
    if (op?.kind !== "op") return fail("expected a comparison operator");
    const right = value();
    return compare(left.text, op.value, right.text, left.variable === "extra" || right.variable === "extra");
  };
  const and = (): boolean => {
    let result = atom();
    while (tokens[at]?.kind === "word" && tokens[at]?.value === "and") {
      at++;
      result = atom() && result;
    }
    return result;
  };
  const or = (): boolean => {
    let result = and();
    while (tokens[at]?.kind === "word" && tokens[at]?.value === "or") {
      at++;
      result = and() || result;
    }
    return result;
  };
  const result = or();
  if (at !== tokens.length) fail("unexpected text after the end");
  return result;
}
