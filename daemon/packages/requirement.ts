/** What `install` accepts: PEP 508 requirements (`name[extra]>=1.0; marker`), wheel URLs and wheel paths. */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { explain, satisfies, validRange } from "@renovatebot/pep440";
import { isValidName, normalizeName } from "./package-name.ts";
import { PackageError } from "./package-error.ts";

/** A parsed PEP 508 requirement. */
export interface Requirement {
  /** The name as written. */
  name: string;
  /** Normalised extras, e.g. ["socks"]. */
  extras: string[];
  /** Comma-separated version clauses without spaces, e.g. ">=1.0,<2"; "" for any version. */
  specifier: string;
  /** A direct URL (`name @ https://...`), if given. */
  url?: string;
  /** The environment marker after `;`, if any. */
  marker?: string;
  /** The text as given. */
  text: string;
}

/** One thing to install, as `install` understands it. */
export type RequirementInput =
  | { kind: "spec"; requirement: Requirement }
  | { kind: "wheel-url"; url: string; text: string }
  | { kind: "wheel-path"; path: string; text: string };

const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*([A-Za-z0-9_.*+!-]+)$/;

function bad(text: string, what: string): never {
  throw new PackageError("BAD_REQUIREMENT", `requirement ${JSON.stringify(text)}: ${what}`, { requirement: text });
}

/** Parses a PEP 508 requirement; throws BAD_REQUIREMENT saying what part is wrong. */
export function parseRequirement(text: string): Requirement {
  let rest = text.trim();
  const nameMatch = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(rest);
  if (!nameMatch) bad(text, "expected a package name first");
  const name = nameMatch[1]!;
  rest = rest.slice(name.length).trimStart();
  let extras: string[] = [];
  if (rest.startsWith("[")) {
    const end = rest.indexOf("]");
    if (end < 0) bad(text, "an unclosed [ of extras");
    extras = rest
      .slice(1, end)
      .split(",")
      .map((extra) => extra.trim())
      .filter((extra) => extra !== "");
    if (!extras.every(isValidName)) bad(text, "extras must be names");
    extras = extras.map(normalizeName);
    rest = rest.slice(end + 1).trimStart();
  }
  const requirement: Requirement = { name, extras, specifier: "", text };
  if (rest.startsWith("@")) {
    const urlMatch = /^@\s*(\S+)/.exec(rest);
    if (!urlMatch) bad(text, "expected a URL after @");
    requirement.url = urlMatch[1]!;
    rest = rest.slice(urlMatch[0].length).trimStart();
  } else {
    const semicolon = rest.indexOf(";");
    let spec = (semicolon < 0 ? rest : rest.slice(0, semicolon)).trim();
    rest = semicolon < 0 ? "" : rest.slice(semicolon);
    if (spec.startsWith("(") && spec.endsWith(")")) spec = spec.slice(1, -1).trim();
    if (spec !== "") {
      const clauses = spec.split(",").map((clause) => clause.trim());
      const normal = clauses.map((clause) => {
        const match = CLAUSE.exec(clause);
        if (!match) bad(text, `"${clause}" is not a version clause like >=1.0`);
        return `${match[1]}${match[2]}`;
      });
      requirement.specifier = normal.join(",");
      if (!validRange(requirement.specifier)) bad(text, `"${spec}" is not a valid version specifier`);
    }
  }
  if (rest.startsWith(";")) {
    const marker = rest.slice(1).trim();
    if (marker === "") bad(text, "an empty marker after ;");
    requirement.marker = marker;
  } else if (rest !== "") {
    bad(text, `unexpected "${rest}"`);
  }
  return requirement;
}

/**
 * Sorts a requirement string into a wheel URL (`http(s)://…/x.whl`), a wheel path (a
 * `file:` URL or a path ending in `.whl`, made absolute against `cwd`), or a PEP 508
 * requirement, `name @ URL` included (looked for before paths: its URL ends in `.whl` too).
 */
export function classifyRequirement(text: string, cwd = process.cwd()): RequirementInput {
  const trimmed = text.trim();
  const withoutFragment = trimmed.replace(/#.*$/, "");
  if (/^https?:\/\//i.test(trimmed)) {
    let pathname: string;
    try {
      pathname = new URL(withoutFragment).pathname;
    } catch {
      bad(text, "not a valid URL");
    }
    if (!/\.whl$/i.test(pathname)) bad(text, "a URL must point at a .whl file");
    return { kind: "wheel-url", url: trimmed, text };
  }
  if (/^file:/i.test(trimmed)) {
    try {
      return { kind: "wheel-path", path: fileURLToPath(withoutFragment), text };
    } catch (error) {
      bad(text, `not a file URL of this machine (${(error as Error).message})`);
    }
  }
  if (/^emfs:/i.test(trimmed)) bad(text, "emfs: names a file inside the interpreter, which woma does not install from; give a package name or a wheel URL");
  if (/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*(?:\[[^\]]*\])?\s*@/.test(trimmed)) return { kind: "spec", requirement: parseRequirement(trimmed) };
  if (/\.whl$/i.test(trimmed)) return { kind: "wheel-path", path: isAbsolute(trimmed) ? trimmed : resolve(cwd, trimmed), text };
  return { kind: "spec", requirement: parseRequirement(trimmed) };
}

/** True when `version` satisfies `specifier` ("" accepts any version); pre-releases count only when `prereleases` is set. */
export function versionSatisfies(version: string, specifier: string, prereleases = false): boolean {
  if (specifier === "") return prereleases || explain(version)?.is_prerelease !== true;
  return satisfies(version, specifier, { prereleases });
}

/** True when a specifier names a pre-release itself (then pre-releases may be chosen, as pip does). */
export function specifierAllowsPrereleases(specifier: string): boolean {
  return /\d(a|b|rc|c|alpha|beta|pre|preview|dev)\d*/i.test(specifier);
}
