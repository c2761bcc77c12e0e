/** Requirement strings and environment markers, as `install` reads them for Pyodide. */
import { describe, expect, test } from "bun:test";
import { evaluateMarker, pyodideMarkerEnvironment } from "../../daemon/packages/markers.ts";
import { closestNames, normalizeName } from "../../daemon/packages/package-name.ts";
import { classifyRequirement, parseRequirement, versionSatisfies } from "../../daemon/packages/requirement.ts";

const env = pyodideMarkerEnvironment({ python: "3.14.2", abi: "2026_0", platform: "emscripten_5_0_3", arch: "wasm32" });

describe("requirements", () => {
  test("names, extras, specifiers and markers", () => {
    expect(parseRequirement("requests")).toMatchObject({ name: "requests", extras: [], specifier: "" });
    expect(parseRequirement("Requests[Socks, security] >= 2.0 , <3 ; python_version >= '3.8'")).toMatchObject({
      name: "Requests",
      extras: ["socks", "security"],
      specifier: ">=2.0,<3",
      marker: "python_version >= '3.8'",
    });
    expect(parseRequirement("pkg (>=1.0)").specifier).toBe(">=1.0");
    expect(parseRequirement("pkg==1.*").specifier).toBe("==1.*");
    expect(parseRequirement("pkg @ https://example.test/pkg-1.0-py3-none-any.whl").url).toBe("https://example.test/pkg-1.0-py3-none-any.whl");
  });

  test("bad requirements are refused saying what is wrong", () => {
    expect(() => parseRequirement(">=1.0")).toThrow("package name");
    expect(() => parseRequirement("pkg >> 1")).toThrow("version clause");
    expect(() => parseRequirement("pkg[extra")).toThrow("unclosed");
  });

  test("wheel URLs and paths are told apart from names", () => {
    expect(classifyRequirement("https://host.test/a/x-1.0-py3-none-any.whl#sha256=00").kind).toBe("wheel-url");
    expect(classifyRequirement("./dist/x-1.0-py3-none-any.whl", "/work")).toEqual({ kind: "wheel-path", path: "/work/dist/x-1.0-py3-none-any.whl", text: "./dist/x-1.0-py3-none-any.whl" });
    expect(classifyRequirement("file:///tmp/x-1.0-py3-none-any.whl").kind).toBe("wheel-path");
    expect(classifyRequirement("numpy>=2").kind).toBe("spec");
    expect(() => classifyRequirement("https://host.test/x.tar.gz")).toThrow(".whl");
  });

  test("name @ URL is a URL requirement, not a path (the form docs/packages.md shows)", () => {
    for (const text of ["x @ https://host.test/x-1.0-py3-none-any.whl", "x@https://host.test/x-1.0-py3-none-any.whl", "x[extra] @ https://host.test/x-1.0-py3-none-any.whl#sha256=" + "a".repeat(64)]) {
      const input = classifyRequirement(text, "/work");
      expect(input.kind).toBe("spec");
      if (input.kind !== "spec") continue;
      expect(input.requirement.name).toBe("x");
      expect(input.requirement.url).toStartWith("https://host.test/x-1.0-py3-none-any.whl");
    }
    expect(classifyRequirement("file:/tmp/x-1.0-py3-none-any.whl")).toMatchObject({ kind: "wheel-path", path: "/tmp/x-1.0-py3-none-any.whl" });
    expect(() => classifyRequirement("emfs:/tmp/x-1.0-py3-none-any.whl")).toThrow("inside the interpreter");
  });

  test("PEP 440 specifiers, pre-releases only when asked", () => {
    expect(versionSatisfies("1.4.2", "~=1.4")).toBe(true);
    expect(versionSatisfies("2.0", ">=1.0,<2")).toBe(false);
    expect(versionSatisfies("2.0rc1", ">=1.0")).toBe(false);
    expect(versionSatisfies("2.0rc1", ">=1.0", true)).toBe(true);
    expect(versionSatisfies("1.0", "")).toBe(true);
    expect(versionSatisfies("2.0rc1", "")).toBe(false);
    expect(versionSatisfies("2.0rc1", "", true)).toBe(true);
  });
});

describe("markers on Pyodide", () => {
  test("the environment is emscripten on wasm32, CPython 3.14", () => {
    expect(env).toMatchObject({ sys_platform: "emscripten", platform_machine: "wasm32", python_version: "3.14", platform_system: "Emscripten" });
  });

  test("common markers evaluate as they would inside Pyodide", () => {
    expect(evaluateMarker('python_version >= "3.8"', env)).toBe(true);
    expect(evaluateMarker('python_version < "3.11"', env)).toBe(false);
    expect(evaluateMarker('sys_platform == "win32"', env)).toBe(false);
    expect(evaluateMarker('sys_platform != "win32" and platform_python_implementation == "CPython"', env)).toBe(true);
    expect(evaluateMarker('(os_name == "nt" or sys_platform == "emscripten") and python_full_version >= "3.14.0"', env)).toBe(true);
    expect(evaluateMarker("'emscripten' in sys_platform", env)).toBe(true);
    expect(evaluateMarker('platform_machine not in "x86_64 aarch64"', env)).toBe(true);
  });

  test("extra markers hold only for the extra asked for, in any spelling", () => {
    expect(evaluateMarker('extra == "socks"', { ...env, extra: "" })).toBe(false);
    expect(evaluateMarker('extra == "Socks_Proxy"', { ...env, extra: "socks-proxy" })).toBe(true);
  });

  test("a marker that cannot be parsed is refused", () => {
    expect(() => evaluateMarker('python_version >= "3.8" and', env)).toThrow("marker");
    expect(() => evaluateMarker('favourite_colour == "blue"', env)).toThrow("unknown marker variable");
  });
});

describe("names", () => {
  test("PEP 503 normalisation", () => {
    expect(normalizeName("Python_Dateutil")).toBe("python-dateutil");
    expect(normalizeName("ruamel.yaml")).toBe("ruamel-yaml");
  });

  test("close names for a typo", () => {
    expect(closestNames("pandsa", ["pandas", "numpy", "panel"])).toContain("pandas");
    expect(closestNames("zzzzzz", ["pandas", "numpy"])).toEqual([]);
  });
});
